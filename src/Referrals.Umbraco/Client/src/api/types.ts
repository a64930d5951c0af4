// Shapes of the package API under /umbraco/referrals/api/v1, as written in docs/umbraco-api.md (contract v1):
// camelCase JSON, enums as PascalCase strings, money as { amount, currency }, times ISO 8601 UTC.
// Kept in one file so a contract change is one diff.

export interface Money {
	amount: number;
	currency: string;
}

export interface Paged<T> {
	total: number;
	items: T[];
}

export type Direction = 'asc' | 'desc';
export type ContactKind = 'Client' | 'ReferralPartner' | 'SphereOfInfluence';
export type ReferralSource = 'Link' | 'Code' | 'Named' | 'EmailMatch';
export type ReferralState = 'Invited' | 'Visited' | 'Converted' | 'Rewarded' | 'Rejected' | 'Expired' | 'UnderReview';

export interface ReferralItem {
	id: string;
	advocateId: string;
	advocateName: string;
	advocateEmail: string;
	friendContactId: string | null;
	friendName: string | null;
	friendEmail: string | null;
	code: string | null;
	source: ReferralSource;
	state: ReferralState;
	reason: string | null;
	convertingOrderId: string | null;
	revenue: Money | null;
	depth: number;
	parentReferralId: string | null;
	createdAt: string;
	convertedAt: string | null;
}

export type LedgerState = 'Pending' | 'Approved' | 'Issued' | 'Voided' | 'Outstanding' | 'Settled';

export interface LedgerItem {
	id: string;
	type: 'Reward' | 'ClawBack' | 'DebtOffset';
	beneficiary: 'Advocate' | 'Friend' | 'Cause';
	contactId: string | null;
	contactName: string | null;
	causeId: string | null;
	referralId: string | null;
	orderId: string | null;
	kind: 'StoreCredit' | 'DiscountCode' | 'GiftCard' | 'Points' | 'Donation' | 'Manual';
	amount: Money;
	state: LedgerState;
	holdUntil: string | null;
	externalRef: string | null;
	createdAt: string;
}

export type AskTrigger = 'Purchase' | 'Fulfilment' | 'ProblemSolved' | 'BeforeStart' | 'Cadence' | 'Manual' | 'AdvocateNews';
export type AskChannel = 'Email' | 'OnSite' | 'Task';

export interface AskItem {
	id: string;
	contactId: string;
	contactName: string | null;
	trigger: AskTrigger;
	channel: AskChannel;
	state: 'Scheduled' | 'Sent' | 'Answered' | 'Skipped' | 'Cancelled';
	skipReason: string | null;
	dueAt: string;
	score: number | null;
}

export interface AdvocateSummary {
	id: string;
	name: string;
	email: string;
	kind: ContactKind;
	code: string | null;
	referrals: number;
	converted: number;
	revenue: Money;
	bestCustomerScore: number | null;
	lastSatisfactionScore: number | null;
	memberKey: string | null;
	createdAt: string;
}

export type AdvocateSort = 'name' | 'email' | 'createdAt' | 'referrals' | 'bestCustomerScore';

export interface AdvocateQuery {
	search?: string;
	sort?: AdvocateSort;
	direction?: Direction;
	skip?: number;
	take?: number;
}

export interface ReferralCode {
	id: string;
	code: string;
	link: string;
	isActive: boolean;
	createdAt: string;
}

export interface TreeNode {
	referralId: string;
	parentReferralId: string | null;
	friendName: string | null;
	depth: number;
	state: ReferralState;
	revenue: Money | null;
}

export interface AdvocateDetail {
	advocate: {
		id: string;
		name: string;
		email: string;
		phone: string | null;
		kind: ContactKind;
		marketingConsent: boolean;
		ordersCount: number;
		totalSpent: Money;
		lastSatisfactionScore: number | null;
		bestCustomerScore: number | null;
		memberKey: string | null;
		redacted: boolean;
		createdAt: string;
	};
	codes: ReferralCode[];
	referrals: ReferralItem[];
	tree: { referrals: number; maxDepth: number; revenue: Money; nodes: TreeNode[] };
	ledger: LedgerItem[];
	asks: AskItem[];
}

export interface ReviewItem {
	id: string;
	referralId: string;
	reasons: string[];
	flaggedAt: string;
	deadline: string;
	status: 'Open' | 'Approved' | 'Rejected';
	decidedBy: string | null;
	decidedAt: string | null;
	note: string | null;
	referral: ReferralItem;
}

export interface AskTimelineStep {
	trigger: AskTrigger;
	delayDays: number;
	channel: AskChannel;
	taskKind?: string;
	/** The ideal-client profile (by name) the ask describes; null asks about the ideal referral in general. */
	idealClientName?: string | null;
	enabled: boolean;
}

export interface AskTimeline {
	purchase: AskTimelineStep;
	fulfilment: AskTimelineStep;
	problemSolved: AskTimelineStep;
	beforeStart: AskTimelineStep;
	cadence: AskTimelineStep;
	manual: AskTimelineStep;
	/** The opt-in news e-mail to advocates (e-mail only); interval in advocateNewsIntervalDays. */
	advocateNews: AskTimelineStep;
	advocateNewsIntervalDays: number;
	cadenceIntervalDays: number;
	frequencyCapDays: number;
}

/** The keys of AskTimeline that hold a step, in timeline order. */
export const TIMELINE_STEPS = ['purchase', 'fulfilment', 'problemSolved', 'beforeStart', 'cadence', 'manual'] as const;

export interface AskTemplates {
	satisfactionSubject: string;
	satisfactionHtml: string;
	satisfactionText: string;
	referralAskSubject: string;
	referralAskHtml: string;
	referralAskText: string;
	thankYouSubject: string;
	thankYouHtml: string;
	thankYouText: string;
	serviceRecoveryTask: string;
	advocateNewsSubject: string;
	advocateNewsHtml: string;
	advocateNewsText: string;
}

export type WordingScope = 'ReferralAsk' | 'PhrasingOnly';

export interface WordingFinding {
	rule: 'ClosedQuestion' | 'MissingAppreciation' | 'MissingInvitation' | 'MissingIdealReferral' | 'MissingRiskFreeOffer';
	start: number;
	length: number;
	excerpt: string;
	message: string;
	suggestion: string;
}

export interface WordingCheckResult {
	locale: string;
	supported: boolean;
	findings: WordingFinding[];
}

export interface ProgramSettings {
	currency: string;
	locale: string;
	advocateReward: { kind: string; fixedAmount: number; percentOfOrder: number; maximumAmount: number | null };
	friendReward: unknown;
	friendOffer: { type: 'FixedAmount' | 'Percentage' | 'FreeShipping' | 'NonMonetary'; value: number; description: string | null };
	holdDays: number;
	attributionWindowDays: number;
	firstOrderOnly: boolean;
	minimumOrderAmount: number;
	charitySharePercent: number;
	causes: { id: string; name: string }[];
	reviewWindowHours: number;
	reviewLapsePolicy: 'ApproveOnLapse' | 'RejectOnLapse' | 'KeepWaiting';
	velocityLimit: number;
	velocityWindowHours: number;
	gate: { promoterMinimum: number; detractorMaximum: number };
	timeline: AskTimeline;
	templates: AskTemplates;
	monthlyGoal: number;
	/** Up to MAX_IDEAL_CLIENTS described kinds of ideal client. */
	idealClients: IdealClientProfile[];
}

/** A described kind of ideal client; asks can name one (AskTimelineStep.idealClientName). */
export interface IdealClientProfile {
	name: string;
	who: string;
	situation: string;
	benefit: string;
}

/** ProgramSettings.MaxIdealClients on the server. */
export const MAX_IDEAL_CLIENTS = 4;

export type IntroductionChannel = 'Email' | 'Phone' | 'InPerson';

/** One introduction; friend is a name or a masked address, null once erased (friendRedacted). */
export interface Introduction {
	id: string;
	advocateId: string;
	advocateName: string | null;
	friend: string | null;
	friendRedacted: boolean;
	channel: IntroductionChannel;
	state: ReferralState;
	note: string | null;
	createdAt: string;
}

export interface RecordIntroduction {
	advocateId: string;
	friendName?: string;
	friendEmail?: string;
	note?: string;
	channel: 'Phone' | 'InPerson';
}

export interface CustomerValueFigures {
	customers: number;
	repeatCustomers: number;
	orders: number;
	net: number;
	averageOrderValue: number | null;
	ordersPerCustomer: number | null;
	revenuePerCustomer: number | null;
	repeatRate: number | null;
	refundRate: number | null;
	smallSample: boolean;
}

export interface CustomerValueLine {
	start: string;
	end: string;
	currency: string;
	referred: CustomerValueFigures;
	other: CustomerValueFigures;
}

export interface CustomerValue {
	currency: string;
	smallSampleCustomers: number;
	months: CustomerValueLine[];
	period: CustomerValueLine[];
}

export interface MemberReferrals {
	memberKey: string;
	contactId: string | null;
	email: string;
	code: string | null;
	link: string | null;
	referrals: number;
	converted: number;
	lastAsk: AskItem | null;
}

export interface InviteResult {
	contactId: string;
	code: string;
	link: string;
	ask: AskItem;
}

// ---- Dashboard, staff tasks and stores (contract v1, docs/umbraco-api.md). ----

/** GET /overview. */
export interface Overview {
	from: string;
	to: string;
	kpis: { referrals: number; conversions: number; conversionRate: number; revenue: Money; rewardsIssued: Money; kFactor: number };
	funnel: { stage: 'Asked' | 'Invited' | 'Visited' | 'Converted' | 'Rewarded'; count: number }[];
	weeks: { weekStart: string; asked: number; referrals: number; visits: number; conversions: number }[];
	goal: { target: number; actual: number; expectedToDate: number; projected: number; daysInMonth: number; cumulative: number[] } | null;
	nps: { score: number | null; promoters: number; passives: number; detractors: number; responses: number };
	topAdvocates: { id: string; name: string; conversions: number; revenue: Money }[];
}

export type StaffTaskKind = 'ThankYouCard' | 'ThankYouCall' | 'ServiceRecovery' | 'AskCall' | 'AskLetter' | 'AskMeeting';

/** One item of GET /thank-you-tasks. */
export interface ThankYouTask {
	id: string;
	kind: StaffTaskKind;
	state: 'Open' | 'Done' | 'Cancelled';
	contactId: string;
	contactName: string;
	friendName: string | null;
	referralId: string | null;
	suggestedMessage: string;
	address: string | null;
	link: string | null;
	dueAt: string;
	createdAt: string;
	doneBy: string | null;
	doneAt: string | null;
	cancelledAt: string | null;
}

/** One item of GET /stores (connected Shopify stores). */
export interface ConnectedStore {
	id: string;
	shopDomain: string;
	name: string;
	state: 'Active' | 'Uninstalled';
	connectedAt: string;
	uninstalledAt: string | null;
}
