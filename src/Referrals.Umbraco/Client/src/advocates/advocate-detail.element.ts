import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property, state } from '@umbraco-cms/backoffice/external/lit';
import { isNotFound, ReferralsApi } from '../api/referrals-api.js';
import type { AdvocateDetail } from '../api/types.js';
import { formatDate, formatMoney } from '../shared/format.js';
import '../shared/status.element.js';
import './referral-tree.element.js';

/** One advocate: codes, referrals, the referral tree, the reward ledger and the asks. Fires `close` for "back". */
@customElement('referrals-advocate-detail')
export class ReferralsAdvocateDetailElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@property() advocateId = '';
	@state() private _detail?: AdvocateDetail;
	@state() private _state: 'loading' | 'ready' | 'missing' | 'error' = 'loading';

	override updated(changed: Map<string, unknown>) {
		if (changed.has('advocateId') && this.advocateId) this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.advocate(this.advocateId);
		if (error || !data) {
			this._state = isNotFound(error) ? 'missing' : 'error';
			return;
		}
		this._detail = data;
		this._state = 'ready';
	}

	override render() {
		return html`<div class="page">
			<div><uui-button look="secondary" label=${this.localize.term('referrals_back')}
				@click=${() => this.dispatchEvent(new CustomEvent('close'))}>
				<uui-icon name="icon-arrow-left"></uui-icon> ${this.localize.term('referrals_back')}
			</uui-button></div>
			${this.#body()}
		</div>`;
	}

	#body() {
		if (this._state === 'loading') return html`<referrals-status state="loading"></referrals-status>`;
		if (this._state === 'missing') {
			return html`<uui-box><referrals-status state="empty"
				.headline=${this.localize.term('referrals_advocateMissing')}></referrals-status></uui-box>`;
		}
		if (this._state === 'error') {
			return html`<uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box>`;
		}
		const d = this._detail!;
		const a = d.advocate;
		return html`
			<uui-box class="head" headline=${a.name}>
				<div class="facts">
					<div><span class="muted">${this.localize.term('referrals_email')}</span> ${a.email}</div>
					<div><span class="muted">${this.localize.term('referrals_kind')}</span>
						${this.localize.term('referrals_kind_' + a.kind)}</div>
					<div><span class="muted">${this.localize.term('referrals_orders')}</span> ${a.ordersCount}
						(${formatMoney(this.localize, a.totalSpent)})</div>
					<div><span class="muted">${this.localize.term('referrals_lastScore')}</span> ${a.lastSatisfactionScore ?? '—'}</div>
					<div><span class="muted">${this.localize.term('referrals_colBestCustomer')}</span> ${a.bestCustomerScore ?? '—'}</div>
				</div>
			</uui-box>
			<div class="grid">
				<uui-box headline=${this.localize.term('referrals_codes')}>
					${d.codes.length === 0
						? html`<p class="muted">${this.localize.term('referrals_codesEmpty')}</p>`
						: d.codes.map(
								(c) => html`<div class="code"><code>${c.code}</code>
									${c.isActive ? '' : html`<uui-tag look="secondary">${this.localize.term('referrals_inactive')}</uui-tag>`}
									<a href=${c.link} target="_blank" rel="noopener">${c.link}</a></div>`,
							)}
				</uui-box>
				<uui-box headline=${this.localize.term('referrals_tree')}>
					<p class="muted">${this.localize.term('referrals_treeSummary', d.tree.referrals, d.tree.maxDepth,
						formatMoney(this.localize, d.tree.revenue))}</p>
					<referrals-referral-tree .nodes=${d.tree.nodes} .rootName=${a.name}></referrals-referral-tree>
				</uui-box>
			</div>
			<uui-box headline=${this.localize.term('referrals_referrals')}>
				${d.referrals.length === 0
					? html`<p class="muted">${this.localize.term('referrals_referralsEmpty')}</p>`
					: html`<uui-table class="referrals">
							<uui-table-head>
								<uui-table-head-cell>${this.localize.term('referrals_colFriend')}</uui-table-head-cell>
								<uui-table-head-cell>${this.localize.term('referrals_colSource')}</uui-table-head-cell>
								<uui-table-head-cell>${this.localize.term('referrals_colState')}</uui-table-head-cell>
								<uui-table-head-cell>${this.localize.term('referrals_colRevenue')}</uui-table-head-cell>
								<uui-table-head-cell>${this.localize.term('referrals_colCreated')}</uui-table-head-cell>
							</uui-table-head>
							${d.referrals.map(
								(r) => html`<uui-table-row>
									<uui-table-cell>${r.friendName ?? r.friendEmail ?? '—'}</uui-table-cell>
									<uui-table-cell>${this.localize.term('referrals_source_' + r.source)}</uui-table-cell>
									<uui-table-cell>${this.localize.term('referrals_state_' + r.state)}</uui-table-cell>
									<uui-table-cell>${formatMoney(this.localize, r.revenue)}</uui-table-cell>
									<uui-table-cell>${formatDate(this.localize, r.createdAt)}</uui-table-cell>
								</uui-table-row>`,
							)}
						</uui-table>`}
			</uui-box>
			<div class="grid">
				<uui-box headline=${this.localize.term('referrals_ledger')}>
					${d.ledger.length === 0
						? html`<p class="muted">${this.localize.term('referrals_ledgerEmpty')}</p>`
						: html`<uui-table>
								${d.ledger.map(
									(l) => html`<uui-table-row>
										<uui-table-cell>${formatDate(this.localize, l.createdAt)}</uui-table-cell>
										<uui-table-cell>${this.localize.term('referrals_ledgerType_' + l.type)}</uui-table-cell>
										<uui-table-cell>${formatMoney(this.localize, l.amount)}</uui-table-cell>
										<uui-table-cell>${this.localize.term('referrals_ledgerState_' + l.state)}</uui-table-cell>
									</uui-table-row>`,
								)}
							</uui-table>`}
				</uui-box>
				<uui-box headline=${this.localize.term('referrals_asksHistory')}>
					${d.asks.length === 0
						? html`<p class="muted">${this.localize.term('referrals_asksEmpty')}</p>`
						: html`<uui-table>
								${d.asks.map(
									(k) => html`<uui-table-row>
										<uui-table-cell>${formatDate(this.localize, k.dueAt)}</uui-table-cell>
										<uui-table-cell>${this.localize.term('referrals_trigger_' + k.trigger)}</uui-table-cell>
										<uui-table-cell>${this.localize.term('referrals_askState_' + k.state)}</uui-table-cell>
										<uui-table-cell>${k.score ?? ''}</uui-table-cell>
									</uui-table-row>`,
								)}
							</uui-table>`}
				</uui-box>
			</div>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-5);
		}
		.facts {
			display: flex;
			flex-wrap: wrap;
			gap: var(--uui-size-space-3) var(--uui-size-space-6);
		}
		.grid {
			display: grid;
			grid-template-columns: repeat(auto-fit, minmax(360px, 1fr));
			gap: var(--uui-size-space-5);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.code {
			display: flex;
			gap: var(--uui-size-space-3);
			align-items: center;
		}
	`;
}

export default ReferralsAdvocateDetailElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-advocate-detail': ReferralsAdvocateDetailElement;
	}
}
