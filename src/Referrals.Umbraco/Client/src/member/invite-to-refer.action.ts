import { UmbEntityActionBase } from '@umbraco-cms/backoffice/entity-action';
import { UmbLocalizationController } from '@umbraco-cms/backoffice/localization-api';
import { UMB_NOTIFICATION_CONTEXT } from '@umbraco-cms/backoffice/notification';
import { fieldError, problemTitle, ReferralsApi } from '../api/referrals-api.js';

/**
 * "Invite to refer" on a member: makes the member an advocate (code if none) and schedules a manual ask.
 * The server is idempotent per member and day, so a second click the same day changes nothing.
 */
export class ReferralsInviteToReferAction extends UmbEntityActionBase<never> {
	#api = new ReferralsApi(this);
	#localize = new UmbLocalizationController(this);

	override async execute() {
		const key = this.args.unique;
		if (!key) return;
		const { data, error } = await this.#api.inviteMember(key);
		const notifications = await this.getContext(UMB_NOTIFICATION_CONTEXT);
		if (error || !data) {
			notifications?.peek('danger', {
				data: {
					headline: this.#localize.term('referrals_inviteFailed'),
					message: fieldError(error, 'email') ?? problemTitle(error) ?? '',
				},
			});
			return;
		}
		const skipped = data.ask.state === 'Skipped';
		notifications?.peek(skipped ? 'warning' : 'positive', {
			data: {
				headline: this.#localize.term(skipped ? 'referrals_inviteSkipped' : 'referrals_inviteSent'),
				message: skipped ? this.#localize.term('referrals_skip_' + data.ask.skipReason) : data.link,
			},
		});
	}
}

export { ReferralsInviteToReferAction as api };
