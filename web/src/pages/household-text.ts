import type { HouseholdView, IncomePeriod } from '../api/registry';
import { formatMessage, type Language } from '../i18n/messages';

/** A household's base status in words, with the year it left poverty. */
export function statusText(status: HouseholdView['household']['status'], language: Language): string {
  if (status.kind === 'ordinary') return formatMessage(language, 'status.ordinary');
  return `${formatMessage(language, 'status.poverty-alleviated')} (${formatMessage(language, 'status.leftIn', { year: status.yearLeftPoverty })})`;
}

/** An income period in words. */
export function periodText(period: IncomePeriod, language: Language): string {
  return period.kind === 'calendar-year'
    ? formatMessage(language, 'household.year', { year: period.year })
    : formatMessage(language, 'household.twelveMonths', { date: period.endingOn });
}
