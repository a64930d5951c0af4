import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { ReferralsApi } from '../api/referrals-api.js';
import type { AdvocateSort, AdvocateSummary, Direction } from '../api/types.js';
import { formatMoney } from '../shared/format.js';
import '../shared/status.element.js';
import './advocate-detail.element.js';

const PAGE_SIZE = 25;

/** Advocates: search, sort by column, page; a row opens the advocate's detail in place. */
@customElement('referrals-advocates-view')
export class ReferralsAdvocatesViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);
	#searchTimer?: number;

	@state() private _items: AdvocateSummary[] = [];
	@state() private _total = 0;
	@state() private _page = 0;
	@state() private _search = '';
	@state() private _sort: AdvocateSort = 'name';
	@state() private _direction: Direction = 'asc';
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';
	@state() private _selected?: string;

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.advocates({
			search: this._search,
			sort: this._sort,
			direction: this._direction,
			skip: this._page * PAGE_SIZE,
			take: PAGE_SIZE,
		});
		if (error || !data) {
			this._state = 'error';
			return;
		}
		this._items = data.items;
		this._total = data.total;
		this._state = 'ready';
	}

	#onSearch(e: InputEvent) {
		this._search = (e.target as HTMLInputElement).value;
		window.clearTimeout(this.#searchTimer);
		this.#searchTimer = window.setTimeout(() => {
			this._page = 0;
			this.#load();
		}, 300);
	}

	#sortBy(sort: AdvocateSort) {
		if (this._sort === sort) {
			this._direction = this._direction === 'asc' ? 'desc' : 'asc';
		} else {
			this._sort = sort;
			this._direction = sort === 'name' ? 'asc' : 'desc';
		}
		this._page = 0;
		this.#load();
	}

	override render() {
		if (this._selected) {
			return html`<referrals-advocate-detail .advocateId=${this._selected}
				@close=${() => (this._selected = undefined)}></referrals-advocate-detail>`;
		}
		return html`<div class="page">
			<div class="toolbar">
				<uui-input type="search" label=${this.localize.term('referrals_searchAdvocates')}
					placeholder=${this.localize.term('referrals_searchAdvocates')} .value=${this._search}
					@input=${this.#onSearch}>
					<uui-icon name="icon-search" slot="prepend"></uui-icon>
				</uui-input>
			</div>
			<uui-box>${this.#renderTable()}</uui-box>
		</div>`;
	}

	#renderTable() {
		if (this._state === 'loading') return html`<referrals-status state="loading"></referrals-status>`;
		if (this._state === 'error') {
			return html`<referrals-status state="error" .message=${this.localize.term('referrals_advocatesError')}
				@retry=${this.#load}></referrals-status>`;
		}
		if (this._items.length === 0) {
			return html`<referrals-status state="empty"
				.headline=${this.localize.term(this._search ? 'referrals_advocatesNoMatch' : 'referrals_advocatesEmptyHeadline')}
				.message=${this._search ? '' : this.localize.term('referrals_advocatesEmptyMessage')}></referrals-status>`;
		}
		const pages = Math.max(1, Math.ceil(this._total / PAGE_SIZE));
		return html`<uui-table aria-label=${this.localize.term('referrals_advocates')}>
				<uui-table-head>
					${this.#head('name', 'referrals_colName')}
					<uui-table-head-cell>${this.localize.term('referrals_colCode')}</uui-table-head-cell>
					${this.#head('referrals', 'referrals_colReferrals')}
					<uui-table-head-cell>${this.localize.term('referrals_colConverted')}</uui-table-head-cell>
					<uui-table-head-cell>${this.localize.term('referrals_colRevenue')}</uui-table-head-cell>
					${this.#head('bestCustomerScore', 'referrals_colBestCustomer')}
				</uui-table-head>
				${this._items.map(
					(a) => html`<uui-table-row class="advocate" data-id=${a.id}>
						<uui-table-cell>
							<uui-button look="default" compact label=${a.name} @click=${() => (this._selected = a.id)}>
								<strong>${a.name}</strong>
							</uui-button>
							<div class="muted">${a.email}</div>
						</uui-table-cell>
						<uui-table-cell><code>${a.code ?? '—'}</code></uui-table-cell>
						<uui-table-cell>${a.referrals}</uui-table-cell>
						<uui-table-cell>${a.converted}</uui-table-cell>
						<uui-table-cell>${formatMoney(this.localize, a.revenue)}</uui-table-cell>
						<uui-table-cell>${a.bestCustomerScore ?? '—'}</uui-table-cell>
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

	#head(sort: AdvocateSort, labelKey: string) {
		const active = this._sort === sort;
		return html`<uui-table-head-cell>
			<button class="sort" data-sort=${sort} aria-sort=${active ? (this._direction === 'asc' ? 'ascending' : 'descending') : 'none'}
				@click=${() => this.#sortBy(sort)}>
				${this.localize.term(labelKey)} ${active ? (this._direction === 'asc' ? '▲' : '▼') : ''}
			</button>
		</uui-table-head-cell>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-4);
		}
		uui-input {
			width: 100%;
			max-width: 420px;
		}
		.muted {
			color: var(--uui-color-text-alt);
			font-size: 0.9em;
		}
		button.sort {
			all: unset;
			cursor: pointer;
			font-weight: 700;
		}
		.pager {
			display: flex;
			justify-content: space-between;
			align-items: center;
			padding-top: var(--uui-size-space-4);
		}
	`;
}

export default ReferralsAdvocatesViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-advocates-view': ReferralsAdvocatesViewElement;
	}
}
