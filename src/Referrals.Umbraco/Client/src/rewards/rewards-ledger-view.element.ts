import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { ReferralsApi } from '../api/referrals-api.js';
import type { LedgerItem } from '../api/types.js';
import { formatDate, formatMoney } from '../shared/format.js';
import '../shared/status.element.js';

const PAGE_SIZE = 25;

/** The append-only reward ledger, newest first: rewards, claw-backs and debt offsets with their state. */
@customElement('referrals-rewards-ledger-view')
export class ReferralsRewardsLedgerViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _items: LedgerItem[] = [];
	@state() private _total = 0;
	@state() private _page = 0;
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.ledger(this._page * PAGE_SIZE, PAGE_SIZE);
		if (error || !data) {
			this._state = 'error';
			return;
		}
		this._items = data.items;
		this._total = data.total;
		this._state = 'ready';
	}

	override render() {
		return html`<div class="page"><uui-box headline=${this.localize.term('referrals_rewards')}>${this.#body()}</uui-box></div>`;
	}

	#body() {
		if (this._state === 'loading') return html`<referrals-status state="loading"></referrals-status>`;
		if (this._state === 'error') return html`<referrals-status state="error" @retry=${this.#load}></referrals-status>`;
		if (this._items.length === 0) {
			return html`<referrals-status state="empty" .headline=${this.localize.term('referrals_rewardsEmptyHeadline')}
				.message=${this.localize.term('referrals_rewardsEmptyMessage')}></referrals-status>`;
		}
		const pages = Math.max(1, Math.ceil(this._total / PAGE_SIZE));
		return html`<uui-table aria-label=${this.localize.term('referrals_rewards')}>
				<uui-table-head>
					<uui-table-head-cell>${this.localize.term('referrals_colCreated')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colBeneficiary')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colType')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colKind')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colAmount')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colState')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colHoldUntil')}</uui-table-head-cell>
				</uui-table-head>
				${this._items.map(
					(l) => html`<uui-table-row class="ledger-entry">
						<uui-table-cell>${formatDate(this.localize, l.createdAt)}</uui-table-cell>
						<uui-table-cell>${l.contactName ?? l.causeId ?? '—'}
							<div class="muted">${this.localize.term('referrals_beneficiary_' + l.beneficiary)}</div></uui-table-cell>
						<uui-table-cell>${this.localize.term('referrals_ledgerType_' + l.type)}</uui-table-cell>
						<uui-table-cell>${this.localize.term('referrals_rewardKind_' + l.kind)}</uui-table-cell>
						<uui-table-cell class=${l.amount.amount < 0 ? 'negative' : ''}>${formatMoney(this.localize, l.amount)}</uui-table-cell>
						<uui-table-cell><uui-tag look="secondary" color=${l.state === 'Voided' ? 'danger' : l.state === 'Issued' ? 'positive' : 'default'}>
							${this.localize.term('referrals_ledgerState_' + l.state)}</uui-tag></uui-table-cell>
						<uui-table-cell>${formatDate(this.localize, l.holdUntil)}</uui-table-cell>
					</uui-table-row>`,
				)}
			</uui-table>
			<div class="pager">
				<span class="muted">${this.localize.term('referrals_totalCount', this._total)}</span>
				${pages > 1
					? html`<uui-pagination .current=${this._page + 1} .total=${pages}
							@change=${(e: Event) => {
								this._page = (e.target as HTMLElement & { current: number }).current - 1;
								this.#load();
							}}></uui-pagination>`
					: ''}
			</div>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
		}
		.muted {
			color: var(--uui-color-text-alt);
			font-size: 0.9em;
		}
		.negative {
			color: var(--uui-color-danger);
		}
		.pager {
			display: flex;
			justify-content: space-between;
			align-items: center;
			padding-top: var(--uui-size-space-4);
		}
	`;
}

export default ReferralsRewardsLedgerViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-rewards-ledger-view': ReferralsRewardsLedgerViewElement;
	}
}
