import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, nothing, property } from '@umbraco-cms/backoffice/external/lit';

/**
 * The loading, empty and error states every view shares. An error offers "try again", which fires `retry`.
 * Text comes in already localized (the caller knows which empty message fits).
 */
@customElement('referrals-status')
export class ReferralsStatusElement extends UmbLitElement {
	@property() state: 'loading' | 'empty' | 'error' = 'loading';
	@property() headline = '';
	@property() message = '';

	override render() {
		if (this.state === 'loading') {
			return html`<div class="status" role="status" data-state="loading">
				<uui-loader></uui-loader><span>${this.localize.term('referrals_loading')}</span>
			</div>`;
		}
		const icon = this.state === 'error' ? 'icon-alert' : 'icon-inbox';
		return html`<div class="status" role=${this.state === 'error' ? 'alert' : 'status'} data-state=${this.state}>
			<uui-icon name=${icon}></uui-icon>
			<strong>${this.headline ||
			this.localize.term(this.state === 'error' ? 'referrals_errorHeadline' : 'referrals_emptyHeadline')}</strong>
			${this.message ? html`<p>${this.message}</p>` : nothing}
			${this.state === 'error'
				? html`<uui-button look="secondary" label=${this.localize.term('referrals_retry')}
						@click=${() => this.dispatchEvent(new CustomEvent('retry', { bubbles: true, composed: true }))}></uui-button>`
				: nothing}
		</div>`;
	}

	static override styles = css`
		.status {
			display: flex;
			flex-direction: column;
			align-items: center;
			gap: var(--uui-size-space-3);
			padding: var(--uui-size-space-6);
			color: var(--uui-color-text-alt);
			text-align: center;
		}
		[data-state='error'] uui-icon {
			color: var(--uui-color-danger);
		}
		uui-icon {
			font-size: 2rem;
		}
		p {
			margin: 0;
			max-width: 40em;
		}
	`;
}

export default ReferralsStatusElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-status': ReferralsStatusElement;
	}
}
