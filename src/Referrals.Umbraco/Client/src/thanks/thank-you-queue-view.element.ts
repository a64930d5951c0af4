import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { isNotFound, ReferralsApi } from '../api/referrals-api.js';
import type { ThankYouTask } from '../api/types.js';
import { formatDate } from '../shared/format.js';
import '../shared/status.element.js';

/** Staff tasks: thank-you cards and calls, service recovery, asks by hand; print a card, then mark the task done. */
@customElement('referrals-thank-you-queue-view')
export class ReferralsThankYouQueueViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _items: ThankYouTask[] = [];
	@state() private _state: 'loading' | 'ready' | 'unavailable' | 'error' = 'loading';

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const { data, error } = await this.#api.thankYouTasks();
		if (error || !data) {
			this._state = isNotFound(error) ? 'unavailable' : 'error';
			return;
		}
		this._items = data.items.filter((t) => t.state === 'Open');
		this._state = 'ready';
	}

	async #done(task: ThankYouTask) {
		const { error } = await this.#api.markThankYouDone(task.id);
		if (!error) this._items = this._items.filter((t) => t.id !== task.id);
	}

	async #print(task: ThankYouTask) {
		// The server renders the card with the advocate's QR code; print our own plain card when it cannot.
		const { data } = await this.#api.thankYouCard(task.id);
		const frame = document.createElement('iframe');
		frame.style.position = 'fixed';
		frame.style.width = '0';
		frame.style.height = '0';
		frame.style.border = '0';
		frame.srcdoc = data ?? this.#plainCard(task);
		frame.onload = () => {
			frame.contentWindow?.print();
			window.setTimeout(() => frame.remove(), 1000);
		};
		document.body.appendChild(frame);
	}

	#plainCard(task: ThankYouTask): string {
		const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
		return `<!doctype html><html lang="${escape(this.localize.lang())}"><meta charset="utf-8">
			<style>body{font-family:Georgia,serif;margin:2cm}p{font-size:14pt;line-height:1.5}.link{font-family:monospace}</style>
			<p>${escape(task.suggestedMessage).replace(/\n/g, '<br>')}</p>
			${task.link ? `<p class="link">${escape(task.link)}</p>` : ''}
			${task.address ? `<p>${escape(task.address).replace(/\n/g, '<br>')}</p>` : ''}</html>`;
	}

	override render() {
		return html`<div class="page">${this.#body()}</div>`;
	}

	#body() {
		switch (this._state) {
			case 'loading':
				return html`<referrals-status state="loading"></referrals-status>`;
			case 'error':
				return html`<uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box>`;
			case 'unavailable':
				return html`<uui-box><referrals-status state="empty" .headline=${this.localize.term('referrals_thanksUnavailableHeadline')}
					.message=${this.localize.term('referrals_thanksUnavailableMessage')}></referrals-status></uui-box>`;
		}
		if (this._items.length === 0) {
			return html`<uui-box><referrals-status state="empty" .headline=${this.localize.term('referrals_thanksEmptyHeadline')}
				.message=${this.localize.term('referrals_thanksEmptyMessage')}></referrals-status></uui-box>`;
		}
		return this._items.map(
			(t) => html`<uui-box class="task" data-id=${t.id}
				headline=${this.localize.term('referrals_thanksHeadline', t.contactName, t.friendName ?? '—')}>
				<uui-tag slot="header-actions" look="secondary">${this.localize.term('referrals_taskKind_' + t.kind)}</uui-tag>
				<p class="message">${t.suggestedMessage}</p>
				<div class="muted">${this.localize.term('referrals_due')} ${formatDate(this.localize, t.dueAt)}</div>
				${t.address ? html`<div class="muted address">${t.address}</div>` : ''}
				<div class="actions">
					${t.kind === 'ThankYouCard'
						? html`<uui-button look="secondary" label=${this.localize.term('referrals_printCard')}
								@click=${() => this.#print(t)}><uui-icon name="icon-print"></uui-icon> ${this.localize.term('referrals_printCard')}</uui-button>`
						: ''}
					<uui-button look="primary" color="positive" class="done" label=${this.localize.term('referrals_markDone')}
						@click=${() => this.#done(t)}></uui-button>
				</div>
			</uui-box>`,
		);
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-4);
		}
		.message {
			white-space: pre-wrap;
			font-style: italic;
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.address {
			white-space: pre-wrap;
		}
		.actions {
			display: flex;
			gap: var(--uui-size-space-3);
			margin-top: var(--uui-size-space-3);
		}
	`;
}

export default ReferralsThankYouQueueViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-thank-you-queue-view': ReferralsThankYouQueueViewElement;
	}
}
