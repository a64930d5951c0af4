import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property, svg } from '@umbraco-cms/backoffice/external/lit';
import type { Overview } from '../api/types.js';

type GoalPacing = NonNullable<Overview['goal']>;

const W = 520;
const H = 200;
const PAD = 28;

/**
 * Goal pacing for the month: the straight line from zero to the target is "on pace"; the solid line is the
 * cumulative conversions so far. Above the dashed line means ahead of the goal.
 */
@customElement('referrals-pacing-chart')
export class ReferralsPacingChartElement extends UmbLitElement {
	@property({ attribute: false }) goal?: GoalPacing;

	override render() {
		const goal = this.goal;
		if (!goal) return html``;
		const top = Math.max(goal.target, ...goal.cumulative, 1);
		const x = (day: number) => PAD + ((W - 2 * PAD) * day) / goal.daysInMonth;
		const y = (value: number) => H - PAD - ((H - 2 * PAD) * value) / top;
		const actual = goal.cumulative.map((v, i) => `${x(i + 1)},${y(v)}`).join(' ');
		const ahead = goal.actual >= goal.expectedToDate;
		return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.localize.term('referrals_pacingTitle')}>
				<line class="axis" x1=${PAD} y1=${H - PAD} x2=${W - PAD} y2=${H - PAD}></line>
				<line class="axis" x1=${PAD} y1=${PAD} x2=${PAD} y2=${H - PAD}></line>
				<line class="target" x1=${PAD} y1=${y(goal.target)} x2=${W - PAD} y2=${y(goal.target)}></line>
				<line class="pace" x1=${x(0)} y1=${y(0)} x2=${x(goal.daysInMonth)} y2=${y(goal.target)}></line>
				${goal.cumulative.length > 0
					? svg`<polyline class="actual ${ahead ? 'ahead' : 'behind'}" points="${x(0)},${y(0)} ${actual}"></polyline>`
					: ''}
				<text x=${W - PAD} y=${y(goal.target) - 6} text-anchor="end">${this.localize.term('referrals_goalTarget', goal.target)}</text>
				<text x=${PAD} y=${H - 8}>1</text>
				<text x=${W - PAD} y=${H - 8} text-anchor="end">${goal.daysInMonth}</text>
			</svg>
			<p class=${ahead ? 'ahead' : 'behind'}>
				${this.localize.term(ahead ? 'referrals_goalAhead' : 'referrals_goalBehind', goal.actual, goal.target,
					Math.round(goal.expectedToDate))}
			</p>`;
	}

	static override styles = css`
		svg {
			width: 100%;
			max-width: 640px;
			font-family: var(--uui-font-family);
			font-size: 12px;
			fill: var(--uui-color-text-alt);
		}
		.axis {
			stroke: var(--uui-color-border);
		}
		.target {
			stroke: var(--uui-color-border-emphasis);
			stroke-dasharray: 2 4;
		}
		.pace {
			stroke: var(--uui-color-text-alt);
			stroke-dasharray: 6 4;
		}
		polyline {
			fill: none;
			stroke-width: 3;
		}
		polyline.ahead {
			stroke: var(--uui-color-positive);
		}
		polyline.behind {
			stroke: var(--uui-color-danger);
		}
		p {
			margin: var(--uui-size-space-2) 0 0;
		}
	`;
}

export default ReferralsPacingChartElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-pacing-chart': ReferralsPacingChartElement;
	}
}
