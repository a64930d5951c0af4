import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { UMB_ENTITY_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/workspace';
import { fieldError, isNotFound, problemTitle, ReferralsApi } from '../api/referrals-api.js';
import type { MemberReferrals } from '../api/types.js';
import { formatDate } from '../shared/format.js';
import '../shared/status.element.js';

/** The "Referrals" tab on a member: their code and link, referral counts, the last ask, and "invite to refer". */
@customElement('referrals-member-workspace-view')
export class ReferralsMemberWorkspaceViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _memberKey?: string;
	@state() private _member?: MemberReferrals;
	@state() private _state: 'loading' | 'ready' | 'unsaved' | 'missing' | 'error' = 'loading';
	@state() private _inviting = false;
	@state() private _inviteError?: string;

	constructor() {
		super();
		this.consumeContext(UMB_ENTITY_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => {
				this._memberKey = unique ?? undefined;
				this.#load();
			});
		});
	}

	async #load() {
		if (!this._memberKey) {
			this._state = 'unsaved';
			return;
		}
		this._state = 'loading';
		const { data, error } = await this.#api.member(this._memberKey);
		if (error || !data) {
			this._state = isNotFound(error) ? 'missing' : 'error';
			return;
		}
		this._member = data;
		this._state = 'ready';
	}

	async #invite() {
		this._inviting = true;
		this._inviteError = undefined;
		const { error } = await this.#api.inviteMember(this._memberKey!);
		this._inviting = false;
		if (error) {
			this._inviteError = fieldError(error, 'email') ?? problemTitle(error) ?? this.localize.term('referrals_inviteFailed');
			return;
		}
		await this.#load();
	}

	override render() {
		return html`<div class="page"><uui-box headline=${this.localize.term('referrals_memberTab')}>${this.#body()}</uui-box></div>`;
	}

	#body() {
		switch (this._state) {
			case 'loading':
				return html`<referrals-status state="loading"></referrals-status>`;
			case 'unsaved':
				return html`<referrals-status state="empty" .headline=${this.localize.term('referrals_memberUnsaved')}></referrals-status>`;
			case 'missing':
				return html`<referrals-status state="empty" .headline=${this.localize.term('referrals_memberMissing')}></referrals-status>`;
			case 'error':
				return html`<referrals-status state="error" @retry=${this.#load}></referrals-status>`;
		}
		const m = this._member!;
		return html`
			${m.code
				? html`<dl>
						<dt>${this.localize.term('referrals_colCode')}</dt><dd><code>${m.code}</code></dd>
						<dt>${this.localize.term('referrals_link')}</dt><dd><a href=${m.link ?? '#'} target="_blank" rel="noopener">${m.link}</a></dd>
						<dt>${this.localize.term('referrals_colReferrals')}</dt><dd class="referrals">${m.referrals}</dd>
						<dt>${this.localize.term('referrals_colConverted')}</dt><dd>${m.converted}</dd>
						<dt>${this.localize.term('referrals_lastAsk')}</dt>
						<dd>${m.lastAsk
							? html`${formatDate(this.localize, m.lastAsk.dueAt)} · ${this.localize.term('referrals_askState_' + m.lastAsk.state)}`
							: '—'}</dd>
					</dl>`
				: html`<p class="muted">${this.localize.term('referrals_memberNotAdvocate')}</p>`}
			${this._inviteError ? html`<p class="error" role="alert">${this._inviteError}</p>` : ''}
			<uui-button look="primary" label=${this.localize.term('referrals_inviteToRefer')} ?disabled=${this._inviting}
				.state=${this._inviting ? 'waiting' : undefined} @click=${this.#invite}></uui-button>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
		}
		dl {
			display: grid;
			grid-template-columns: max-content 1fr;
			gap: var(--uui-size-space-2) var(--uui-size-space-5);
		}
		dt {
			color: var(--uui-color-text-alt);
		}
		dd {
			margin: 0;
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.error {
			color: var(--uui-color-danger);
		}
	`;
}

export default ReferralsMemberWorkspaceViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-member-workspace-view': ReferralsMemberWorkspaceViewElement;
	}
}
