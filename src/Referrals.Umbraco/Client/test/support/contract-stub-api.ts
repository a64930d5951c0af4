// A loopback HTTP server that answers the package API with the JSON shapes of docs/umbraco-api.md (contract v1).
// It exists only so the browser tests run before the lead wires them to the real API test host: set
// REFERRALS_API_URL to that host and this stub is not started. Its data is a small in-memory program; its wording
// check is a crude stand-in for the engine's WordingCheck (it only has to produce findings of the right shape).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = '/umbraco/referrals/api/v1';
const EUR = (amount: number) => ({ amount, currency: 'EUR' });
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00+00:00`;

interface StubOptions {
	/** Also answer the endpoints the contract lists as "coming" (overview, thank-you tasks), with the proposed shapes. */
	coming?: boolean;
}

export interface ContractStub {
	url: string;
	/** Turns the "coming" endpoints on or off. */
	setComing(on: boolean): Promise<void>;
	/** Makes every API call answer 500 (to show error states) until turned off. */
	setFailing(on: boolean): Promise<void>;
	close(): Promise<void>;
}

function seed() {
	const names = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Margaret Hamilton', 'Hedy Lamarr', 'Radia Perlman'];
	const advocates = Array.from({ length: 30 }, (_, i) => {
		const name = i < names.length ? names[i] : `Advocate ${String(i + 1).padStart(2, '0')}`;
		const first = name.split(' ')[0].toLowerCase();
		return {
			id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			name,
			email: `${first}${i}@example.com`,
			kind: i % 5 === 4 ? 'ReferralPartner' : 'Client',
			code: `${first.slice(0, 3).toUpperCase()}-${(7300 + i * 7).toString(32).toUpperCase()}`,
			referrals: (i * 7) % 9,
			converted: (i * 7) % 9 > 2 ? ((i * 7) % 9) - 2 : 0,
			revenue: EUR(((i * 7) % 9) * 60),
			bestCustomerScore: 95 - i * 2,
			lastSatisfactionScore: 10 - (i % 4),
			memberKey: i === 0 ? '0f8fad5b-d9cb-469f-a165-70867728950e' : null,
			createdAt: at(1 + (i % 20)),
		};
	});
	const ada = advocates[0];
	Object.assign(ada, { referrals: 9, converted: 3, revenue: EUR(360) });
	const referral = (id: string, friend: string, state: string, parent: string | null, depth: number, revenue: number | null) => ({
		id, advocateId: ada.id, advocateName: ada.name, advocateEmail: ada.email,
		friendContactId: null, friendName: friend, friendEmail: `${friend.split(' ')[0].toLowerCase()}@example.org`,
		code: ada.code, source: 'Link', state, reason: null, attributionRule: 'ReferralCode',
		convertingOrderId: revenue ? `10${id.slice(-2)}` : null, revenue: revenue ? EUR(revenue) : null,
		depth, parentReferralId: parent, rootAdvocateId: ada.id,
		createdAt: at(3), visitedAt: at(3), convertedAt: revenue ? at(5) : null, rewardedAt: null,
	});
	const referrals = [
		referral('r-01', 'Grace Hopper', 'Converted', null, 1, 120),
		referral('r-02', 'Alan Turing', 'Rewarded', null, 1, 80),
		referral('r-03', 'Joan Clarke', 'Visited', 'r-01', 2, null),
		referral('r-04', 'Tommy Flowers', 'Converted', 'r-01', 2, 160),
		referral('r-05', 'Mallory Fraud', 'UnderReview', null, 1, 95),
	];
	const review = [
		{ id: 'v-01', referralId: 'r-05', reasons: ['SharedAddress', 'VelocityExceeded'], flaggedAt: at(6), deadline: at(9), status: 'Open', decidedBy: null, decidedAt: null, note: null, referral: referrals[4] },
		{ id: 'v-02', referralId: 'r-06', reasons: ['SelfReferralEmail'], flaggedAt: at(7), deadline: at(10), status: 'Open', decidedBy: null, decidedAt: null, note: null,
			referral: { ...referral('r-06', 'Ada L.', 'UnderReview', null, 1, 40), advocateName: 'Grace Hopper' } },
	];
	const ledger = [
		{ id: 'l-01', type: 'Reward', beneficiary: 'Advocate', contactId: ada.id, contactName: ada.name, causeId: null, referralId: 'r-01', orderId: '1001', kind: 'StoreCredit', amount: EUR(10), state: 'Pending', holdUntil: '2026-12-05T10:00:00+00:00', relatedEntryId: null, externalRef: null, note: null, createdAt: at(5), updatedAt: at(5) },
		{ id: 'l-02', type: 'Reward', beneficiary: 'Friend', contactId: 'f-1', contactName: 'Grace Hopper', causeId: null, referralId: 'r-01', orderId: '1001', kind: 'DiscountCode', amount: EUR(10), state: 'Issued', holdUntil: null, relatedEntryId: null, externalRef: 'GRACE10', note: null, createdAt: at(5), updatedAt: at(5) },
		{ id: 'l-03', type: 'Reward', beneficiary: 'Cause', contactId: null, contactName: null, causeId: 'red-cross', referralId: 'r-02', orderId: '1002', kind: 'Donation', amount: EUR(2), state: 'Approved', holdUntil: null, relatedEntryId: null, externalRef: null, note: null, createdAt: at(4), updatedAt: at(4) },
		{ id: 'l-04', type: 'ClawBack', beneficiary: 'Advocate', contactId: ada.id, contactName: ada.name, causeId: null, referralId: 'r-02', orderId: '1002', kind: 'StoreCredit', amount: EUR(-4), state: 'Issued', holdUntil: null, relatedEntryId: 'l-00', externalRef: 'sc-debit-1', note: null, createdAt: at(8), updatedAt: at(8) },
	];
	const step = (trigger: string, delayDays: number, channel: string) => ({ trigger, delayDays, channel, enabled: true });
	const timeline = {
		purchase: step('Purchase', 7, 'Email'), fulfilment: step('Fulfilment', 3, 'Email'), problemSolved: step('ProblemSolved', 1, 'Email'),
		beforeStart: step('BeforeStart', 0, 'Task'), cadence: { ...step('Cadence', 0, 'Email'), enabled: false }, manual: step('Manual', 0, 'Email'),
		cadenceIntervalDays: 90, frequencyCapDays: 30,
	};
	const templates = {
		satisfactionSubject: 'How did we do, {{ first_name }}?', satisfactionHtml: '<p>How did we do?</p>', satisfactionText: 'How did we do? Rate us from 0 to 10.',
		referralAskSubject: 'Thank you, {{ first_name }}',
		referralAskHtml: '<p>Thank you for being a valued customer.</p>',
		referralAskText: 'Thank you for being such a valued customer. Who do you know who would love this as much as you do? Someone who cares about quality like you. Your friend gets 10 EUR off, with no obligation.',
		thankYouSubject: 'Thank you for your referral', thankYouHtml: '<p>Thank you!</p>', thankYouText: 'Thank you for referring {{ friend_name }}!',
		serviceRecoveryTask: 'Call {{ first_name }} about their experience.',
	};
	const settings = {
		currency: 'EUR', locale: 'en',
		advocateReward: { kind: 'StoreCredit', fixedAmount: 10, percentOfOrder: 0, maximumAmount: null }, friendReward: null,
		friendOffer: { type: 'FixedAmount', value: 10, description: null },
		holdDays: 30, attributionWindowDays: 30, firstOrderOnly: true, minimumOrderAmount: 0,
		charitySharePercent: 10, causes: [{ id: 'red-cross', name: 'Red Cross' }, { id: 'wwf', name: 'WWF' }],
		reviewWindowHours: 72, reviewLapsePolicy: 'ApproveOnLapse', velocityLimit: 5, velocityWindowHours: 24,
		gate: { promoterMinimum: 9, detractorMaximum: 6 }, timeline, templates, monthlyGoal: 40,
	};
	const thanks = [
		{ id: 't-01', advocateName: 'Ada Lovelace', friendName: 'Grace Hopper', channel: 'Card', suggestedMessage: 'Dear Ada,\nthank you for sending Grace our way. It means a lot to us.', address: 'Ada Lovelace\n12 St James’s Square\nLondon', link: 'https://example.com/r/ADA-7K3M9Q', dueAt: at(12), done: false },
		{ id: 't-02', advocateName: 'Alan Turing', friendName: 'Joan Clarke', channel: 'Call', suggestedMessage: 'Call Alan to say thank you for introducing Joan.', address: null, link: 'https://example.com/r/ALA-7KQ', dueAt: at(13), done: false },
	];
	return { advocates, referrals, review, ledger, timeline, templates, settings, thanks };
}

function wordingCheck(text: string) {
	const findings: { rule: string; start: number; length: number; excerpt: string; message: string; suggestion: string }[] = [];
	const closed = /\b(do|does|would) you know (any(one|body)?|someone)\b/gi;
	for (const m of text.matchAll(closed)) {
		findings.push({ rule: 'ClosedQuestion', start: m.index!, length: m[0].length, excerpt: m[0],
			message: 'A closed question invites a quick "no".', suggestion: 'Who do you know who …?' });
	}
	const missing = (rule: string, pattern: RegExp, message: string, suggestion: string) => {
		if (!pattern.test(text)) findings.push({ rule, start: 0, length: 0, excerpt: '', message, suggestion });
	};
	missing('MissingAppreciation', /thank|appreciat|grateful|valued/i, 'Nothing tells the reader they are valued.', 'Thank you for being such a valued customer.');
	missing('MissingInvitation', /who do you know|introduce|refer/i, 'There is no open invitation to refer.', 'Who do you know who …?');
	missing('MissingIdealReferral', /someone who|people who|like you/i, 'The ideal referral is not described.', 'Someone who … like you.');
	missing('MissingRiskFreeOffer', /no obligation|risk-free|free|off\b/i, 'The friend gets no risk-free offer.', 'Your friend gets … with no obligation.');
	return { locale: 'en', supported: true, findings };
}

/** Starts the stub on 127.0.0.1 with a random port. */
export async function startContractStub(options: StubOptions = {}): Promise<ContractStub> {
	const data = seed();
	let failing = false;
	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://stub');
		const body = (await readBody(req)) as { on?: boolean } | undefined;
		// Test controls, outside the API path (the harness page never reaches them; only the test process does).
		if (url.pathname === '/__stub/coming') {
			options.coming = !!body?.on;
			return json(res, 200, { coming: options.coming });
		}
		if (url.pathname === '/__stub/fail') {
			failing = !!body?.on;
			return json(res, 200, { failing });
		}
		if (failing) return problem(res, 500, 'The stub was told to fail.');
		if (!req.headers.authorization?.startsWith('Bearer ')) return problem(res, 401, 'Unauthorized');
		if (!url.pathname.startsWith(ROOT)) return problem(res, 404, 'Not Found');
		route(req.method ?? 'GET', url.pathname.slice(ROOT.length), url.searchParams, body, res);
	});

	const route = (method: string, path: string, q: URLSearchParams, body: any, res: ServerResponse) => {
		const skip = Number(q.get('skip') ?? 0);
		const take = Number(q.get('take') ?? 25);
		let m: RegExpMatchArray | null;
		if (method === 'GET' && path === '/advocates') {
			const search = (q.get('search') ?? '').toLowerCase();
			const sort = q.get('sort') ?? 'name';
			if (!['name', 'email', 'createdAt', 'referrals', 'bestCustomerScore'].includes(sort)) return problem(res, 400, 'Unknown sort');
			const direction = q.get('direction') ?? (sort === 'name' || sort === 'email' ? 'asc' : 'desc');
			const items = data.advocates
				.filter((a) => !search || a.name.toLowerCase().includes(search) || a.email.includes(search) || a.code.toLowerCase() === search)
				.sort((a, b) => {
					const x = (a as any)[sort], y = (b as any)[sort];
					const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
					return direction === 'asc' ? c : -c;
				});
			return json(res, 200, { total: items.length, items: items.slice(skip, skip + take) });
		}
		if (method === 'GET' && (m = path.match(/^\/advocates\/([^/]+)$/))) {
			const a = data.advocates.find((x) => x.id === m![1]);
			if (!a) return problem(res, 404, 'Not Found');
			const own = a === data.advocates[0] ? data.referrals.filter((r) => r.state !== 'UnderReview' || true) : [];
			return json(res, 200, {
				advocate: { id: a.id, firstName: a.name.split(' ')[0], lastName: a.name.split(' ')[1] ?? '', name: a.name, email: a.email, phone: null, kind: a.kind,
					marketingConsent: true, ordersCount: 3, totalSpent: EUR(310), lastSatisfactionScore: a.lastSatisfactionScore,
					bestCustomerScore: a.bestCustomerScore, memberKey: a.memberKey, redacted: false, createdAt: a.createdAt },
				codes: [{ id: 'c-' + a.id, code: a.code, link: `https://example.com/r/${a.code}`, isActive: true, createdAt: a.createdAt }],
				referrals: own,
				tree: { referrals: own.length, maxDepth: Math.max(0, ...own.map((r) => r.depth)), revenue: EUR(own.reduce((s, r) => s + (r.revenue?.amount ?? 0), 0)),
					nodes: own.map((r) => ({ referralId: r.id, parentReferralId: r.parentReferralId, advocateId: a.id, friendContactId: null, friendName: r.friendName, depth: r.depth, state: r.state, revenue: r.revenue })) },
				ledger: a === data.advocates[0] ? data.ledger.filter((l) => l.contactId === a.id) : [],
				asks: [{ id: 'k-1', contactId: a.id, contactName: a.name, contactEmail: a.email, trigger: 'Purchase', channel: 'Email', state: 'Answered', skipReason: null, dueAt: at(2), sentAt: at(2), answeredAt: at(2), closedAt: null, score: 10, createdAt: at(1) }],
			});
		}
		if (method === 'GET' && path === '/review') {
			const status = q.get('status') ?? 'Open';
			const items = data.review.filter((r) => status === 'All' || r.status === status);
			return json(res, 200, { total: items.length, items: items.slice(skip, skip + take) });
		}
		if (method === 'POST' && (m = path.match(/^\/review\/([^/]+)\/(approve|reject)$/))) {
			const item = data.review.find((r) => r.id === m![1]);
			if (!item) return problem(res, 404, 'Not Found');
			if (item.status !== 'Open') return problem(res, 409, 'Conflict', `Review item ${item.id} was already decided.`);
			if (m[2] === 'reject') {
				const reason = String(body?.reason ?? '').trim();
				if (reason.length < 3 || reason.length > 500) {
					return json(res, 400, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400,
						errors: { reason: ['Say why the referral is rejected (3 to 500 characters): the advocate may ask.'] } }, 'application/problem+json');
				}
				Object.assign(item, { status: 'Rejected', note: reason });
			} else {
				Object.assign(item, { status: 'Approved', note: body?.note ?? null });
			}
			Object.assign(item, { decidedBy: 'Harness User', decidedAt: at(8) });
			return json(res, 200, item);
		}
		if (method === 'GET' && path === '/rewards') return json(res, 200, { total: data.ledger.length, items: data.ledger.slice(skip, skip + take) });
		if (path === '/asks/timeline') {
			if (method === 'PUT') data.timeline = body;
			return json(res, 200, data.timeline);
		}
		if (path === '/asks/templates') {
			if (method === 'PUT') data.templates = body;
			return json(res, 200, data.templates);
		}
		if (method === 'POST' && path === '/asks/wording-check') {
			if (typeof body?.text !== 'string') return problem(res, 400, 'One or more validation errors occurred.');
			return json(res, 200, wordingCheck(body.text));
		}
		if (path === '/settings') {
			if (method === 'PUT') data.settings = body;
			return json(res, 200, data.settings);
		}
		if (method === 'GET' && (m = path.match(/^\/members\/([^/]+)$/))) {
			const a = data.advocates.find((x) => x.memberKey === m![1]);
			if (!a) return json(res, 200, { memberKey: m[1], contactId: null, email: 'new.member@example.com', code: null, link: null, referrals: 0, converted: 0, lastAsk: null });
			return json(res, 200, { memberKey: m[1], contactId: a.id, email: a.email, code: a.code, link: `https://example.com/r/${a.code}`, referrals: a.referrals, converted: a.converted, lastAsk: null });
		}
		if (method === 'POST' && (m = path.match(/^\/members\/([^/]+)\/invite$/))) {
			return json(res, 200, { contactId: 'new', code: 'NEW-4K2P', link: 'https://example.com/r/NEW-4K2P',
				ask: { id: 'k-new', contactId: 'new', contactName: null, contactEmail: 'new.member@example.com', trigger: 'Manual', channel: 'Email', state: 'Scheduled', skipReason: null, dueAt: at(24), sentAt: null, answeredAt: null, closedAt: null, score: null, createdAt: at(24) } });
		}
		if (options.coming && method === 'GET' && path === '/overview') {
			return json(res, 200, {
				kpis: { referrals: 128, conversions: 37, conversionRate: 37 / 128, revenue: EUR(4440), rewardsIssued: EUR(370), kFactor: 0.42 },
				funnel: [{ stage: 'Asked', count: 410 }, { stage: 'Invited', count: 128 }, { stage: 'Visited', count: 86 }, { stage: 'Converted', count: 37 }, { stage: 'Rewarded', count: 29 }],
				goal: { target: 40, actual: 27, expectedToDate: 30.7, daysInMonth: 30, cumulative: [1, 2, 2, 4, 5, 6, 6, 8, 9, 10, 11, 12, 12, 14, 15, 16, 17, 19, 20, 21, 23, 25, 26, 27] },
				nps: { score: 48, promoters: 62, passives: 24, detractors: 14, responses: 100 },
			});
		}
		if (options.coming && method === 'GET' && path === '/thank-you-tasks') return json(res, 200, { total: data.thanks.length, items: data.thanks.filter((t) => !t.done) });
		if (options.coming && method === 'POST' && (m = path.match(/^\/thank-you-tasks\/([^/]+)\/done$/))) {
			const t = data.thanks.find((x) => x.id === m![1]);
			if (!t) return problem(res, 404, 'Not Found');
			t.done = true;
			return json(res, 200, t);
		}
		return problem(res, 404, 'Not Found');
	};

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	const control = async (path: string, on: boolean) => {
		await fetch(url + path, { method: 'POST', body: JSON.stringify({ on }) });
	};
	return {
		url,
		setComing: (on) => control('/__stub/coming', on),
		setFailing: (on) => control('/__stub/fail', on),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function readBody(req: IncomingMessage): Promise<unknown> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			try {
				resolve(text ? JSON.parse(text) : undefined);
			} catch {
				resolve(undefined);
			}
		});
	});
}

function json(res: ServerResponse, status: number, value: unknown, type = 'application/json') {
	res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
	res.end(JSON.stringify(value));
}

function problem(res: ServerResponse, status: number, title: string, detail?: string) {
	json(res, status, { type: `https://tools.ietf.org/html/rfc9110`, title, status, detail }, 'application/problem+json');
}
