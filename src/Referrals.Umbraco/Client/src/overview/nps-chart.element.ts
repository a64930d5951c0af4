import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property, svg } from '@umbraco-cms/backoffice/external/lit';
import type { Overview } from '../api/types.js';

type NpsSummary = Overview['nps'];

const W = 520;

/** Net promoter score: the score itself and one stacked bar of detractors, passives and promoters. */
@customElement('referrals-nps-chart')
export class ReferralsNpsChartElement extends UmbLitElement {
	@property({ attribute: false }) nps?: NpsSummary;

	override render() {
		const nps = this.nps;
		if (!nps || nps.responses === 0 || nps.score === null) {
			return html`<p class="none">${this.localize.term('referrals_npsNone')}</p>`;
		}
		const parts = [
			{ key: 'detractors', n: nps.detractors },
			{ key: 'passives', n: nps.passives },
			{ key: 'promoters', n: nps.promoters },
		];
		let offset = 0;
		return html`<div class="score" data-score=${nps.score}>${this.localize.number(nps.score)}</div>
			<svg viewBox="0 0 ${W} 56" role="img" aria-label=${this.localize.term('referrals_npsTitle')}>
				${parts.map((p) => {
					const w = (p.n / nps.responses) * W;
					const g = svg`<rect class=${p.key} x=${offset} y="0" width=${w} height="24"></rect>
						${w > 40 ? svg`<text x=${offset + 6} y="44">${this.localize.term('referrals_nps_' + p.key)} ${p.n}</text>` : ''}`;
					offset += w;
					return g;
				})}
			</svg>
			<p class="responses">${this.localize.term('referrals_npsResponses', nps.responses)}</p>`;
	}

	static override styles = css`
		.score {
			font-size: 2.5rem;
			font-weight: 700;
		}
		svg {
			width: 100%;
			max-width: 640px;
			font-family: var(--uui-font-family);
			font-size: 12px;
			fill: var(--uui-color-text-alt);
		}
		rect.detractors {
			fill: var(--uui-color-danger);
		}
		rect.passives {
			fill: var(--uui-color-border-emphasis);
		}
		rect.promoters {
			fill: var(--uui-color-positive);
		}
		.responses,
		.none {
			margin: 0;
			color: var(--uui-color-text-alt);
		}
	`;
}

export default ReferralsNpsChartElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-nps-chart': ReferralsNpsChartElement;
	}
}
