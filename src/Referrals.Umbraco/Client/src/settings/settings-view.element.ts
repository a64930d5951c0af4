import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { isNotFound, ReferralsApi } from '../api/referrals-api.js';
import type { AskTemplates, ConnectedStore, ProgramSettings } from '../api/types.js';
import { formatDate } from '../shared/format.js';
import '../shared/status.element.js';
import './ideal-clients-editor.element.js';

type Problems = Record<string, string[]>;

/** Program settings (rewards, offer, holds, gate, goal), causes, e-mail wording and connected Shopify stores. */
@customElement('referrals-settings-view')
export class ReferralsSettingsViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _settings?: ProgramSettings;
	@state() private _stores?: ConnectedStore[];
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';
	@state() private _saving = false;
	@state() private _saved = false;
	@state() private _problems: Problems = {};
	@state() private _newCause = '';

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const [settings, stores] = await Promise.all([this.#api.settings(), this.#api.stores()]);
		if (settings.error || !settings.data) {
			this._state = 'error';
			return;
		}
		this._settings = settings.data;
				this._stores = stores.error ? (isNotFound(stores.error) ? [] : undefined) : (stores.data ?? []);
		this._state = 'ready';
	}

	async #save() {
		this._saving = true;
		this._saved = false;
		const { data, error } = await this.#api.saveSettings(this._settings!);
		this._saving = false;
		if (error) {
			const errors = (error as { problemDetails?: { errors?: Problems } }).problemDetails?.errors;
			this._problems = errors ?? { '': [this.localize.term('referrals_saveFailed')] };
			return;
		}
		this._problems = {};
		this._settings = data ?? this._settings;
		this._saved = true;
	}

	#patch(patch: Partial<ProgramSettings>) {
		this._settings = { ...this._settings!, ...patch };
		this._saved = false;
	}

	#number(labelKey: string, value: number, set: (n: number) => void) {
		return html`<div class="field"><uui-label>${this.localize.term(labelKey)}</uui-label>
			<uui-input type="number" label=${this.localize.term(labelKey)} .value=${String(value)}
				@change=${(e: Event) => set(Number((e.target as HTMLInputElement).value))}></uui-input></div>`;
	}

	#text(labelKey: string, value: string, set: (s: string) => void, multiline = false) {
		return html`<div class="field wide"><uui-label>${this.localize.term(labelKey)}</uui-label>
			${multiline
				? html`<uui-textarea label=${this.localize.term(labelKey)} .value=${value}
						@input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></uui-textarea>`
				: html`<uui-input label=${this.localize.term(labelKey)} .value=${value}
						@input=${(e: Event) => set((e.target as HTMLInputElement).value)}></uui-input>`}</div>`;
	}

	#template(key: keyof AskTemplates) {
		return (value: string) => this.#patch({ templates: { ...this._settings!.templates, [key]: value } });
	}

	override render() {
		if (this._state === 'loading') return html`<div class="page"><referrals-status state="loading"></referrals-status></div>`;
		if (this._state === 'error') {
			return html`<div class="page"><uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box></div>`;
		}
		const s = this._settings!;
		const offerTypes = ['FixedAmount', 'Percentage', 'FreeShipping', 'NonMonetary'] as const;
		const lapse = ['ApproveOnLapse', 'RejectOnLapse', 'KeepWaiting'] as const;
		return html`<div class="page">
			<uui-box headline=${this.localize.term('referrals_settingsProgram')}>
				<div class="fields">
					${this.#number('referrals_advocateReward', s.advocateReward.fixedAmount, (n) =>
						this.#patch({ advocateReward: { ...s.advocateReward, fixedAmount: n } }))}
					<div class="field"><uui-label>${this.localize.term('referrals_friendOfferType')}</uui-label>
						<uui-select label=${this.localize.term('referrals_friendOfferType')}
							.options=${offerTypes.map((t) => ({ name: this.localize.term('referrals_offer_' + t), value: t, selected: t === s.friendOffer.type }))}
							@change=${(e: Event) => this.#patch({ friendOffer: { ...s.friendOffer, type: (e.target as HTMLSelectElement).value as ProgramSettings['friendOffer']['type'] } })}></uui-select></div>
					${this.#number('referrals_friendOfferValue', s.friendOffer.value, (n) => this.#patch({ friendOffer: { ...s.friendOffer, value: n } }))}
					${this.#number('referrals_holdDays', s.holdDays, (n) => this.#patch({ holdDays: n }))}
					${this.#number('referrals_attributionWindowDays', s.attributionWindowDays, (n) => this.#patch({ attributionWindowDays: n }))}
					${this.#number('referrals_minimumOrderAmount', s.minimumOrderAmount, (n) => this.#patch({ minimumOrderAmount: n }))}
					<div class="field"><uui-label>${this.localize.term('referrals_firstOrderOnly')}</uui-label>
						<uui-toggle label=${this.localize.term('referrals_firstOrderOnly')} ?checked=${s.firstOrderOnly}
							@change=${(e: Event) => this.#patch({ firstOrderOnly: (e.target as HTMLInputElement).checked })}></uui-toggle></div>
					${this.#number('referrals_promoterMinimum', s.gate.promoterMinimum, (n) => this.#patch({ gate: { ...s.gate, promoterMinimum: n } }))}
					${this.#number('referrals_detractorMaximum', s.gate.detractorMaximum, (n) => this.#patch({ gate: { ...s.gate, detractorMaximum: n } }))}
					${this.#number('referrals_monthlyGoal', s.monthlyGoal, (n) => this.#patch({ monthlyGoal: n }))}
					${this.#number('referrals_reviewWindowHours', s.reviewWindowHours, (n) => this.#patch({ reviewWindowHours: n }))}
					<div class="field"><uui-label>${this.localize.term('referrals_reviewLapsePolicy')}</uui-label>
						<uui-select label=${this.localize.term('referrals_reviewLapsePolicy')}
							.options=${lapse.map((t) => ({ name: this.localize.term('referrals_lapse_' + t), value: t, selected: t === s.reviewLapsePolicy }))}
							@change=${(e: Event) => this.#patch({ reviewLapsePolicy: (e.target as HTMLSelectElement).value as ProgramSettings['reviewLapsePolicy'] })}></uui-select></div>
				</div>
				${this.#text('referrals_friendOfferDescription', s.friendOffer.description ?? '', (v) =>
					this.#patch({ friendOffer: { ...s.friendOffer, description: v || null } }))}
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_settingsIdealClients')} class="ideal-clients">
				<referrals-ideal-clients-editor .profiles=${s.idealClients ?? []} .problems=${this._problems}
					@profiles-change=${(e: CustomEvent<ProgramSettings['idealClients']>) => this.#patch({ idealClients: e.detail })}></referrals-ideal-clients-editor>
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_settingsCauses')}>
				${this.#number('referrals_charitySharePercent', s.charitySharePercent, (n) => this.#patch({ charitySharePercent: n }))}
				${s.causes.length === 0 ? html`<p class="muted">${this.localize.term('referrals_causesEmpty')}</p>` : ''}
				<ul class="causes">
					${s.causes.map(
						(c) => html`<li>${c.name} <uui-button compact look="secondary" label=${this.localize.term('referrals_remove')}
							@click=${() => this.#patch({ causes: s.causes.filter((x) => x.id !== c.id) })}></uui-button></li>`,
					)}
				</ul>
				<div class="row">
					<uui-input label=${this.localize.term('referrals_newCause')} placeholder=${this.localize.term('referrals_newCause')}
						.value=${this._newCause} @input=${(e: Event) => (this._newCause = (e.target as HTMLInputElement).value)}></uui-input>
					<uui-button look="secondary" label=${this.localize.term('referrals_addCause')} ?disabled=${!this._newCause.trim()}
						@click=${() => {
							const name = this._newCause.trim();
							const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
							this.#patch({ causes: [...s.causes, { id, name }] });
							this._newCause = '';
						}}></uui-button>
				</div>
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_settingsEmail')}>
				<p class="muted">${this.localize.term('referrals_settingsEmailIntro')}</p>
				${this.#text('referrals_satisfactionSubject', s.templates.satisfactionSubject, this.#template('satisfactionSubject'))}
				${this.#text('referrals_satisfactionText', s.templates.satisfactionText, this.#template('satisfactionText'), true)}
				${this.#text('referrals_thankYouSubject', s.templates.thankYouSubject, this.#template('thankYouSubject'))}
				${this.#text('referrals_thankYouText', s.templates.thankYouText, this.#template('thankYouText'), true)}
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_settingsStores')}>
				${this._stores === undefined
					? html`<referrals-status state="error" .message=${this.localize.term('referrals_storesError')}
							@retry=${this.#load}></referrals-status>`
					: this._stores.length === 0
						? html`<referrals-status state="empty" .headline=${this.localize.term('referrals_storesEmptyHeadline')}
								.message=${this.localize.term('referrals_storesEmptyMessage')}></referrals-status>`
						: html`<uui-table>${this._stores.map(
								(st) => html`<uui-table-row><uui-table-cell>${st.shopDomain}</uui-table-cell>
									<uui-table-cell>${this.localize.term('referrals_storeStatus_' + st.state)}</uui-table-cell>
									<uui-table-cell>${formatDate(this.localize, st.connectedAt)}</uui-table-cell></uui-table-row>`,
							)}</uui-table>`}
			</uui-box>
			${Object.keys(this._problems).length > 0
				? html`<div class="problems" role="alert">${Object.entries(this._problems).map(
						([key, messages]) => html`<div><code>${key}</code> ${messages.join(' ')}</div>`,
					)}</div>`
				: ''}
			<div class="actions">
				<uui-button look="primary" color="positive" label=${this.localize.term('referrals_save')} ?disabled=${this._saving}
					.state=${this._saving ? 'waiting' : this._saved ? 'success' : undefined} @click=${this.#save}></uui-button>
			</div>
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
		}
		.field {
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-1);
		}
		.field.wide {
			margin-top: var(--uui-size-space-4);
		}
		.field.wide uui-input,
		.field.wide uui-textarea {
			width: 100%;
		}
		.row {
			display: flex;
			gap: var(--uui-size-space-3);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.problems {
			color: var(--uui-color-danger);
		}
		.actions {
			display: flex;
			justify-content: flex-end;
		}
	`;
}

export default ReferralsSettingsViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-settings-view': ReferralsSettingsViewElement;
	}
}
