import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { css, customElement, html, state } from '@umbraco-cms/backoffice/external/lit';
import { ReferralsApi } from '../api/referrals-api.js';
import { TIMELINE_STEPS, type AskChannel, type AskTemplates, type AskTimeline, type WordingScope } from '../api/types.js';
import '../shared/status.element.js';
import './ask-copy-editor.element.js';

type Problems = Record<string, string[]>;

/** The templates this view edits; their problems show under their fields. */
const EDITED_TEMPLATES: (keyof AskTemplates)[] = ['advocateNewsSubject', 'advocateNewsHtml', 'advocateNewsText', 'referralAskSubject', 'referralAskText'];

/**
 * The ask timeline (when to ask after each event, through which channel), the advocate news (interval, subject, HTML and
 * text) and the referral ask's copy; a template's problems from the server show under its field.
 */
@customElement('referrals-ask-timeline-view')
export class ReferralsAskTimelineViewElement extends UmbLitElement {
	#api = new ReferralsApi(this);

	@state() private _timeline?: AskTimeline;
	@state() private _templates?: AskTemplates;
	@state() private _idealClients: string[] = [];
	@state() private _state: 'loading' | 'ready' | 'error' = 'loading';
	@state() private _saving = false;
	@state() private _saved = false;
	@state() private _problems: Problems = {};

	override connectedCallback() {
		super.connectedCallback();
		this.#load();
	}

	async #load() {
		this._state = 'loading';
		const [timeline, templates, settings] = await Promise.all([this.#api.askTimeline(), this.#api.askTemplates(), this.#api.settings()]);
		if (timeline.error || templates.error || !timeline.data || !templates.data) {
			this._state = 'error';
			return;
		}
		this._idealClients = (settings.data?.idealClients ?? []).map((p) => p.name);
		this._timeline = timeline.data;
		this._templates = templates.data;
		this._state = 'ready';
	}

	async #save() {
		this._saving = true;
		this._saved = false;
		// One after the other: each PUT stores the whole program settings it read, so two at once could lose one's change.
		const timeline = await this.#api.saveAskTimeline(this._timeline!);
		const templates = await this.#api.saveAskTemplates(this._templates!);
		this._saving = false;
		const problems: Problems = {
			...((timeline.error as { problemDetails?: { errors?: Problems } })?.problemDetails?.errors ?? {}),
			...((templates.error as { problemDetails?: { errors?: Problems } })?.problemDetails?.errors ?? {}),
		};
		if (!timeline.error && !templates.error) {
			this._timeline = timeline.data ?? this._timeline;
			this._templates = templates.data ?? this._templates;
			this._saved = true;
		} else if (Object.keys(problems).length === 0) {
			problems[''] = [this.localize.term('referrals_saveFailed')];
		}
		this._problems = problems;
	}

	#setStep(key: (typeof TIMELINE_STEPS)[number] | 'advocateNews', patch: Partial<AskTimeline['purchase']>) {
		this._timeline = { ...this._timeline!, [key]: { ...this._timeline![key], ...patch } };
		this._saved = false;
	}

	/** "In general" and the saved profiles, with `chosen` selected. */
	#idealClientOptions(chosen: string | null | undefined) {
		return [
			{ name: this.localize.term('referrals_idealClientGeneral'), value: '', selected: !chosen },
			...this._idealClients.map((n) => ({ name: n, value: n, selected: n === chosen })),
		];
	}

	/** The server's messages about one template (key `…:Templates:<Name>`), shown under its field. */
	#templateProblem(name: keyof AskTemplates): string | undefined {
		const key = this.#templateKey(name);
		return Object.entries(this._problems).find(([k]) => k.toLowerCase().endsWith(key))?.[1]?.join(' ');
	}

	#templateKey(name: keyof AskTemplates) {
		return ':templates:' + name.toLowerCase();
	}

	/** Problems no field on this page shows: they are listed above the save button. */
	#otherProblems() {
		return Object.entries(this._problems).filter(([k]) => !EDITED_TEMPLATES.some((name) => k.toLowerCase().endsWith(this.#templateKey(name))));
	}

	#setTemplate(name: keyof AskTemplates, value: string) {
		this._templates = { ...this._templates!, [name]: value };
		this._saved = false;
	}

	/** A one-line template (a subject) with the server's message about it underneath. */
	#subject(id: string, name: keyof AskTemplates, labelKey: string) {
		const error = this.#templateProblem(name);
		return html`<div class="template" data-field=${name}>
			<uui-label for=${id}>${this.localize.term(labelKey)}</uui-label>
			<uui-input id=${id} class="wide" label=${this.localize.term(labelKey)} .value=${this._templates![name] ?? ''}
				@input=${(e: Event) => this.#setTemplate(name, (e.target as HTMLInputElement).value)}></uui-input>
			${error ? html`<div class="field-error" role="alert">${error}</div>` : ''}
		</div>`;
	}

	/** A message body with the live wording check in `scope`, and the server's message about it underneath. */
	#copy(className: string, name: keyof AskTemplates, labelKey: string, scope: WordingScope) {
		return html`<div class="template" data-field=${name}>
			<uui-label>${this.localize.term(labelKey)}</uui-label>
			<referrals-ask-copy-editor class=${className} label=${this.localize.term(labelKey)} .scope=${scope}
				.value=${this._templates![name] ?? ''} .error=${this.#templateProblem(name)}
				@change=${(e: CustomEvent<string>) => this.#setTemplate(name, e.detail)}></referrals-ask-copy-editor>
		</div>`;
	}

	override render() {
		if (this._state === 'loading') return html`<div class="page"><referrals-status state="loading"></referrals-status></div>`;
		if (this._state === 'error') {
			return html`<div class="page"><uui-box><referrals-status state="error" @retry=${this.#load}></referrals-status></uui-box></div>`;
		}
		const t = this._timeline!;
		const channels: AskChannel[] = ['Email', 'OnSite', 'Task'];
		return html`<div class="page">
			<uui-box headline=${this.localize.term('referrals_timeline')}>
				<p class="muted">${this.localize.term('referrals_timelineIntro')}</p>
				<uui-table>
					<uui-table-head>
						<uui-table-head-cell>${this.localize.term('referrals_colTrigger')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colEnabled')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colDelayDays')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colChannel')}</uui-table-head-cell>
						<uui-table-head-cell>${this.localize.term('referrals_colIdealClient')}</uui-table-head-cell>
					</uui-table-head>
					${TIMELINE_STEPS.map((key) => {
						const step = t[key];
						return html`<uui-table-row class="step" data-step=${key}>
							<uui-table-cell>${this.localize.term('referrals_trigger_' + step.trigger)}</uui-table-cell>
							<uui-table-cell><uui-toggle label=${this.localize.term('referrals_colEnabled')} ?checked=${step.enabled}
								@change=${(e: Event) => this.#setStep(key, { enabled: (e.target as HTMLInputElement).checked })}></uui-toggle></uui-table-cell>
							<uui-table-cell><uui-input type="number" min="0" max="365" label=${this.localize.term('referrals_colDelayDays')}
								.value=${String(step.delayDays)}
								@change=${(e: Event) => this.#setStep(key, { delayDays: Number((e.target as HTMLInputElement).value) })}></uui-input></uui-table-cell>
							<uui-table-cell><uui-select label=${this.localize.term('referrals_colChannel')}
								.options=${channels.map((c) => ({ name: this.localize.term('referrals_channel_' + c), value: c, selected: c === step.channel }))}
								@change=${(e: Event) => this.#setStep(key, { channel: (e.target as HTMLSelectElement).value as AskChannel })}></uui-select></uui-table-cell>
							<uui-table-cell><uui-select label=${this.localize.term('referrals_colIdealClient')} class="ideal-client"
								.options=${this.#idealClientOptions(step.idealClientName)}
								@change=${(e: Event) => this.#setStep(key, { idealClientName: (e.target as HTMLSelectElement).value || null })}></uui-select></uui-table-cell>
						</uui-table-row>`;
					})}
				</uui-table>
				<div class="row">
					<uui-label for="cadence">${this.localize.term('referrals_cadenceInterval')}</uui-label>
					<uui-input id="cadence" type="number" min="1" .value=${String(t.cadenceIntervalDays)}
						label=${this.localize.term('referrals_cadenceInterval')}
						@change=${(e: Event) => (this._timeline = { ...t, cadenceIntervalDays: Number((e.target as HTMLInputElement).value) })}></uui-input>
					<uui-label for="cap">${this.localize.term('referrals_frequencyCap')}</uui-label>
					<uui-input id="cap" type="number" min="0" .value=${String(t.frequencyCapDays)}
						label=${this.localize.term('referrals_frequencyCap')}
						@change=${(e: Event) => (this._timeline = { ...t, frequencyCapDays: Number((e.target as HTMLInputElement).value) })}></uui-input>
				</div>
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_advocateNews')} class="advocate-news">
				<p class="muted">${this.localize.term('referrals_advocateNewsIntro')}</p>
				<div class="row">
					<uui-toggle class="news-enabled" label=${this.localize.term('referrals_advocateNewsEnabled')} ?checked=${t.advocateNews.enabled}
						@change=${(e: Event) => this.#setStep('advocateNews', { enabled: (e.target as HTMLInputElement).checked })}
						>${this.localize.term('referrals_advocateNewsEnabled')}</uui-toggle>
					<uui-label for="news-interval">${this.localize.term('referrals_advocateNewsInterval')}</uui-label>
					<uui-input id="news-interval" type="number" min="1" max="365" .value=${String(t.advocateNewsIntervalDays)}
						label=${this.localize.term('referrals_advocateNewsInterval')}
						@change=${(e: Event) => (this._timeline = { ...t, advocateNewsIntervalDays: Number((e.target as HTMLInputElement).value) })}></uui-input>
					<span class="muted">${this.localize.term('referrals_colChannel')}: ${this.localize.term('referrals_channel_Email')}</span>
					<uui-label for="news-ideal-client">${this.localize.term('referrals_colIdealClient')}</uui-label>
					<uui-select id="news-ideal-client" class="ideal-client" label=${this.localize.term('referrals_colIdealClient')}
						.options=${this.#idealClientOptions(t.advocateNews.idealClientName)}
						@change=${(e: Event) => this.#setStep('advocateNews', { idealClientName: (e.target as HTMLSelectElement).value || null })}></uui-select>
				</div>
				<p class="muted">${this.localize.term('referrals_advocateNewsTemplatesIntro')}</p>
				${this.#subject('news-subject', 'advocateNewsSubject', 'referrals_advocateNewsSubject')}
				${this.#copy('news-html', 'advocateNewsHtml', 'referrals_advocateNewsHtml', 'PhrasingOnly')}
				${this.#copy('news-text', 'advocateNewsText', 'referrals_advocateNewsText', 'PhrasingOnly')}
			</uui-box>
			<uui-box headline=${this.localize.term('referrals_askCopy')}>
				<p class="muted">${this.localize.term('referrals_askCopyIntro')}</p>
				${this.#subject('subject', 'referralAskSubject', 'referrals_subject')}
				${this.#copy('referral-ask', 'referralAskText', 'referrals_askText', 'ReferralAsk')}
			</uui-box>
			${this.#otherProblems().length > 0
				? html`<div class="problems" role="alert">${this.#otherProblems().map(
						([key, messages]) => html`<div><code>${key}</code> ${messages.join(' ')}</div>`,
					)}</div>`
				: ''}
			<div class="actions">
				<uui-button look="primary" color="positive" label=${this.localize.term('referrals_save')} ?disabled=${this._saving}
					.state=${this._saving ? 'waiting' : this._saved ? 'success' : undefined} @click=${this.#save}></uui-button>
			</div>
		</div>`;
	}

	static override styles = css`
		.page {
			padding: var(--uui-size-layout-1);
			display: flex;
			flex-direction: column;
			gap: var(--uui-size-space-5);
		}
		.muted {
			color: var(--uui-color-text-alt);
		}
		.row {
			display: flex;
			align-items: center;
			gap: var(--uui-size-space-3);
			margin-top: var(--uui-size-space-4);
		}
		#subject,
		.wide {
			width: 100%;
			margin-bottom: var(--uui-size-space-4);
		}
		.template {
			margin-top: var(--uui-size-space-4);
		}
		.field-error {
			color: var(--uui-color-danger);
			margin-top: calc(-1 * var(--uui-size-space-3));
		}
		.problems {
			color: var(--uui-color-danger);
		}
		.actions {
			display: flex;
			justify-content: flex-end;
		}
	`;
}

export default ReferralsAskTimelineViewElement;

declare global {
	interface HTMLElementTagNameMap {
		'referrals-ask-timeline-view': ReferralsAskTimelineViewElement;
	}
}
