import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property, state } from '@umbraco-cms/backoffice/external/lit';
import { ReferralsApi } from '../api/referrals-api.js';
import type { WordingCheckResult, WordingScope } from '../api/types.js';

/** Quiet time after the last keystroke before the copy is checked; short enough to feel live. */
const DEBOUNCE_MS = 400;

/**
 * A text area for ask copy (a Liquid template) with the live wording check: after typing pauses, the text goes to the
 * server's check in `scope` (the whole 4-step script for the referral ask, open questions only for other messages);
 * its findings appear under the text with a suggestion, and closed questions are marked in a preview. `error` is the
 * server's message about this template from the last save (Liquid parse errors, missing variables), shown under the
 * field. Fires `change` with the new value on every edit.
 */
@customElement('referrals-ask-copy-editor')
export class ReferralsAskCopyEditorElement extends UmbLitElement {
	#api = new ReferralsApi(this);
	#timer?: number;
	#inflight?: AbortController;

	@property() label = '';
	@property() value = '';
	@property() scope: WordingScope = 'ReferralAsk';
	@property() error?: string;
	@state() private _result?: WordingCheckResult;
	@state() private _checking = false;
	@state() private _failed = false;

	override firstUpdated() {
		if (this.value) this.#check();
	}

	#onInput(e: Event) {
		this.value = (e.target as HTMLTextAreaElement).value;
		this.dispatchEvent(new CustomEvent('change', { detail: this.value }));
		window.clearTimeout(this.#timer);
		this.#timer = window.setTimeout(() => this.#check(), DEBOUNCE_MS);
	}

	async #check() {
		// Only the newest text matters: cancel a check still running for older text.
		this.#inflight?.abort();
		const controller = new AbortController();
		this.#inflight = controller;
		this._checking = true;
		const { data, error } = await this.#api.checkWording(this.value, this.scope, controller.signal);
		if (controller.signal.aborted) return;
		this._checking = false;
		this._failed = !!error;
		this._result = error ? undefined : data;
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		window.clearTimeout(this.#timer);
		this.#inflight?.abort();
	}

	override render() {
		return html`<uui-textarea class="copy" label=${this.label} .value=${this.value} rows="8" auto-height
				@input=${this.#onInput}></uui-textarea>
			${this.error ? html`<div class="field-error" role="alert">${this.error}</div>` : ''}
			<div class="check" aria-live="polite" data-checking=${this._checking}>${this.#renderCheck()}</div>`;
	}

	#renderCheck() {
		if (this._failed) return html`<p class="muted">${this.localize.term('referrals_wordingFailed')}</p>`;
		if (!this._result) {
			return this._checking ? html`<uui-loader-bar></uui-loader-bar>` : html``;
		}
		if (!this._result.supported) return html`<p class="muted">${this.localize.term('referrals_wordingUnsupported', this._result.locale)}</p>`;
		if (this._result.findings.length === 0) {
			return html`<p class="ok" data-result="clean"><uui-icon name="icon-check"></uui-icon>
				${this.localize.term(this.scope === 'ReferralAsk' ? 'referrals_wordingClean' : 'referrals_wordingCleanPhrasing')}</p>`;
		}
		return html`${this.#preview()}
			<ul class="findings">
				${this._result.findings.map(
					(f) => html`<li class="finding" data-rule=${f.rule}>
						<strong>${this.localize.term('referrals_rule_' + f.rule)}</strong>
						${f.excerpt ? html`<q>${f.excerpt}</q>` : ''}
						<div>${f.message}</div>
						<div class="suggestion"><uui-icon name="icon-lightbulb"></uui-icon>
							${this.localize.term('referrals_suggestion')}: <em>${f.suggestion}</em></div>
					</li>`,
				)}
			</ul>`;
	}

	/** The text with each located finding marked, so the editor sees where the problem is. */
	#preview() {
		const located = (this._result?.findings ?? []).filter((f) => f.length > 0).sort((a, b) => a.start - b.start);
		if (located.length === 0) return html``;
		const parts: unknown[] = [];
		let at = 0;
		for (const f of located) {
			if (f.start < at) continue;
			parts.push(this.value.slice(at, f.start));
			parts.push(html`<mark>${this.value.slice(f.start, f.start + f.length)}</mark>`);
			at = f.start + f.length;
		}
		parts.push(this.value.slice(at));
		return html`<div class="preview">${parts}</div>`;
	}

	static override styles = css`
		:host {
			display: block;
		}
		uui-textarea {
			width: 100%;
		}
		.check {
			margin-top: var(--uui-size-space-3);
			min-height: 1.5em;
		}
		.preview {
			white-space: pre-wrap;
			padding: var(--uui-size-space-3);
			background: var(--uui-color-surface-alt);
			border-radius: var(--uui-border-radius);
		}
		mark {
			background: var(--uui-color-warning);
			color: var(--uui-color-warning-contrast);
		}
		.findings {
			list-style: none;
			padding: 0;
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-3);
		}
		.finding {
			border-left: 4px solid var(--uui-color-warning);
			padding: var(--uui-size-space-2) var(--uui-size-space-4);
			background: var(--uui-color-surface);
		}
		.suggestion {
			color: var(--uui-color-text-alt);
		}
		.ok {
			color: var(--uui-color-positive-standalone, var(--uui-color-positive));
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.field-error {
			color: var(--uui-color-danger);
			margin-top: var(--uui-size-space-2);
		}
	`;
}

export default ReferralsAskCopyEditorElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-ask-copy-editor': ReferralsAskCopyEditorElement;
	}
}
