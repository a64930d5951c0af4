import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { fieldError, problemTitle, ReferralsApi } from '../api/referrals-api.js';
import type { AdvocateSummary, Introduction, Paged, RecordIntroduction } from '../api/types.js';
import { formatDate } from '../shared/format.js';
import '../shared/status.element.js';

type Draft = { advocateId: string; friendName: string; friendEmail: string; note: string; channel: RecordIntroduction['channel'] };
const EMPTY: Draft = { advocateId: '', friendName: '', friendEmail: '', note: '', channel: 'Phone' };

/**
 * Introductions: advocates introducing a friend by e-mail (sent by the business) or, recorded here by an editor, by
 * phone or in person. Recording one creates the referral and the advocate's thank-you card task; nothing is sent.
 */
@customElement('referrals-introductions-view')
export class ReferralsIntroductionsViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _list?: Paged<Introduction>;
	@state() private _advocates: AdvocateSummary[] = [];
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';
	@state() private _draft: Draft = { ...EMPTY };
	@state() private _saving = false;
	@state() private _error?: unknown;
	@state() private _recorded?: Introduction;

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const [list, advocates] = await Promise.all([this.#api.introductions(), this.#api.advocates({ sort: 'name', direction: 'asc', take: 100 })]);
		if (list.error || !list.data) {
			this._state = 'error';
			return;
		}
		this._list = list.data;
		this._advocates = advocates.data?.items ?? [];
		this._state = 'ready';
	}

	#patch(patch: Partial<Draft>) {
		this._draft = { ...this._draft, ...patch };
		this._recorded = undefined;
	}

	async #record() {
		const d = this._draft;
		this._saving = true;
		this._error = undefined;
		const { data, error } = await this.#api.recordIntroduction({
			advocateId: d.advocateId,
			friendName: d.friendName.trim() || undefined,
			friendEmail: d.friendEmail.trim() || undefined,
			note: d.note.trim() || undefined,
			channel: d.channel,
		});
		this._saving = false;
		if (error) {
			this._error = error;
			return;
		}
		this._recorded = data;
		this._draft = { ...EMPTY, channel: d.channel };
		const list = await this.#api.introductions();
		if (list.data) this._list = list.data;
	}

	#error(key: string) {
		const message = fieldError(this._error, key);
		return message ? html`<div class="field-error" role="alert" data-key=${key}>${message}</div>` : '';
	}

	#form() {
		const d = this._draft;
		const channels: RecordIntroduction['channel'][] = ['Phone', 'InPerson'];
		const general = this._error && !['advocateId', 'friendName', 'friendEmail', 'note', 'channel'].some((k) => fieldError(this._error, k))
			? problemTitle(this._error) ?? this.localize.term('referrals_saveFailed')
			: undefined;
		return html`<uui-box headline=${this.localize.term('referrals_recordIntroduction')} class="record">
			<p class="muted">${this.localize.term('referrals_recordIntroductionIntro')}</p>
			<div class="fields">
				<div class="field"><uui-label>${this.localize.term('referrals_colAdvocate')}</uui-label>
					<uui-select class="advocate" label=${this.localize.term('referrals_colAdvocate')}
						.options=${[
							{ name: this.localize.term('referrals_chooseAdvocate'), value: '', selected: !d.advocateId },
							...this._advocates.map((a) => ({ name: a.name, value: a.id, selected: a.id === d.advocateId })),
						]}
						@change=${(e: Event) => this.#patch({ advocateId: (e.target as HTMLSelectElement).value })}></uui-select>
					${this.#error('advocateId')}</div>
				<div class="field"><uui-label>${this.localize.term('referrals_introductionChannel')}</uui-label>
					<uui-select class="channel" label=${this.localize.term('referrals_introductionChannel')}
						.options=${channels.map((c) => ({ name: this.localize.term('referrals_introChannel_' + c), value: c, selected: c === d.channel }))}
						@change=${(e: Event) => this.#patch({ channel: (e.target as HTMLSelectElement).value as Draft['channel'] })}></uui-select>
					${this.#error('channel')}</div>
				<div class="field"><uui-label>${this.localize.term('referrals_friendName')}</uui-label>
					<uui-input class="friend-name" label=${this.localize.term('referrals_friendName')} .value=${d.friendName}
						@input=${(e: Event) => this.#patch({ friendName: (e.target as HTMLInputElement).value })}></uui-input>
					${this.#error('friendName')}</div>
				<div class="field"><uui-label>${this.localize.term('referrals_friendEmailOptional')}</uui-label>
					<uui-input class="friend-email" type="email" label=${this.localize.term('referrals_friendEmailOptional')} .value=${d.friendEmail}
						@input=${(e: Event) => this.#patch({ friendEmail: (e.target as HTMLInputElement).value })}></uui-input>
					${this.#error('friendEmail')}</div>
			</div>
			<div class="field"><uui-label>${this.localize.term('referrals_introductionNote')}</uui-label>
				<uui-textarea class="note" label=${this.localize.term('referrals_introductionNote')} .value=${d.note}
					@input=${(e: Event) => this.#patch({ note: (e.target as HTMLTextAreaElement).value })}></uui-textarea>
				${this.#error('note')}</div>
			${general ? html`<div class="field-error" role="alert">${general}</div>` : ''}
			<div class="actions">
				${this._recorded ? html`<span class="recorded" role="status">${this.localize.term('referrals_introductionRecorded')}</span>` : ''}
				<uui-button look="primary" color="positive" class="record-button" label=${this.localize.term('referrals_recordIntroductionButton')}
					?disabled=${this._saving || !d.advocateId} .state=${this._saving ? 'waiting' : undefined} @click=${this.#record}></uui-button>
			</div>
		</uui-box>`;
	}

	#list() {
		const list = this._list!;
		if (list.items.length === 0) {
			return html`<referrals-status state="empty" .headline=${this.localize.term('referrals_introductionsEmptyHeadline')}
				.message=${this.localize.term('referrals_introductionsEmptyMessage')}></referrals-status>`;
		}
		return html`<uui-table class="introductions">
				<uui-table-head>
					<uui-table-head-cell>${this.localize.term('referrals_colAdvocate')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colFriend')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_introductionChannel')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colState')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colCreated')}</uui-table-head-cell>
				</uui-table-head>
				${list.items.map(
					(i) => html`<uui-table-row class="introduction" data-id=${i.id} data-channel=${i.channel}>
						<uui-table-cell class="advocate">${i.advocateName ?? '—'}</uui-table-cell>
						<uui-table-cell class="friend">${i.friendRedacted
							? html`<em class="muted">${this.localize.term('referrals_friendRedacted')}</em>`
							: i.friend}${i.note ? html`<div class="muted note">${i.note}</div>` : ''}</uui-table-cell>
						<uui-table-cell class="channel">${this.localize.term('referrals_introChannel_' + i.channel)}</uui-table-cell>
						<uui-table-cell class="state">${this.localize.term('referrals_state_' + i.state)}</uui-table-cell>
						<uui-table-cell class="date">${formatDate(this.localize, i.createdAt)}</uui-table-cell>
					</uui-table-row>`,
				)}
			</uui-table>
			<p class="muted">${this.localize.term('referrals_totalCount', list.total)}</p>`;
	}

	override render() {
		if (this._state === 'loading') return html`<div class="page"><referrals-status state="loading"></referrals-status></div>`;
		if (this._state === 'error') {
			return html`<div class="page"><uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box></div>`;
		}
		return html`<div class="page">
			${this.#form()}
			<uui-box headline=${this.localize.term('referrals_introductions')}>${this.#list()}</uui-box>
		</div>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-5);
		}
		.fields {
			display: grid;
			grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
			gap: var(--uui-size-space-4);
			margin-bottom: var(--uui-size-space-4);
		}
		.field {
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-1);
		}
		.field uui-textarea,
		.field uui-input,
		.field uui-select {
			width: 100%;
		}
		.field-error {
			color: var(--uui-color-danger);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.actions {
			display: flex;
			justify-content: flex-end;
			align-items: center;
			gap: var(--uui-size-space-4);
			margin-top: var(--uui-size-space-4);
		}
		.recorded {
			color: var(--uui-color-positive);
		}
	`;
}

export default ReferralsIntroductionsViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-introductions-view': ReferralsIntroductionsViewElement;
	}
}
