// The built backoffice elements in headless Chromium against the real package API test host (REFERRALS_API_URL, started
// and seeded by the NUnit test BackofficeBrowserTests). Expected values come from the API itself.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startHarness, type Harness, type OpenedPage } from './support/backoffice-harness.js';
import da from '../src/lang/da.js';
import type {
	AdvocateDetail,
	AdvocateSummary,
	AskTemplates,
	AskTimeline,
	CustomerValue,
	Introduction,
	Overview,
	Paged,
	ProgramSettings,
	ReviewItem,
	ThankYouTask,
} from '../src/api/types.js';

let harness: Harness;
const opened: OpenedPage[] = [];

beforeAll(async () => {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
});

async function open(module: string, element: string, extra: Record<string, string> = {}, failApi = false) {
	const result = await harness.open({ module, element, lang: 'en', ...extra }, { failApi });
	opened.push(result);
	return result;
}

async function shot(page: Page, name: string) {
	await page.screenshot({ path: path.join(SCREENSHOT_DIR, `umbraco-${name}.png`), fullPage: true });
}

/** Text of all matches, trimmed, in document order (locators pierce open shadow roots). */
async function texts(page: Page, selector: string) {
	return (await page.locator(selector).allInnerTexts()).map((t) => t.trim());
}

function expectNoErrors(result: OpenedPage) {
	expect(result.errors, result.errors.join('\n')).toEqual([]);
}

describe('advocates', () => {
	it('lists the first page of advocates in name order, as the API returns them', async () => {
		const expected = await harness.api<Paged<AdvocateSummary>>('/advocates?sort=name&direction=asc&skip=0&take=25');
		const result = await open('advocates-view', 'referrals-advocates-view');
		const { page } = result;
		await page.locator('uui-table-row.advocate').first().waitFor();

		const names = await texts(page, 'uui-table-row.advocate uui-table-cell:first-child strong');
		expect(names).toEqual(expected.items.map((a) => a.name));
		expect(await page.locator('.pager .muted').innerText()).toContain(String(expected.total));
		await shot(page, 'advocates');
		expectNoErrors(result);
	});

	it('sorts by referrals, descending first, when the column head is clicked', async () => {
		const expected = await harness.api<Paged<AdvocateSummary>>('/advocates?sort=referrals&direction=desc&skip=0&take=25');
		const result = await open('advocates-view', 'referrals-advocates-view');
		const { page } = result;
		await page.locator('uui-table-row.advocate').first().waitFor();

		await page.locator('button.sort[data-sort="referrals"]').click();
		await expect.poll(() => page.locator('button.sort[data-sort="referrals"]').getAttribute('aria-sort')).toBe('descending');
		await expect
			.poll(() => texts(page, 'uui-table-row.advocate uui-table-cell:first-child strong'))
			.toEqual(expected.items.map((a) => a.name));
		expectNoErrors(result);
	});

	it('narrows the list to the search term after typing pauses', async () => {
		const all = await harness.api<Paged<AdvocateSummary>>('/advocates?take=1');
		const term = all.items[0].name.split(' ')[0].toLowerCase();
		const expected = await harness.api<Paged<AdvocateSummary>>(`/advocates?search=${encodeURIComponent(term)}&sort=name&direction=asc`);
		const result = await open('advocates-view', 'referrals-advocates-view');
		const { page } = result;
		await page.locator('uui-table-row.advocate').first().waitFor();

		await page.locator('uui-input[type="search"] input').fill(term);
		await expect
			.poll(() => texts(page, 'uui-table-row.advocate uui-table-cell:first-child strong'))
			.toEqual(expected.items.map((a) => a.name));
		expectNoErrors(result);
	});

	it('opens an advocate with codes, referrals, the referral tree, ledger and asks', async () => {
		const list = await harness.api<Paged<AdvocateSummary>>('/advocates?sort=referrals&direction=desc&take=1');
		const detail = await harness.api<AdvocateDetail>(`/advocates/${list.items[0].id}`);
		const result = await open('advocates-view', 'referrals-advocates-view');
		const { page } = result;
		await page.locator('uui-table-row.advocate').first().waitFor();
		await page.locator('button.sort[data-sort="referrals"]').click();
		await expect.poll(() => page.locator('uui-table-row.advocate').first().getAttribute('data-id')).toBe(detail.advocate.id);

		await page.locator('uui-table-row.advocate').first().locator('uui-button').click();
		const view = page.locator('referrals-advocate-detail');
		await view.locator('uui-box.head').waitFor();
		expect(await view.locator('uui-box.head').getAttribute('headline')).toBe(detail.advocate.name);
		expect(await texts(page, 'referrals-advocate-detail .code code')).toEqual(detail.codes.map((c) => c.code));
		expect(await page.locator('referrals-referral-tree li.node').count()).toBe(detail.tree.nodes.length);
		expect(await page.locator('referrals-advocate-detail uui-table.referrals uui-table-row').count()).toBe(detail.referrals.length);
		await shot(page, 'advocate-detail');

		await page.locator('referrals-advocate-detail uui-button[label="Back"]').click();
		await page.locator('uui-table-row.advocate').first().waitFor();
		expectNoErrors(result);
	});

	it('shows the error state with "try again" when the API fails, and recovers on retry', async () => {
		const result = await open('advocates-view', 'referrals-advocates-view', {}, true);
		const { page } = result;
		await page.locator('referrals-status[state="error"]').waitFor();
		await shot(page, 'error-state');
		await result.restoreApi();
		await page.locator('referrals-status[state="error"] uui-button').click();
		await page.locator('uui-table-row.advocate').first().waitFor();
	});
});

describe('review queue', () => {
	it('speaks Danish when the backoffice language is Danish', async () => {
		const result = await open('review-queue-view', 'referrals-review-queue-view', { lang: 'da' });
		const { page } = result;
		await page.locator('referrals-status, uui-box.review-item').first().waitFor();
		await page.getByText(/^(Godkend|Der er intet til gennemsyn)$/).first().waitFor();
		await shot(page, 'review-queue-da');
		expectNoErrors(result);
	});

	it('approves a flagged referral: it leaves the queue and the API records the approval', async () => {
		const open0 = await harness.api<Paged<ReviewItem>>('/review?status=Open&take=50');
		expect(open0.items.length, 'the API under test needs at least one flagged referral').toBeGreaterThan(0);
		const result = await open('review-queue-view', 'referrals-review-queue-view');
		const { page } = result;
		await page.locator('uui-box.review-item').first().waitFor();
		expect(await page.locator('uui-box.review-item').count()).toBe(open0.items.length);
		await shot(page, 'review-queue');

		const target = open0.items[0];
		await page.locator(`uui-box.review-item[data-id="${target.id}"] uui-button.approve`).click();
		await expect.poll(() => page.locator(`uui-box.review-item[data-id="${target.id}"]`).count()).toBe(0);

		const all = await harness.api<Paged<ReviewItem>>('/review?status=All&take=100');
		expect(all.items.find((i) => i.id === target.id)?.status).toBe('Approved');
		expectNoErrors(result);
	});

	it('rejects only with a reason: the server\'s validation message shows inline, then a real reason decides', async () => {
		const pending = await harness.api<Paged<ReviewItem>>('/review?status=Open&take=50');
		expect(pending.items.length, 'the API under test needs a second flagged referral').toBeGreaterThan(0);
		const target = pending.items[0];
		const result = await open('review-queue-view', 'referrals-review-queue-view');
		const { page } = result;
		const card = page.locator(`uui-box.review-item[data-id="${target.id}"]`);
		await card.waitFor();

		await card.locator('uui-button.reject').click();
		await card.locator('uui-textarea textarea').fill('no');
		await card.locator('uui-button.confirm-reject').click();
		await expect.poll(() => card.locator('.error').count()).toBe(1);
		expect(await card.locator('.error').innerText()).toMatch(/reason|3/i);

		await card.locator('uui-textarea textarea').fill('Same card as the advocate.');
		await card.locator('uui-button.confirm-reject').click();
		await expect.poll(() => card.count()).toBe(0);
		const all = await harness.api<Paged<ReviewItem>>('/review?status=All&take=100');
		const decided = all.items.find((i) => i.id === target.id);
		expect(decided?.status).toBe('Rejected');
		expect(decided?.note).toBe('Same card as the advocate.');
		expectNoErrors(result);
	});
});

describe('ask timeline editor', () => {
	it('checks the ask copy while typing: a closed question is found, marked and given a suggestion', async () => {
		const result = await open('ask-timeline-view', 'referrals-ask-timeline-view');
		const { page } = result;
		const editor = page.locator('referrals-ask-copy-editor.referral-ask');
		await editor.waitFor();
		await page.locator('uui-table-row.step').first().waitFor();

		const text = 'Do you know anyone who needs a plumber?';
		await editor.locator('uui-textarea textarea').fill(text);
		await expect.poll(() => editor.locator('li.finding[data-rule="ClosedQuestion"]').count()).toBe(1);
		const finding = editor.locator('li.finding[data-rule="ClosedQuestion"]');
		expect(await finding.locator('q').innerText()).not.toBe('');
		expect(text).toContain(await finding.locator('q').innerText());
		expect(await finding.locator('.suggestion em').innerText()).not.toBe('');
		expect(await editor.locator('.preview mark').first().innerText()).toBe(await finding.locator('q').innerText());
		await shot(page, 'ask-editor');

		// The same answer the API gives for this text, rule by rule.
		const direct = await harness.api<{ findings: { rule: string }[] }>('/asks/wording-check', {
			method: 'POST',
			body: JSON.stringify({ text, scope: 'ReferralAsk' }),
		});
		expect((await editor.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort()).toEqual(
			direct.findings.map((f) => f.rule).sort(),
		);
		expectNoErrors(result);
	});

	it('reacts again when the copy is rewritten: open questions and all four steps read as clean', async () => {
		const good =
			'Thank you for being such a valued customer. Who do you know who would enjoy this as much as you do? ' +
			'Someone who cares about quality, like you. Your friend gets 10 EUR off their first order, with no obligation.';
		const direct = await harness.api<{ findings: unknown[] }>('/asks/wording-check', {
			method: 'POST',
			body: JSON.stringify({ text: good, scope: 'ReferralAsk' }),
		});
		const result = await open('ask-timeline-view', 'referrals-ask-timeline-view');
		const { page } = result;
		const editor = page.locator('referrals-ask-copy-editor.referral-ask');
		await editor.waitFor();
		await editor.locator('uui-textarea textarea').fill('Do you know anyone?');
		await expect.poll(() => editor.locator('li.finding').count()).toBeGreaterThan(0);

		await editor.locator('uui-textarea textarea').fill(good);
		await expect.poll(() => editor.locator('li.finding').count()).toBe(direct.findings.length);
		if (direct.findings.length === 0) expect(await editor.locator('[data-result="clean"]').count()).toBe(1);
		expectNoErrors(result);
	});
});

describe('other pages', () => {
	it('overview: renders KPIs, the funnel, goal pacing and NPS from GET /overview', async () => {
		const expected = await harness.api<Overview>('/overview');
		expect(expected.kpis.referrals, 'the API under test needs referrals in the last 90 days').toBeGreaterThan(0);
		expect(expected.goal, 'the API under test needs a monthly goal').not.toBeNull();
		const result = await open('overview-dashboard', 'referrals-overview-dashboard');
		const { page } = result;
		await page.locator('referrals-funnel-chart g.stage').first().waitFor();
		expect(await page.locator('referrals-funnel-chart g.stage').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual(
			expected.funnel.map((s) => s.stage),
		);
		expect(await page.locator('referrals-pacing-chart polyline').count()).toBe(1);
		expect(await page.locator('referrals-nps-chart .score').innerText()).toBe(String(expected.nps.score));
		await shot(page, 'overview');
		expectNoErrors(result);
	});

	it('thank-you queue: prints the server\'s card for a card task and marks a task done', async () => {
		const before = await harness.api<Paged<ThankYouTask>>('/thank-you-tasks?state=Open&take=100');
		const cardTask = before.items.find((t) => t.kind === 'ThankYouCard' && t.link);
		expect(cardTask, 'the API under test needs an open thank-you card task with a link').toBeDefined();
		const result = await open('thank-you-queue-view', 'referrals-thank-you-queue-view');
		const { page } = result;
		await page.locator('uui-box.task').first().waitFor();
		expect(await page.locator('uui-box.task').count()).toBe(before.items.length);
		await shot(page, 'thank-you-queue');

		await page.locator(`uui-box.task[data-id="${cardTask!.id}"] uui-button[label="Print card"]`).click();
		const frame = page.locator('body > iframe');
		await frame.waitFor({ state: 'attached' });
		const printed = await frame.getAttribute('srcdoc');
		expect(printed).toContain(cardTask!.link);
		expect(printed).toContain('<svg'); // the server's card carries the QR code; the client's fallback has none

		await page.locator(`uui-box.task[data-id="${cardTask!.id}"] uui-button.done`).click();
		await expect.poll(() => page.locator('uui-box.task').count()).toBe(before.items.length - 1);
		const done = await harness.api<Paged<ThankYouTask>>('/thank-you-tasks?state=Done&take=100');
		expect(done.items.find((t) => t.id === cardTask!.id)?.doneBy).toBe('editor');
		expectNoErrors(result);
	});

	it('rewards ledger: one row per ledger entry of the first page', async () => {
		const expected = await harness.api<Paged<unknown>>('/rewards?skip=0&take=25');
		const result = await open('rewards-ledger-view', 'referrals-rewards-ledger-view');
		const { page } = result;
		if (expected.items.length === 0) {
			await page.locator('referrals-status[state="empty"]').waitFor();
		} else {
			await page.locator('uui-table-row.ledger-entry').first().waitFor();
			expect(await page.locator('uui-table-row.ledger-entry').count()).toBe(expected.items.length);
		}
		await shot(page, 'rewards');
		expectNoErrors(result);
	});

	it('settings: shows the program, causes, e-mail and stores, and saves through PUT /settings', async () => {
		const before = await harness.api<{ holdDays: number }>('/settings');
		const stores = await harness.api<{ shopDomain: string }[]>('/stores');
		const result = await open('settings-view', 'referrals-settings-view');
		const { page } = result;
		await page.locator('uui-box').first().waitFor();
		await page.locator('uui-button[label="Save"]').waitFor();
		for (const store of stores) await page.getByText(store.shopDomain).waitFor();
		await shot(page, 'settings');

		const hold = page.locator('uui-input[label="Hold rewards for (days)"] input');
		await hold.fill(String(before.holdDays + 1));
		await hold.dispatchEvent('change');
		await page.locator('uui-button[label="Save"]').click();
		await expect.poll(async () => (await harness.api<{ holdDays: number }>('/settings')).holdDays).toBe(before.holdDays + 1);
		expectNoErrors(result);
	});

	it('member tab: shows the member\'s code and counts from GET /members/{key}', async () => {
		const list = await harness.api<Paged<AdvocateSummary>>('/advocates?take=100');
		const linked = list.items.find((a) => a.memberKey);
		expect(linked, 'the API under test needs an advocate linked to a member').toBeDefined();
		const member = await harness.api<{ code: string | null; referrals: number }>(`/members/${linked!.memberKey}`);
		const result = await open('member-referrals', 'referrals-member-workspace-view', { member: linked!.memberKey! });
		const { page } = result;
		await page.locator('referrals-member-workspace-view dl').waitFor();
		expect(await page.locator('referrals-member-workspace-view dd code').innerText()).toBe(member.code);
		expect(await page.locator('referrals-member-workspace-view dd.referrals').innerText()).toBe(String(member.referrals));
		await shot(page, 'member-tab');
		expectNoErrors(result);
	});

	it('"Invite to refer" on a member schedules the ask and reports it as a notification', async () => {
		const list = await harness.api<Paged<AdvocateSummary>>('/advocates?take=100');
		const key = list.items.find((a) => a.memberKey)!.memberKey!;
		const result = await harness.open({ module: 'invite-to-refer', unique: key, lang: 'en' });
		opened.push(result);
		await result.page.evaluate(() => (window as unknown as { __execute: () => Promise<void> }).__execute());
		const notes = await result.page.evaluate(() => window.__notifications);
		expect(notes).toHaveLength(1);
		expect(['positive', 'warning']).toContain(notes[0].color);
		expect(notes[0].headline).toMatch(/^(Invitation to refer scheduled|Not invited)$/);
		expectNoErrors(result);
	});

});

describe('ideal clients, introductions, advocate news and referred customers', () => {
	it('settings: an ideal-client profile with an empty field shows the server\'s message under that field, then saves', async () => {
		const before = await harness.api<ProgramSettings>('/settings');
		const result = await open('settings-view', 'referrals-settings-view');
		const { page } = result;
		const editor = page.locator('referrals-ideal-clients-editor');
		await editor.waitFor();
		expect(await editor.locator('.profile').count()).toBe(before.idealClients.length);

		await editor.locator('uui-button.add').click();
		const index = before.idealClients.length;
		const profile = editor.locator(`.profile[data-index="${index}"]`);
		await profile.locator('[data-field="name"] uui-input input').fill('Young families');
		await profile.locator('[data-field="situation"] uui-textarea textarea').fill('have just had their first child');
		await profile.locator('[data-field="benefit"] uui-textarea textarea').fill('A safe garden to play in from day one.');
		await page.locator('uui-button[label="Save"]').click();

		const error = profile.locator('[data-field="who"] .field-error');
		await error.waitFor();
		expect(await error.innerText()).toMatch(/Who/);
		expect(await profile.locator('[data-field="name"] .field-error').count()).toBe(0);
		await shot(page, 'settings-ideal-clients');
		expect((await harness.api<ProgramSettings>('/settings')).idealClients).toHaveLength(before.idealClients.length);

		await profile.locator('[data-field="who"] uui-textarea textarea').fill('parents of small children nearby');
		await page.locator('uui-button[label="Save"]').click();
		await expect
			.poll(async () => (await harness.api<ProgramSettings>('/settings')).idealClients.map((p) => p.name))
			.toContain('Young families');
		// The view clears the errors when the save's answer arrives, which may be after the API already holds it.
		await expect.poll(() => profile.locator('.field-error').count()).toBe(0);
		expectNoErrors(result);
	});

	it('introductions: records an introduction made by phone; it is listed and its thank-you card is queued', async () => {
		const before = await harness.api<Paged<Introduction>>('/introductions?take=100');
		const advocates = await harness.api<Paged<AdvocateSummary>>('/advocates?sort=name&direction=asc&take=100');
		const advocate = advocates.items[0];
		const result = await open('introductions-view', 'referrals-introductions-view');
		const { page } = result;
		await page.locator('uui-box.record').waitFor();
		expect(await page.locator('uui-table-row.introduction').count()).toBe(before.items.length);

		await page.locator('uui-select.advocate select').selectOption(advocate.id);
		await page.locator('uui-select.channel select').selectOption('Phone');
		await page.locator('uui-input.friend-name input').fill('Ingrid Daubechies');
		await page.locator('uui-textarea.note textarea').fill('Rang on Tuesday about her sister');
		await page.locator('uui-button.record-button').click();

		await expect.poll(() => page.locator('uui-table-row.introduction').count()).toBe(before.items.length + 1);
		const after = await harness.api<Paged<Introduction>>('/introductions?take=100');
		const added = after.items.find((i) => !before.items.some((b) => b.id === i.id))!;
		expect(added).toMatchObject({ advocateId: advocate.id, friend: 'Ingrid Daubechies', channel: 'Phone' });
		const row = page.locator(`uui-table-row.introduction[data-id="${added.id}"]`);
		expect(await row.locator('.channel').innerText()).toBe('Phone');
		expect(await row.locator('.advocate').innerText()).toBe(advocate.name);
		await page.locator('.recorded').waitFor();
		const tasks = await harness.api<Paged<ThankYouTask>>('/thank-you-tasks?state=Open&take=100');
		expect(tasks.items.filter((t) => t.referralId === added.id).map((t) => t.kind)).toEqual(['ThankYouCard']);
		await shot(page, 'introductions');
		expectNoErrors(result);
	});

	it('ask timeline: shows the advocate news and turns it on with its interval, and names an ideal client for an ask', async () => {
		const before = await harness.api<AskTimeline>('/asks/timeline');
		const profile = (await harness.api<ProgramSettings>('/settings')).idealClients[0];
		expect(profile, 'the API under test needs an ideal-client profile').toBeDefined();
		const result = await open('ask-timeline-view', 'referrals-ask-timeline-view');
		const { page } = result;
		const box = page.locator('uui-box.advocate-news');
		await box.waitFor();
		expect(await box.locator('uui-toggle.news-enabled').evaluate((t) => (t as HTMLInputElement).checked)).toBe(before.advocateNews.enabled);

		await box.locator('uui-toggle.news-enabled').click();
		const interval = box.locator('#news-interval input');
		await interval.fill('14');
		await interval.dispatchEvent('change');
		await page.locator('uui-table-row.step[data-step="purchase"] uui-select.ideal-client select').selectOption(profile.name);
		await page.locator('uui-button[label="Save"]').click();
		await expect
			.poll(async () => {
				const t = await harness.api<AskTimeline>('/asks/timeline');
				return [t.advocateNews.enabled, t.advocateNewsIntervalDays, t.purchase.idealClientName];
			})
			.toEqual([!before.advocateNews.enabled, 14, profile.name]);
		await shot(page, 'advocate-news');
		expectNoErrors(result);
	});

	it('advocate news: the HTML template has its own wording check, a Liquid error shows under it and saves nothing, then the fix and an ideal client save', async () => {
		const before = await harness.api<AskTemplates>('/asks/templates');
		const result = await open('ask-timeline-view', 'referrals-ask-timeline-view');
		const { page } = result;
		const field = page.locator('uui-box.advocate-news [data-field="advocateNewsHtml"]');
		const editor = field.locator('referrals-ask-copy-editor.news-html');
		await editor.waitFor();
		expect(await editor.locator('uui-textarea textarea').inputValue()).toBe(before.advocateNewsHtml);

		// A closed question (the news checks phrasing only) and an output tag that is never closed.
		const closed = 'Do you know anyone who would like this?';
		const broken = before.advocateNewsHtml.replace('<p>With thanks', `<p>${closed} {{ referral_link </p><p>With thanks`);
		expect(broken).not.toBe(before.advocateNewsHtml);
		await editor.locator('uui-textarea textarea').fill(broken);
		await expect.poll(() => editor.locator('li.finding[data-rule="ClosedQuestion"]').count()).toBe(1);
		expect(await editor.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['ClosedQuestion']);
		expect(closed).toContain(await editor.locator('li.finding q').innerText());
		await page.locator('uui-button[label="Save"]').click();

		const error = editor.locator('.field-error');
		await error.waitFor();
		expect(await error.innerText()).toMatch(/^The template is not valid Liquid/);
		expect(await page.locator('[data-field="advocateNewsText"] referrals-ask-copy-editor .field-error').count()).toBe(0);
		expect(await page.locator('[data-field="advocateNewsSubject"] .field-error').count()).toBe(0);
		expect(await page.locator('.problems').count(), 'the problem is shown at its field only').toBe(0);
		expect((await harness.api<AskTemplates>('/asks/templates')).advocateNewsHtml).toBe(before.advocateNewsHtml);
		await shot(page, 'advocate-news-html');

		const fixed = before.advocateNewsHtml.replace('<p>With thanks', '<p>Who do you know who would like this?</p><p>With thanks');
		await editor.locator('uui-textarea textarea').fill(fixed);
		await expect.poll(() => editor.locator('[data-result="clean"]').count()).toBe(1);
		// The news can name an ideal client too, like each ask step.
		const profile = (await harness.api<ProgramSettings>('/settings')).idealClients.at(-1)!;
		await page.locator('uui-box.advocate-news uui-select.ideal-client select').selectOption(profile.name);
		await page.locator('uui-button[label="Save"]').click();
		await expect.poll(async () => (await harness.api<AskTemplates>('/asks/templates')).advocateNewsHtml).toBe(fixed);
		expect((await harness.api<AskTimeline>('/asks/timeline')).advocateNews.idealClientName).toBe(profile.name);
		await expect.poll(() => editor.locator('.field-error').count()).toBe(0);
		expectNoErrors(result);
	});

	it('referred customers: shows each month\'s figures with their counts, and marks small samples', async () => {
		const expected = await harness.api<CustomerValue>('/customer-value?months=6');
		const current = expected.months[expected.months.length - 1];
		expect(current.referred.orders, 'the API under test needs referred orders this month').toBeGreaterThan(0);
		const result = await open('customer-value-view', 'referrals-customer-value-view');
		const { page } = result;
		await page.locator('uui-table.customer-value').waitFor();

		expect(await page.locator('uui-table-row.bucket[data-kind="month"]').count()).toBe(expected.months.length);
		const rows = page.locator('uui-table-row.figures');
		expect(await rows.count()).toBe(2 * (expected.months.length + expected.period.length));
		// The current month is listed first after the period, referred then other.
		const referred = rows.nth(2);
		const other = rows.nth(3);
		expect(await referred.getAttribute('data-group')).toBe('referred');
		expect(await referred.locator('.customers').innerText()).toBe(String(current.referred.customers));
		expect(await other.locator('.customers').innerText()).toBe(String(current.other.customers));
		expect(await referred.locator('.aov .n').innerText()).toBe(`orders: ${current.referred.orders}`);
		expect(await referred.locator('.aov').innerText()).toContain(
			new Intl.NumberFormat('en', { style: 'currency', currency: current.currency }).format(current.referred.averageOrderValue!),
		);
		expect(await referred.locator('uui-tag.small').count()).toBe(current.referred.smallSample ? 1 : 0);
		expect(await page.locator('uui-table-row.figures.small-sample').count()).toBe(
			[...expected.period, ...expected.months].flatMap((l) => [l.referred, l.other]).filter((f) => f.smallSample).length,
		);
		await shot(page, 'customer-value');
		expectNoErrors(result);
	});
});

// The views of ideal clients, introductions, advocate news and referred customers in Danish (docs/images/*-da.png),
// after the suites above have filled them.
describe('in Danish', () => {
	async function openDanish(module: string, element: string, headline: string) {
		const result = await open(module, element, { lang: 'da' });
		await result.page.locator(`uui-box[headline="${headline}"]`).waitFor();
		return result;
	}

	it('settings: the ideal-client profiles with Danish labels', async () => {
		const settings = await harness.api<ProgramSettings>('/settings');
		const result = await openDanish('settings-view', 'referrals-settings-view', da.referrals.settingsIdealClients);
		const { page } = result;
		const editor = page.locator('referrals-ideal-clients-editor');
		await expect.poll(() => editor.locator('.profile').count()).toBe(settings.idealClients.length);
		await page.getByText(da.referrals.idealClient_benefit).first().waitFor();
		await page.locator('uui-button[label="Gem"]').waitFor();
		await shot(page, 'settings-ideal-clients-da');
		expectNoErrors(result);
	});

	it('introductions: the form and the list with Danish labels and channels', async () => {
		const expected = await harness.api<Paged<Introduction>>('/introductions?take=100');
		expect(expected.items.length, 'the suites above recorded introductions').toBeGreaterThan(0);
		const result = await openDanish('introductions-view', 'referrals-introductions-view', da.referrals.introductions);
		const { page } = result;
		await expect.poll(() => page.locator('uui-table-row.introduction').count()).toBe(expected.items.length);
		await page.locator(`uui-box[headline="${da.referrals.recordIntroduction}"]`).waitFor();
		const phone = expected.items.find((i) => i.channel === 'Phone');
		if (phone) expect(await page.locator(`uui-table-row.introduction[data-id="${phone.id}"] .channel`).innerText()).toBe(da.referrals.introChannel_Phone);
		await shot(page, 'introductions-da');
		expectNoErrors(result);
	});

	it('ask timeline: the advocate news with its subject, HTML and text in Danish labels', async () => {
		const templates = await harness.api<AskTemplates>('/asks/templates');
		const result = await openDanish('ask-timeline-view', 'referrals-ask-timeline-view', da.referrals.advocateNews);
		const { page } = result;
		const html = page.locator('referrals-ask-copy-editor.news-html');
		await html.waitFor();
		expect(await html.locator('uui-textarea textarea').inputValue()).toBe(templates.advocateNewsHtml);
		await page.getByText(da.referrals.advocateNewsHtml).first().waitFor();
		await expect.poll(() => html.locator('[data-result="clean"], li.finding').count()).toBeGreaterThan(0);
		await shot(page, 'advocate-news-da');
		expectNoErrors(result);
	});

	it('referred customers: the months and figures with Danish labels', async () => {
		const expected = await harness.api<CustomerValue>('/customer-value?months=6');
		const result = await openDanish('customer-value-view', 'referrals-customer-value-view', da.referrals.customerValue);
		const { page } = result;
		await page.locator('uui-table.customer-value').waitFor();
		expect(await page.locator('uui-table-row.bucket[data-kind="month"]').count()).toBe(expected.months.length);
		expect(await page.locator('uui-table-row.figures[data-group="referred"]').first().locator('uui-table-cell').first().innerText()).toContain(
			da.referrals.referredCustomers,
		);
		await shot(page, 'customer-value-da');
		expectNoErrors(result);
	});
});
