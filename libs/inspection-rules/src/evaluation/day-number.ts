import type { IsoDate } from '@relapse-watch/domain-kernel';

// Day arithmetic on ISO dates without Date objects: the rules compare dates for every household
// of a province, so a date is read as a day number (days since 1970-01-01) straight from its
// characters. Inputs are well-formed dates (facts and rule sets are validated upstream).

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian, H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  let year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}
