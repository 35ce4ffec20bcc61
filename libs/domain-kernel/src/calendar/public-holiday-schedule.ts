import type { DomainProblem } from '../errors/domain-error';
import { isoWeekday, parseIsoDate, type IsoDate } from './calendar-date';

/** The State Council General Office notice a year's schedule comes from. */
export interface HolidayNoticeSource {
  /** Document number, e.g. `国办发明电〔2023〕7号`. */
  readonly documentNumber: string;
  /** Title, e.g. `国务院办公厅关于2024年部分节假日安排的通知`. */
  readonly title: string;
  /** The date the notice was issued (成文日期). */
  readonly issuedOn: IsoDate;
}

/**
 * One year's public holiday arrangement (部分节假日安排) as the State Council General Office
 * publishes it each autumn for the next year: which days are off and which weekend days are
 * worked instead (调休). Configuration, not code: a year nobody has entered is refused, never
 * guessed from the weekdays.
 *
 * What is listed, exactly: `holidays` holds every day inside the ranges the notice gives as
 * "X 至 Y 放假" (or a single "X 放假"), weekend days inside a range included; ordinary weekends the
 * notice only joins to a holiday ("与周末连休") are rest days anyway and are not listed.
 * `makeUpWorkingDays` holds the Saturdays and Sundays the notice names with "上班".
 *
 * A notice may reach back into the previous December when New Year's Day joins a weekend (the
 * 2019 notice, 国办发明电〔2018〕15号, made 2018-12-29 a working day and 2018-12-30/31 days off),
 * so dates may lie in `year` or in December of `year − 1`. The flip side: the last configured
 * year's late December can still change when the next year's notice appears.
 */
export interface PublicHolidaySchedule {
  /** The year the notice arranges. */
  readonly year: number;
  /** Every day off inside the notice's holiday ranges, ascending. */
  readonly holidays: readonly IsoDate[];
  /** Weekend days that are working days (调休上班), ascending. */
  readonly makeUpWorkingDays: readonly IsoDate[];
  /** The notice the dates were taken from. */
  readonly source: HolidayNoticeSource;
}

/** Rule codes a schedule (or a set of schedules) can fail. */
export type HolidayScheduleProblemCode =
  | 'holiday-schedule.year'
  | 'holiday-schedule.date-format'
  | 'holiday-schedule.date-outside-year'
  | 'holiday-schedule.date-duplicate'
  | 'holiday-schedule.make-up-day-not-weekend'
  | 'holiday-schedule.day-both-off-and-working'
  | 'holiday-schedule.source'
  | 'holiday-schedule.year-duplicate';

const MESSAGES: Readonly<Record<HolidayScheduleProblemCode, string>> = {
  'holiday-schedule.year': '节假日安排的年度须为1至9999之间的整数 / The schedule year is a whole number from 1 to 9999',
  'holiday-schedule.date-format': '日期须为真实日期（YYYY-MM-DD） / A date is a real YYYY-MM-DD date',
  'holiday-schedule.date-outside-year':
    '日期须在该年度内（元旦可延至上年12月） / A date lies in the schedule year (New Year may reach back into December)',
  'holiday-schedule.date-duplicate': '同一日期只能列出一次 / A date is listed once',
  'holiday-schedule.make-up-day-not-weekend':
    '调休上班日须为周六或周日 / A make-up working day is a Saturday or a Sunday',
  'holiday-schedule.day-both-off-and-working':
    '同一日期不能既放假又上班 / A date cannot be both a day off and a make-up working day',
  'holiday-schedule.source':
    '须注明国务院办公厅通知的文号、标题和成文日期 / The State Council General Office notice is named by number, title and date',
  'holiday-schedule.year-duplicate': '同一年度只能有一份节假日安排 / A year has one schedule',
};

/** The problem for a rule at a field. */
export function holidayScheduleProblem(code: HolidayScheduleProblemCode, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/**
 * Every problem of one schedule, at once, with dotted fields under `field` (e.g.
 * `schedules[2].makeUpWorkingDays[1]`). Dates must be real, in the year (or its preceding
 * December), listed once, and no date both off and worked; make-up days fall on weekends, since a
 * notice only ever moves work onto a Saturday or Sunday.
 */
export function publicHolidayScheduleProblems(schedule: PublicHolidaySchedule, field = 'schedule'): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const year = schedule.year;
  const yearValid = Number.isInteger(year) && year >= 1 && year <= 9999;
  if (!yearValid) problems.push(holidayScheduleProblem('holiday-schedule.year', `${field}.year`));
  const holidays = checkDates(schedule.holidays, `${field}.holidays`, yearValid ? year : null, problems);
  const makeUp = checkDates(
    schedule.makeUpWorkingDays,
    `${field}.makeUpWorkingDays`,
    yearValid ? year : null,
    problems,
  );
  makeUp.forEach((date, index) => {
    if (date === null) return;
    const weekday = isoWeekday(date);
    if (weekday !== 6 && weekday !== 7)
      problems.push(
        holidayScheduleProblem('holiday-schedule.make-up-day-not-weekend', `${field}.makeUpWorkingDays[${index}]`),
      );
    if (holidays.includes(date))
      problems.push(
        holidayScheduleProblem('holiday-schedule.day-both-off-and-working', `${field}.makeUpWorkingDays[${index}]`),
      );
  });
  const source = schedule.source as Partial<HolidayNoticeSource> | undefined;
  if (
    source === undefined ||
    !nonBlank(source.documentNumber) ||
    !nonBlank(source.title) ||
    typeof source.issuedOn !== 'string' ||
    parseIsoDate(source.issuedOn) === null
  )
    problems.push(holidayScheduleProblem('holiday-schedule.source', `${field}.source`));
  return problems;
}

function nonBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The listed dates (null where one is broken), adding a problem for each broken or repeated one. */
function checkDates(
  dates: readonly IsoDate[],
  field: string,
  year: number | null,
  problems: DomainProblem[],
): (IsoDate | null)[] {
  if (!Array.isArray(dates)) {
    problems.push(holidayScheduleProblem('holiday-schedule.date-format', field));
    return [];
  }
  const seen = new Set<IsoDate>();
  return dates.map((date, index) => {
    const at = `${field}[${index}]`;
    const parsed = typeof date === 'string' ? parseIsoDate(date) : null;
    if (parsed === null) {
      problems.push(holidayScheduleProblem('holiday-schedule.date-format', at));
      return null;
    }
    if (year !== null && !(parsed.year === year || (parsed.year === year - 1 && parsed.month === 12)))
      problems.push(holidayScheduleProblem('holiday-schedule.date-outside-year', at));
    if (seen.has(date)) problems.push(holidayScheduleProblem('holiday-schedule.date-duplicate', at));
    seen.add(date);
    return date;
  });
}
