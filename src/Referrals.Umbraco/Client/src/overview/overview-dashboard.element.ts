import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { isNotFound, ReferralsApi } from '../api/referrals-api.js';
import type { Overview } from '../api/types.js';
import { formatMoney, formatPercent } from '../shared/format.js';
import '../shared/status.element.js';
import './funnel-chart.element.js';
import './pacing-chart.element.js';
import './nps-chart.element.js';

/** The section's landing dashboard: KPIs, the funnel, goal pacing and NPS for the current month. */
@customElement('referrals-overview-dashboard')
export class ReferralsOverviewDashboardElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _overview?: Overview;
	@state() private _state: 'loading' | 'ready' | 'empty' | 'error' = 'loading';

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.overview();
		if (error) {
			// Before the server offers the overview (404) the dashboard shows its designed empty state, not an error.
			this._state = isNotFound(error) ? 'empty' : 'error';
			return;
		}
		this._overview = data;
		this._state = !data || data.kpis.referrals === 0 ? 'empty' : 'ready';
	}

	override render() {
		return html`<div class="page">${this.#renderBody()}</div>`;
	}

	#renderBody() {
		switch (this._state) {
			case 'loading':
				return html`<referrals-status state="loading"></referrals-status>`;
			case 'error':
				return html`<uui-box><referrals-status state="error" @retry=${this.#load}
					.message=${this.localize.term('referrals_overviewError')}></referrals-status></uui-box>`;
			case 'empty':
				return html`<uui-box><referrals-status state="empty"
					.headline=${this.localize.term('referrals_overviewEmptyHeadline')}
					.message=${this.localize.term('referrals_overviewEmptyMessage')}></referrals-status></uui-box>`;
		}
		const o = this._overview!;
		return html`
			<div class="kpis">
				${this.#kpi('referrals_kpiReferrals', this.localize.number(o.kpis.referrals))}
				${this.#kpi('referrals_kpiConversions', this.localize.number(o.kpis.conversions))}
				${this.#kpi('referrals_kpiConversionRate', formatPercent(this.localize, o.kpis.conversionRate))}
				${this.#kpi('referrals_kpiRevenue', formatMoney(this.localize, o.kpis.revenue))}
				${this.#kpi('referrals_kpiRewards', formatMoney(this.localize, o.kpis.rewardsIssued))}
				${this.#kpi('referrals_kpiKFactor', this.localize.number(o.kpis.kFactor, { maximumFractionDigits: 2 }))}
			</div>
			<div class="charts">
				<uui-box headline=${this.localize.term('referrals_funnelTitle')}>
					<referrals-funnel-chart .stages=${o.funnel}></referrals-funnel-chart>
				</uui-box>
				<uui-box headline=${this.localize.term('referrals_pacingTitle')}>
					${o.goal
						? html`<referrals-pacing-chart .goal=${o.goal}></referrals-pacing-chart>`
						: html`<p class="muted">${this.localize.term('referrals_goalNone')}</p>`}
				</uui-box>
				<uui-box headline=${this.localize.term('referrals_npsTitle')}>
					<referrals-nps-chart .nps=${o.nps}></referrals-nps-chart>
				</uui-box>
			</div>`;
	}

	#kpi(labelKey: string, value: string) {
		return html`<uui-box class="kpi"><div class="kpi-value">${value}</div>
			<div class="kpi-label">${this.localize.term(labelKey)}</div></uui-box>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-5);
		}
		.kpis {
			display: grid;
			grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
			gap: var(--uui-size-space-4);
		}
		.kpi-value {
			font-size: 1.6rem;
			font-weight: 700;
		}
		.kpi-label,
		.muted {
			color: var(--uui-color-text-alt);
		}
		.charts {
			display: grid;
			grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
			gap: var(--uui-size-space-5);
		}
	`;
}

export default ReferralsOverviewDashboardElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-overview-dashboard': ReferralsOverviewDashboardElement;
	}
}
