import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property } from '@umbraco-cms/backoffice/external/lit';
import type { TreeNode } from '../api/types.js';
import { formatMoney } from '../shared/format.js';

/** An advocate's downline as a nested list: their referrals, then the referrals their friends made. */
@customElement('referrals-referral-tree')
export class ReferralsReferralTreeElement extends UmbLitElement {
	@property({ attribute: false }) nodes: TreeNode[] = [];
	@property() rootName = '';

	override render() {
		// Per the contract: a parent of null, or one not in the list, makes the node a child of the advocate.
		const ids = new Set(this.nodes.map((n) => n.referralId));
		const children = new Map<string | null, TreeNode[]>();
		for (const node of this.nodes) {
			const parent = node.parentReferralId && ids.has(node.parentReferralId) ? node.parentReferralId : null;
			children.set(parent, [...(children.get(parent) ?? []), node]);
		}
		const branch = (parent: string | null): unknown => {
			const list = children.get(parent);
			if (!list) return '';
			return html`<ul>
				${list.map(
					(n) => html`<li class="node" data-depth=${n.depth}>
						<span class="name">${n.friendName ?? this.localize.term('referrals_unnamedFriend')}</span>
						<uui-tag look="secondary" class="state">${this.localize.term('referrals_state_' + n.state)}</uui-tag>
						${n.revenue ? html`<span class="muted">${formatMoney(this.localize, n.revenue)}</span>` : ''}
						${branch(n.referralId)}
					</li>`,
				)}
			</ul>`;
		};
		return html`<div class="root"><uui-icon name="icon-user"></uui-icon> <strong>${this.rootName}</strong></div>
			${this.nodes.length === 0 ? html`<p class="muted">${this.localize.term('referrals_treeEmpty')}</p>` : branch(null)}`;
	}

	static override styles = css`
		ul {
			list-style: none;
			margin: 0;
			padding-left: var(--uui-size-space-5);
			border-left: 1px dashed var(--uui-color-border-emphasis);
		}
		li {
			padding: var(--uui-size-space-2) 0 0 var(--uui-size-space-3);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		uui-tag {
			margin: 0 var(--uui-size-space-2);
		}
	`;
}

export default ReferralsReferralTreeElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-referral-tree': ReferralsReferralTreeElement;
	}
}
