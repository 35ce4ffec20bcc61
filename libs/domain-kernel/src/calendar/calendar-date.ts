/**
 * A calendar date without a time zone, as ISO 8601 `YYYY-MM-DD` text (years 0001–9999). Plain
 * text keeps events and commands JSON-native, and two well-formed dates compare correctly as
 * strings.
 */
export type IsoDate = string;

/** Year, month (1–12) and day of a calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Proleptic Gregorian leap year rule (ISO 8601): every 4th year, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year (month 1–12); 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
      return 31;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    case 2:
      return isLeapYear(year) ? 29 : 28;
    default:
      return 0;
  }
}

/** True when the numbers name a real date (e.g. not 2023-02-29); year 1–9999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The date named by `YYYY-MM-DD`, or null when the text is not exactly that or not a real date. */
export function parseIsoDate(text: string): CalendarDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || !isRealDate(year, month, day)) return null;
  return { year, month, day };
}

/** True when the text is a real date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** The date as `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): IsoDate {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The calendar date an instant falls on at a fixed UTC offset. Domain code never reads the
 * clock: the command handler turns its `now` into `today` with this. China Standard Time is
 * UTC+8 (480 minutes) all year, without daylight saving since 1991; the offset stays a
 * parameter so the rule that uses it is visible at the call site.
 */
export function calendarDateAt(instant: Date, utcOffsetMinutes: number): IsoDate {
  const shifted = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  return formatIsoDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/**
 * Completed years from `birthDate` to `onDate`: the age goes up on the birthday itself.
 * Someone born on 29 February reaches each new age on 1 March in common years, because the
 * comparison is by (month, day) and 28 February comes before the birthday. Throws when
 * `onDate` is before `birthDate` or either is not a real `YYYY-MM-DD` date.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (birth === null || on === null) throw new RangeError('ageOn: dates must be real YYYY-MM-DD dates');
  if (onDate < birthDate) throw new RangeError('ageOn: the date is before the birth date');
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/**
 * The date `days` calendar days after `date` (before it when negative). Pure day arithmetic on
 * the proleptic Gregorian calendar: no `Date` object, so no time zone or daylight-saving shift can
 * move the answer. Throws a RangeError when `date` is not a real `YYYY-MM-DD` date, `days` is not
 * a safe integer, or the result leaves the years 0001–9999.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError('addDays: the date must be a real YYYY-MM-DD date');
  if (!Number.isSafeInteger(days)) throw new RangeError('addDays: days must be a safe integer');
  const result = dateOfDayNumber(dayNumber(parsed) + days);
  if (result.year < 1 || result.year > 9999) throw new RangeError('addDays: the result leaves the years 0001–9999');
  return formatIsoDate(result);
}

/**
 * ISO 8601 day of the week of a real `YYYY-MM-DD` date: 1 Monday … 6 Saturday, 7 Sunday. Throws a
 * RangeError for text that is not a real date.
 */
export function isoWeekday(date: IsoDate): number {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError('isoWeekday: the date must be a real YYYY-MM-DD date');
  // Day 0 (1970-01-01) was a Thursday, ISO day 4.
  return mod(dayNumber(parsed) + 3, 7) + 1;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

// Days since 1970-01-01 and back, counted in 400-year eras of 146,097 days with the year starting
// on 1 March, so that the leap day is the last day of its year and needs no special case.
function dayNumber(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dateOfDayNumber(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The number in `length` ASCII digits from `start`, or -1 when one of them is not a digit. */
export function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}
