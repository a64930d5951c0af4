import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { fieldError, problemTitle, ReferralsApi } from '../api/referrals-api.js';
import type { ReviewItem } from '../api/types.js';
import { formatDate, formatMoney } from '../shared/format.js';
import '../shared/status.element.js';

const PAGE_SIZE = 50;

/** Flagged referrals waiting for a person: approve, or reject with a reason the advocate may ask about. */
@customElement('referrals-review-queue-view')
export class ReferralsReviewQueueViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _items: ReviewItem[] = [];
	@state() private _total = 0;
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';
	@state() private _rejecting?: string;
	@state() private _reason = '';
	@state() private _busy?: string;
	@state() private _itemError: Record<string, string> = {};

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.reviewQueue(0, PAGE_SIZE);
		if (error || !data) {
			this._state = 'error';
			return;
		}
		this._items = data.items;
		this._total = data.total;
		this._state = 'ready';
	}

	#decided(id: string) {
		this._items = this._items.filter((i) => i.id !== id);
		this._total = Math.max(0, this._total - 1);
	}

	async #approve(item: ReviewItem) {
		this._busy = item.id;
		const { error } = await this.#api.approve(item.id);
		this._busy = undefined;
		if (error) {
			this._itemError = { ...this._itemError, [item.id]: problemTitle(error) ?? this.localize.term('referrals_decisionFailed') };
			return;
		}
		this.#decided(item.id);
	}

	async #reject(item: ReviewItem) {
		this._busy = item.id;
		const { error } = await this.#api.reject(item.id, this._reason.trim());
		this._busy = undefined;
		if (error) {
			const message = fieldError(error, 'reason') ?? problemTitle(error) ?? this.localize.term('referrals_decisionFailed');
			this._itemError = { ...this._itemError, [item.id]: message };
			return;
		}
		this._rejecting = undefined;
		this._reason = '';
		this.#decided(item.id);
	}

	override render() {
		return html`<div class="page">${this.#body()}</div>`;
	}

	#body() {
		if (this._state === 'loading') return html`<referrals-status state="loading"></referrals-status>`;
		if (this._state === 'error') {
			return html`<uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box>`;
		}
		if (this._items.length === 0) {
			return html`<uui-box><referrals-status state="empty"
				.headline=${this.localize.term('referrals_reviewEmptyHeadline')}
				.message=${this.localize.term('referrals_reviewEmptyMessage')}></referrals-status></uui-box>`;
		}
		return html`<p class="muted">${this.localize.term('referrals_reviewCount', this._total)}</p>
			${this._items.map((item) => this.#card(item))}`;
	}

	#card(item: ReviewItem) {
		const r = item.referral;
		const busy = this._busy === item.id;
		return html`<uui-box class="review-item" data-id=${item.id}
			headline=${this.localize.term('referrals_reviewHeadline', r.advocateName, r.friendName ?? r.friendEmail ?? '—')}>
			<div class="facts">
				<div><span class="muted">${this.localize.term('referrals_reasons')}</span>
					${item.reasons.map((reason) => html`<uui-tag color="warning" look="secondary">${this.localize.termOrDefault('referrals_flag_' + reason, reason)}</uui-tag>`)}</div>
				<div><span class="muted">${this.localize.term('referrals_order')}</span> ${r.convertingOrderId ?? '—'}
					${formatMoney(this.localize, r.revenue)}</div>
				<div><span class="muted">${this.localize.term('referrals_deadline')}</span> ${formatDate(this.localize, item.deadline)}</div>
			</div>
			${this._itemError[item.id] ? html`<p class="error" role="alert">${this._itemError[item.id]}</p>` : ''}
			${this._rejecting === item.id
				? html`<div class="reject">
						<uui-textarea label=${this.localize.term('referrals_rejectReason')}
							placeholder=${this.localize.term('referrals_rejectReasonPlaceholder')} .value=${this._reason}
							@input=${(e: Event) => (this._reason = (e.target as HTMLTextAreaElement).value)}></uui-textarea>
						<div class="actions">
							<uui-button look="primary" color="danger" class="confirm-reject" ?disabled=${busy}
								label=${this.localize.term('referrals_confirmReject')} @click=${() => this.#reject(item)}></uui-button>
							<uui-button look="secondary" label=${this.localize.term('referrals_cancel')}
								@click=${() => (this._rejecting = undefined)}></uui-button>
						</div>
					</div>`
				: html`<div class="actions">
						<uui-button look="primary" color="positive" class="approve" ?disabled=${busy}
							label=${this.localize.term('referrals_approve')} @click=${() => this.#approve(item)}></uui-button>
						<uui-button look="secondary" color="danger" class="reject" ?disabled=${busy}
							label=${this.localize.term('referrals_reject')}
							@click=${() => {
								this._rejecting = item.id;
								this._reason = '';
							}}></uui-button>
					</div>`}
		</uui-box>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-4);
		}
		.facts {
			display: flex;
			flex-wrap: wrap;
			gap: var(--uui-size-space-3) var(--uui-size-space-6);
			margin-bottom: var(--uui-size-space-4);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.actions {
			display: flex;
			gap: var(--uui-size-space-3);
			margin-top: var(--uui-size-space-3);
		}
		uui-textarea {
			width: 100%;
		}
		.error {
			color: var(--uui-color-danger);
		}
	`;
}

export default ReferralsReviewQueueViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-review-queue-view': ReferralsReviewQueueViewElement;
	}
}
