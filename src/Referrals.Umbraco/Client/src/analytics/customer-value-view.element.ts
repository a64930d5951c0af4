import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { ReferralsApi } from '../api/referrals-api.js';
import type { CustomerValue, CustomerValueFigures, CustomerValueLine } from '../api/types.js';
import { formatMoney, formatPercent } from '../shared/format.js';
import '../shared/status.element.js';

const MONTH_CHOICES = [3, 6, 12] as const;

/**
 * Referred customers against the others, month by month: average order value, orders and revenue per customer,
 * repeat and refund rates, each with the count it rests on. Groups with few customers are marked as small samples.
 */
@customElement('referrals-customer-value-view')
export class ReferralsCustomerValueViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _data?: CustomerValue;
	@state() private _months = 6;
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.customerValue(this._months);
		if (error || !data) {
			this._state = 'error';
			return;
		}
		this._data = data;
		this._state = 'ready';
	}

	#count(n: number, key: string) {
		return html`<span class="n">${this.localize.term(key, n)}</span>`;
	}

	#money(value: number | null, currency: string) {
		return value === null ? '—' : formatMoney(this.localize, { amount: value, currency });
	}

	#ratio(value: number | null) {
		return value === null ? '—' : this.localize.number(value, { maximumFractionDigits: 2 });
	}

	#percent(value: number | null) {
		return value === null ? '—' : formatPercent(this.localize, value);
	}

	#row(label: string, group: 'referred' | 'other', f: CustomerValueFigures, currency: string) {
		return html`<uui-table-row class="figures ${f.smallSample ? 'small-sample' : ''}" data-group=${group} data-customers=${f.customers}>
			<uui-table-cell class="group">${label}
				${f.smallSample
					? html`<uui-tag class="small" color="warning" look="secondary" title=${this.localize.term('referrals_smallSampleHint', this._data!.smallSampleCustomers)}
							>${this.localize.term('referrals_smallSample')}</uui-tag>`
					: ''}</uui-table-cell>
			<uui-table-cell class="customers">${f.customers}</uui-table-cell>
			<uui-table-cell class="aov">${this.#money(f.averageOrderValue, currency)} ${this.#count(f.orders, 'referrals_nOrders')}</uui-table-cell>
			<uui-table-cell class="orders-per-customer">${this.#ratio(f.ordersPerCustomer)} ${this.#count(f.customers, 'referrals_nCustomers')}</uui-table-cell>
			<uui-table-cell class="revenue-per-customer">${this.#money(f.revenuePerCustomer, currency)} ${this.#count(f.customers, 'referrals_nCustomers')}</uui-table-cell>
			<uui-table-cell class="repeat-rate">${this.#percent(f.repeatRate)} ${this.#count(f.customers, 'referrals_nCustomers')}</uui-table-cell>
			<uui-table-cell class="refund-rate">${this.#percent(f.refundRate)} ${this.#count(f.orders, 'referrals_nOrders')}</uui-table-cell>
		</uui-table-row>`;
	}

	#line(line: CustomerValueLine, title: string, kind: 'month' | 'period') {
		return html`<uui-table-row class="bucket" data-kind=${kind} data-start=${line.start} data-currency=${line.currency}>
				<uui-table-cell class="bucket-title"><strong>${title}</strong>${line.currency !== this._data!.currency ? ` (${line.currency})` : ''}</uui-table-cell>
				${[1, 2, 3, 4, 5, 6].map(() => html`<uui-table-cell></uui-table-cell>`)}
			</uui-table-row>
			${this.#row(this.localize.term('referrals_referredCustomers'), 'referred', line.referred, line.currency)}
			${this.#row(this.localize.term('referrals_otherCustomers'), 'other', line.other, line.currency)}`;
	}

	override render() {
		if (this._state === 'loading') return html`<div class="page"><referrals-status state="loading"></referrals-status></div>`;
		if (this._state === 'error') {
			return html`<div class="page"><uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box></div>`;
		}
		const d = this._data!;
		const month = (iso: string) => this.localize.date(iso, { year: 'numeric', month: 'long', timeZone: 'UTC' });
		return html`<div class="page">
			<uui-box headline=${this.localize.term('referrals_customerValue')}>
				<div class="head">
					<p class="muted">${this.localize.term('referrals_customerValueIntro', d.smallSampleCustomers)}</p>
					<uui-select class="months" label=${this.localize.term('referrals_customerValueMonths')}
						.options=${MONTH_CHOICES.map((m) => ({ name: this.localize.term('referrals_lastMonths', m), value: String(m), selected: m === this._months }))}
						@change=${(e: Event) => {
							this._months = Number((e.target as HTMLSelectElement).value);
							this.#load();
						}}></uui-select>
				</div>
				<uui-table class="customer-value">
					<uui-table-head>
						<uui-table-head-cell></uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colCustomers')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colAov')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colOrdersPerCustomer')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colRevenuePerCustomer')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colRepeatRate')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colRefundRate')}</uui-table-head-cell>
					</uui-table-head>
					${d.period.map((line) => this.#line(line, this.localize.term('referrals_wholePeriod'), 'period'))}
					${[...d.months].reverse().map((line) => this.#line(line, month(line.start), 'month'))}
				</uui-table>
			</uui-box>
		</div>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
		}
		.head {
			display: flex;
			justify-content: space-between;
			align-items: center;
			gap: var(--uui-size-space-4);
		}
		.muted,
		.n {
			color: var(--uui-color-text-alt);
		}
		.n {
			font-size: var(--uui-type-small-size);
			display: block;
		}
		uui-table-row.bucket {
			background: var(--uui-color-surface-alt);
		}
		uui-table-row.small-sample uui-table-cell:not(.group) {
			font-style: italic;
			opacity: 0.7;
		}
	`;
}

export default ReferralsCustomerValueViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-customer-value-view': ReferralsCustomerValueViewElement;
	}
}
