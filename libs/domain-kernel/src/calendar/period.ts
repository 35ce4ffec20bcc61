import { assertNever, DomainError, type DomainProblem } from '../errors/domain-error';
import { addDays, isIsoDate, type IsoDate } from './calendar-date';
import { calendarDateFormatProblem, type WorkingDayCalendar } from './working-day-calendar';

/** How a time limit counts: every calendar day, or working days only. */
export type PeriodUnit = 'calendar' | 'working';

/** A time limit: a whole number of days (≥ 1) and how they are counted. */
export interface PeriodLimit {
  readonly days: number;
  readonly unit: PeriodUnit;
}

/*
 * How days are counted, once for every time limit of a case (民法典 第二百零一条 to 第二百零四条,
 * the Civil Code's rules for periods, which apply where no other law says otherwise):
 *
 * - Art. 201: the day the triggering act happens does not count; counting starts the next day.
 *   A limit of n days from day D covers D+1 … D+n.
 * - Art. 203 para. 1: when the last day of a period is a statutory rest day (法定休假日: a day off
 *   of the holiday notice or an ordinary weekend day that is not a make-up working day), the period
 *   ends on the day after the rest ends, i.e. the first working day after it.
 * - Art. 203 para. 2: the last day runs until 24:00, so the step is on time when done on the last
 *   day itself, and a notice still takes objections throughout its last day.
 *
 * Working-day limits (n 个工作日) count only working days after D, so their last day is always a
 * working day and art. 203 never moves it.
 */

function requireDays(days: number, what: string): void {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`${what}: days are a whole number of at least 1`);
}

/**
 * The last day (inclusive) on which a step with `limit` may be done when its period started on
 * `start` (民法典 arts. 201, 203: see above). Working days: the `days`-th working day after
 * `start`. Calendar days: `start + days`, moved to the first working day after it when that day
 * is a rest day. Throws `calendar.year-not-configured` (at `field`) for any date it needs in a
 * year without a schedule, and a RangeError for a limit that is not a whole number of days ≥ 1
 * (configuration is checked by `caseTimeLimitsProblems` before it gets here).
 */
export function periodEnd(start: IsoDate, limit: PeriodLimit, calendar: WorkingDayCalendar, field = 'date'): IsoDate {
  requireDays(limit.days, 'periodEnd');
  // Checks the start's format and year first, so a bad start is refused as such.
  calendar.isWorkingDay(start, field);
  switch (limit.unit) {
    case 'working':
      return calendar.addWorkingDays(start, limit.days, field);
    case 'calendar':
      return calendar.nextWorkingDayOnOrAfter(addDays(start, limit.days), field);
    default:
      return assertNever(limit.unit, 'period unit');
  }
}

/** True when a step with `limit`, started on `start`, is still not done on `today`: today is past its last day. */
export function isOverdue(
  start: IsoDate,
  limit: PeriodLimit,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  field = 'date',
): boolean {
  requireDate(today, 'today');
  return today > periodEnd(start, limit, calendar, field);
}

/**
 * The last day of the objection period of a public notice (公示) posted on `postedOn` that must
 * run at least `minimumDays` days. The notice period is a calendar-day period like any other
 * (arts. 201, 203): it covers the full days `postedOn + 1 … postedOn + minimumDays`, the posting
 * day not counted, and when the last of them is a rest day it runs on to the first working day,
 * so that villagers always have a working day at the end to lodge an objection. Objections are
 * accepted through this day; the notice may close, and the next step happen, the day after.
 */
export function noticeEarliestEnd(
  postedOn: IsoDate,
  minimumDays: number,
  calendar: WorkingDayCalendar,
  field = 'postedOn',
): IsoDate {
  return periodEnd(postedOn, { days: minimumDays, unit: 'calendar' }, calendar, field);
}

/**
 * May a notice posted on `postedOn` close on `closingOn` (record "no objection" and pass to the
 * next step)? Only after its objection period: `closingOn` is later than
 * {@link noticeEarliestEnd}. Closing on that last day itself would cut its final hours off.
 */
export function mayCloseNoticeOn(
  postedOn: IsoDate,
  closingOn: IsoDate,
  minimumDays: number,
  calendar: WorkingDayCalendar,
): boolean {
  requireDate(closingOn, 'closingOn');
  return closingOn > noticeEarliestEnd(postedOn, minimumDays, calendar);
}

/**
 * The refusal for closing a notice too early (code `notice.period-too-short`, at `field`), or
 * null when {@link mayCloseNoticeOn} allows it: what the identification and elimination deciders
 * both need, written once.
 */
export function noticeClosingProblem(
  postedOn: IsoDate,
  closingOn: IsoDate,
  minimumDays: number,
  calendar: WorkingDayCalendar,
  field = 'closedOn',
): DomainProblem | null {
  if (mayCloseNoticeOn(postedOn, closingOn, minimumDays, calendar)) return null;
  return {
    code: 'notice.period-too-short',
    field,
    message: `公示期不足${minimumDays}天（自公示次日起算，最后一日为休假日的顺延至其后第一个工作日） / The public notice ran shorter than ${minimumDays} days (counted from the day after posting; a last day on a rest day moves to the next working day)`,
  };
}

function requireDate(date: IsoDate, field: string): void {
  if (typeof date !== 'string' || !isIsoDate(date)) throw new DomainError(calendarDateFormatProblem(field));
}
