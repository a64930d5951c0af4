import { umbHttpClient } from '@umbraco-cms/backoffice/http-client';
import { tryExecute } from '@umbraco-cms/backoffice/resources';
import type { UmbControllerHost } from '@umbraco-cms/backoffice/controller-api';
import type {
	AdvocateDetail,
	AdvocateQuery,
	AdvocateSummary,
	AskTemplates,
	AskTimeline,
	ConnectedStore,
	CustomerValue,
	Direction,
	Introduction,
	InviteResult,
	LedgerItem,
	MemberReferrals,
	Overview,
	Paged,
	ProgramSettings,
	RecordIntroduction,
	ReviewItem,
	ThankYouTask,
	WordingCheckResult,
	WordingScope,
} from './types.js';

/** Root of the package API; the backoffice's http client supplies the server origin. */
export const REFERRALS_API_ROOT = '/umbraco/referrals/api/v1';

// v17 sends the token cookie (credentials: 'include' is the client's default) and needs a bearer header that the server
// swaps for the cookie; the header is only added for calls that declare this security requirement.
const SECURITY = [{ scheme: 'bearer', type: 'http' }] as const;

/** What every call resolves to: data on success, error (already shown as a notification) on failure. */
export interface ApiResult<T> {
	data?: T;
	error?: unknown;
}

/**
 * Typed calls to the Referrals package API. Each call goes through tryExecute, which shows server errors as
 * backoffice notifications and handles token refresh; the element decides what to render from data/error.
 */
export class ReferralsApi {
	readonly #host: UmbControllerHost;

	constructor(host: UmbControllerHost) {
		this.#host = host;
	}

	/** The dashboard figures of the last 90 days. */
	overview(): Promise<ApiResult<Overview>> {
		return this.#get('/overview', undefined, true);
	}

	advocates(query: AdvocateQuery): Promise<ApiResult<Paged<AdvocateSummary>>> {
		return this.#get('/advocates', {
			search: query.search || undefined,
			sort: query.sort,
			direction: query.direction,
			skip: query.skip,
			take: query.take,
		});
	}

	advocate(id: string): Promise<ApiResult<AdvocateDetail>> {
		return this.#get(`/advocates/${encodeURIComponent(id)}`);
	}

	reviewQueue(skip: number, take: number): Promise<ApiResult<Paged<ReviewItem>>> {
		return this.#get('/review', { status: 'Open', skip, take });
	}

	approve(reviewId: string, note?: string): Promise<ApiResult<ReviewItem>> {
		return this.#send('POST', `/review/${encodeURIComponent(reviewId)}/approve`, note ? { note } : {});
	}

	/** 400 (reason too short/long) comes back as error with problemDetails.errors.reason; no toast, shown inline. */
	reject(reviewId: string, reason: string): Promise<ApiResult<ReviewItem>> {
		return this.#send('POST', `/review/${encodeURIComponent(reviewId)}/reject`, { reason }, true);
	}

	ledger(skip: number, take: number, sort = 'createdAt', direction: Direction = 'desc'): Promise<ApiResult<Paged<LedgerItem>>> {
		return this.#get('/rewards', { skip, take, sort, direction });
	}

	askTimeline(): Promise<ApiResult<AskTimeline>> {
		return this.#get('/asks/timeline');
	}

	saveAskTimeline(timeline: AskTimeline): Promise<ApiResult<AskTimeline>> {
		return this.#send('PUT', '/asks/timeline', timeline, true);
	}

	askTemplates(): Promise<ApiResult<AskTemplates>> {
		return this.#get('/asks/templates');
	}

	saveAskTemplates(templates: AskTemplates): Promise<ApiResult<AskTemplates>> {
		return this.#send('PUT', '/asks/templates', templates, true);
	}

	/** Checks ask copy against the 4-step script; no notification on failure (the editor shows it inline). */
	checkWording(text: string, scope: WordingScope, signal?: AbortSignal): Promise<ApiResult<WordingCheckResult>> {
		return this.#run(
			umbHttpClient.post({
				url: REFERRALS_API_ROOT + '/asks/wording-check',
				body: { text, scope },
				headers: { 'Content-Type': 'application/json' },
				security: [...SECURITY],
				signal,
			}) as Promise<{ data?: WordingCheckResult }>,
			true,
		);
	}

	/** Open staff tasks, soonest due first. */
	thankYouTasks(skip = 0, take = 100): Promise<ApiResult<Paged<ThankYouTask>>> {
		return this.#get('/thank-you-tasks', { state: 'Open', skip, take }, true);
	}

	/** 400 (reason too short/long) comes back as error with problemDetails.errors.reason. */
	cancelThankYou(id: string, reason: string): Promise<ApiResult<ThankYouTask>> {
		return this.#send('POST', `/thank-you-tasks/${encodeURIComponent(id)}/cancel`, { reason }, true);
	}

	markThankYouDone(id: string): Promise<ApiResult<unknown>> {
		return this.#send('POST', `/thank-you-tasks/${encodeURIComponent(id)}/done`, {});
	}

	/** The printable card as HTML, rendered by the server (with the QR code). */
	thankYouCard(id: string): Promise<ApiResult<string>> {
		return this.#run(
			umbHttpClient.get({
				url: REFERRALS_API_ROOT + `/thank-you-tasks/${encodeURIComponent(id)}/card`,
				parseAs: 'text',
				security: [...SECURITY],
			}) as Promise<{ data?: string }>,
			true,
		);
	}

	/** Introductions, newest first. */
	introductions(skip = 0, take = 50): Promise<ApiResult<Paged<Introduction>>> {
		return this.#get('/introductions', { skip, take }, true);
	}

	/** Records a phone or in-person introduction; 400s come back as error with problemDetails.errors, shown inline. */
	recordIntroduction(body: RecordIntroduction): Promise<ApiResult<Introduction>> {
		return this.#send('POST', '/introductions', body, true);
	}

	/** Referred customers against the others over the last months. */
	customerValue(months = 6): Promise<ApiResult<CustomerValue>> {
		return this.#get('/customer-value', { months }, true);
	}

	settings(): Promise<ApiResult<ProgramSettings>> {
		return this.#get('/settings');
	}

	saveSettings(settings: ProgramSettings): Promise<ApiResult<ProgramSettings>> {
		return this.#send('PUT', '/settings', settings, true);
	}

	/** Connected Shopify stores (read-only). */
	stores(): Promise<ApiResult<ConnectedStore[]>> {
		return this.#get('/stores', undefined, true);
	}

	member(memberKey: string): Promise<ApiResult<MemberReferrals>> {
		return this.#get(`/members/${encodeURIComponent(memberKey)}`, undefined, true);
	}

	inviteMember(memberKey: string): Promise<ApiResult<InviteResult>> {
		return this.#send('POST', `/members/${encodeURIComponent(memberKey)}/invite`, {}, true);
	}

	#get<T>(path: string, query?: Record<string, string | number | boolean | undefined>, quiet = false): Promise<ApiResult<T>> {
		return this.#run(umbHttpClient.get({ url: REFERRALS_API_ROOT + path, query, security: [...SECURITY] }) as Promise<{ data?: T }>, quiet);
	}

	#send<T>(method: 'POST' | 'PUT', path: string, body: unknown, quiet = false): Promise<ApiResult<T>> {
		const options = {
			url: REFERRALS_API_ROOT + path,
			body,
			headers: { 'Content-Type': 'application/json' },
			security: [...SECURITY],
		};
		return this.#run((method === 'POST' ? umbHttpClient.post(options) : umbHttpClient.put(options)) as Promise<{ data?: T }>, quiet);
	}

	async #run<T>(request: Promise<{ data?: T }>, quiet = false): Promise<ApiResult<T>> {
		const { data, error } = await tryExecute(this.#host, request, { disableNotifications: quiet });
		return error ? { error } : { data: (data as T | undefined) ?? (undefined as T) };
	}
}

/** True when the server answered 404: the resource (or, before the server ships it, the endpoint) does not exist. */
export function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

/** The server's ProblemDetails title, when it sent one, for inline messages. */
export function problemTitle(error: unknown): string | undefined {
	const details = (error as { problemDetails?: { title?: string; detail?: string } } | undefined)?.problemDetails;
	return details?.detail ?? details?.title;
}

/** The first validation message for a field (keys as the server sends them), when the error is a 400 with errors. */
export function fieldError(error: unknown, key: string): string | undefined {
	const errors = (error as { problemDetails?: { errors?: Record<string, string[]> } } | undefined)?.problemDetails?.errors;
	if (!errors) return undefined;
	const match = Object.keys(errors).find((k) => k.toLowerCase() === key.toLowerCase());
	return match ? errors[match]?.[0] : undefined;
}
