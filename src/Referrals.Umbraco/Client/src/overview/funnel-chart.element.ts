import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property, svg } from '@umbraco-cms/backoffice/external/lit';
import type { Overview } from '../api/types.js';

type FunnelStage = Overview['funnel'][number];

const ROW = 36;
const LABEL = 110;
const WIDTH = 520;

/**
 * The referral funnel as horizontal bars, each labelled with its count; the stages after "Invited" also with their share
 * of the referrals. Asks and referrals are different things (one ask may bring several referrals), so no share is
 * shown against the asks.
 */
@customElement('referrals-funnel-chart')
export class ReferralsFunnelChartElement extends UmbLitElement {
	@property({ attribute: false }) stages: FunnelStage[] = [];

	override render() {
		const base = this.stages.findIndex((s) => s.stage === 'Invited');
		const referrals = base >= 0 ? this.stages[base].count : 0;
		const max = Math.max(1, ...this.stages.map((s) => s.count));
		const height = this.stages.length * ROW;
		const bars = WIDTH - LABEL - 90;
		return html`<svg viewBox="0 0 ${WIDTH} ${height}" role="img"
			aria-label=${this.localize.term('referrals_funnelTitle')}>
			${this.stages.map((stage, i) => {
				const w = Math.max(2, (stage.count / max) * bars);
				const share = referrals > 0 ? stage.count / referrals : 0;
				const y = i * ROW;
				return svg`<g class="stage" data-stage=${stage.stage}>
					<text x="0" y=${y + 22} class="label">${this.localize.term('referrals_stage_' + stage.stage)}</text>
					<rect x=${LABEL} y=${y + 6} width=${w} height=${ROW - 12} rx="3"
						style="opacity:${1 - i * 0.12}"></rect>
					<text x=${LABEL + w + 8} y=${y + 22} class="value">${this.localize.number(stage.count)}
						${base >= 0 && i > base && referrals > 0 ? `(${this.localize.number(share, { style: 'percent', maximumFractionDigits: 0 })})` : ''}</text>
				</g>`;
			})}
		</svg>`;
	}

	static override styles = css`
		svg {
			width: 100%;
			max-width: 640px;
			font-family: var(--uui-font-family);
			font-size: 13px;
		}
		rect {
			fill: var(--uui-color-interactive-emphasis, #3544b1);
		}
		.label {
			fill: var(--uui-color-text);
		}
		.value {
			fill: var(--uui-color-text-alt);
		}
	`;
}

export default ReferralsFunnelChartElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-funnel-chart': ReferralsFunnelChartElement;
	}
}
