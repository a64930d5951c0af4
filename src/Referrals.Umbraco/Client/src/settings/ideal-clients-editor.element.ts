import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, property } from '@umbraco-cms/backoffice/external/lit';
import { MAX_IDEAL_CLIENTS, type IdealClientProfile } from '../api/types.js';

type Problems = Record<string, string[]>;
const FIELDS = ['name', 'who', 'situation', 'benefit'] as const;

/**
 * Up to four ideal-client profiles (name, who, their situation, why they benefit). Fires `profiles-change` with the new list;
 * shows the server's validation messages (keys ending `IdealClients:<i>:<Field>`) under the field they belong to.
 */
@customElement('referrals-ideal-clients-editor')
export class ReferralsIdealClientsEditorElement extends UmbLitElement {
	@property({ attribute: false }) profiles: IdealClientProfile[] = [];
	@property({ attribute: false }) problems: Problems = {};

	#emit(profiles: IdealClientProfile[]) {
		this.dispatchEvent(new CustomEvent<IdealClientProfile[]>('profiles-change', { detail: profiles, bubbles: true, composed: true }));
	}

	#set(index: number, field: (typeof FIELDS)[number], value: string) {
		this.#emit(this.profiles.map((p, i) => (i === index ? { ...p, [field]: value } : p)));
	}

	#problem(key: string): string | undefined {
		// The server prefixes its configuration keys (Referrals:Program:IdealClients:0:Who); match on the tail.
		const wanted = key.toLowerCase();
		const match = Object.keys(this.problems).find((k) => k.toLowerCase() === wanted || k.toLowerCase().endsWith(':' + wanted));
		return match ? this.problems[match]?.join(' ') : undefined;
	}

	#field(index: number, profile: IdealClientProfile, field: (typeof FIELDS)[number]) {
		const label = this.localize.term('referrals_idealClient_' + field);
		const error = this.#problem(`IdealClients:${index}:${field}`);
		const value = profile[field] ?? '';
		return html`<div class="field ${field === 'name' ? '' : 'wide'}" data-field=${field}>
			<uui-label>${label}</uui-label>
			${field === 'name'
				? html`<uui-input label=${label} .value=${value} ?error=${!!error}
						@input=${(e: Event) => this.#set(index, field, (e.target as HTMLInputElement).value)}></uui-input>`
				: html`<uui-textarea label=${label} .value=${value} ?error=${!!error}
						placeholder=${this.localize.term('referrals_idealClientHint_' + field)}
						@input=${(e: Event) => this.#set(index, field, (e.target as HTMLTextAreaElement).value)}></uui-textarea>`}
			${error ? html`<div class="field-error" role="alert">${error}</div>` : ''}
		</div>`;
	}

	override render() {
		const listError = this.#problem('IdealClients');
		return html`
			<p class="muted">${this.localize.term('referrals_idealClientsIntro', MAX_IDEAL_CLIENTS)}</p>
			${this.profiles.length === 0 ? html`<p class="muted empty">${this.localize.term('referrals_idealClientsEmpty')}</p>` : ''}
			${this.profiles.map(
				(profile, index) => html`<div class="profile" data-index=${index}>
					<div class="head">
						<strong>${profile.name?.trim() || this.localize.term('referrals_idealClientUnnamed', index + 1)}</strong>
						<uui-button compact look="secondary" class="remove" label=${this.localize.term('referrals_remove')}
							@click=${() => this.#emit(this.profiles.filter((_, i) => i !== index))}></uui-button>
					</div>
					${FIELDS.map((f) => this.#field(index, profile, f))}
					${this.#problem(`IdealClients:${index}`) ? html`<div class="field-error" role="alert">${this.#problem(`IdealClients:${index}`)}</div>` : ''}
				</div>`,
			)}
			${listError ? html`<div class="field-error" role="alert">${listError}</div>` : ''}
			<uui-button look="secondary" class="add" label=${this.localize.term('referrals_idealClientAdd')}
				?disabled=${this.profiles.length >= MAX_IDEAL_CLIENTS}
				@click=${() => this.#emit([...this.profiles, { name: '', who: '', situation: '', benefit: '' }])}></uui-button>
		`;
	}

	static override styles = css`
		.profile {
			border: 1px solid var(--uui-color-border);
			border-radius: var(--uui-border-radius);
			padding: var(--uui-size-space-4);
			margin-bottom: var(--uui-size-space-4);
			display: grid;
			gap: var(--uui-size-space-3);
		}
		.head {
			display: flex;
			justify-content: space-between;
			align-items: center;
		}
		.field {
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-1);
		}
		.field uui-input,
		.field uui-textarea {
			width: 100%;
		}
		.field-error {
			color: var(--uui-color-danger);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
	`;
}

export default ReferralsIdealClientsEditorElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-ideal-clients-editor': ReferralsIdealClientsEditorElement;
	}
}
