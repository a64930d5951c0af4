import type { UmbLocalizationController } from '@umbraco-cms/backoffice/localization-api';
import type { Money } from '../api/types.js';

/** Formats money in the editor's culture; the currency comes from the data, never from the culture. */
export function formatMoney(localize: UmbLocalizationController, money: Money | null | undefined): string {
	if (!money) return '—';
	return localize.number(money.amount, { style: 'currency', currency: money.currency });
}

/** A date without the time, in the editor's culture. */
export function formatDate(localize: UmbLocalizationController, iso: string | null | undefined): string {
	if (!iso) return '—';
	return localize.date(iso, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A ratio 0..1 as a percentage with one decimal. */
export function formatPercent(localize: UmbLocalizationController, ratio: number): string {
	return localize.number(ratio, { style: 'percent', maximumFractionDigits: 1 });
}
