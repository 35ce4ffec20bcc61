import { DomainError, throwIfAny, type DomainProblem } from '../errors/domain-error';
import { addDays, isoWeekday, parseIsoDate, type IsoDate } from './calendar-date';
import {
  holidayScheduleProblem,
  publicHolidayScheduleProblems,
  type PublicHolidaySchedule,
} from './public-holiday-schedule';

/**
 * Working days in mainland China: Monday to Friday, minus the days off and plus the make-up
 * working days (调休) of the year's State Council notice. Every answer needs the schedule of each
 * year it touches; a date in a year without one is refused with `calendar.year-not-configured`
 * (never guessed from the weekdays, which would count 1 October of an unconfigured year as a
 * working day). `field` names the caller's input in that refusal; it defaults to `date`.
 */
export interface WorkingDayCalendar {
  /** The configured years, ascending. */
  readonly years: readonly number[];
  /** True when `date` is a working day. */
  isWorkingDay(date: IsoDate, field?: string): boolean;
  /**
   * The `workingDays`-th working day after `date` (≥ 1); `date` itself never counts, whether
   * or not it is a working day.
   */
  addWorkingDays(date: IsoDate, workingDays: number, field?: string): IsoDate;
  /** The working days after `from` up to and including `to`; 0 when `to` is on or before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate, field?: string): number;
  /** `date` when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: IsoDate, field?: string): IsoDate;
}

/** Rule codes the calendar refuses a date with. */
export type CalendarProblemCode = 'calendar.year-not-configured' | 'calendar.date-format';

/** The refusal for a date whose year has no schedule; the message names the year. */
export function yearNotConfiguredProblem(year: number, field = 'date'): DomainProblem {
  return {
    code: 'calendar.year-not-configured',
    field,
    message: `未配置${year}年的节假日安排，无法计算工作日和期限 / No public holiday schedule is configured for ${year}, so working days and time limits cannot be counted`,
  };
}

/** The refusal for a date that is not a real `YYYY-MM-DD` date. */
export function calendarDateFormatProblem(field = 'date'): DomainProblem {
  return {
    code: 'calendar.date-format',
    field,
    message: '日期须为真实日期（YYYY-MM-DD） / A date is a real YYYY-MM-DD date',
  };
}

type DayKind = 'day-off' | 'make-up-working-day';

/** Builds a {@link WorkingDayCalendar}. */
export const WorkingDayCalendar = {
  /**
   * A calendar over the given schedules, at most one per year. Throws one DomainError listing
   * every problem of every schedule (fields `schedules[i]…`), so a bad configuration is refused
   * at start-up rather than at the first deadline it would get wrong.
   */
  of(schedules: readonly PublicHolidaySchedule[]): WorkingDayCalendar {
    const problems: DomainProblem[] = [];
    const years = new Set<number>();
    const days = new Map<IsoDate, DayKind>();
    schedules.forEach((schedule, index) => {
      const field = `schedules[${index}]`;
      const own = publicHolidayScheduleProblems(schedule, field);
      problems.push(...own);
      if (years.has(schedule.year)) problems.push(holidayScheduleProblem('holiday-schedule.year-duplicate', field));
      years.add(schedule.year);
      if (own.length > 0) return;
      // A December day can appear in two notices (its own year's and, when New Year's Day reaches
      // back, the next year's); they must agree.
      const mark = (date: IsoDate, kind: DayKind, at: string) => {
        const known = days.get(date);
        if (known !== undefined && known !== kind)
          problems.push(holidayScheduleProblem('holiday-schedule.day-both-off-and-working', at));
        else days.set(date, kind);
      };
      schedule.holidays.forEach((date, i) => mark(date, 'day-off', `${field}.holidays[${i}]`));
      schedule.makeUpWorkingDays.forEach((date, i) =>
        mark(date, 'make-up-working-day', `${field}.makeUpWorkingDays[${i}]`),
      );
    });
    throwIfAny(problems);
    return calendarOver(
      [...years].sort((a, b) => a - b),
      days,
    );
  },
};

function calendarOver(years: readonly number[], days: ReadonlyMap<IsoDate, DayKind>): WorkingDayCalendar {
  const configured = new Set(years);

  const isWorkingDay = (date: IsoDate, field = 'date'): boolean => {
    const parsed = typeof date === 'string' ? parseIsoDate(date) : null;
    if (parsed === null) throw new DomainError(calendarDateFormatProblem(field));
    if (!configured.has(parsed.year)) throw new DomainError(yearNotConfiguredProblem(parsed.year, field));
    const kind = days.get(date);
    if (kind === 'make-up-working-day') return true;
    if (kind === 'day-off') return false;
    return isoWeekday(date) <= 5;
  };

  const addWorkingDays = (date: IsoDate, workingDays: number, field = 'date'): IsoDate => {
    if (!Number.isSafeInteger(workingDays) || workingDays < 1)
      throw new RangeError('addWorkingDays: the number of working days is a whole number of at least 1');
    isWorkingDay(date, field);
    let day = date;
    for (let counted = 0; counted < workingDays;) {
      day = addDays(day, 1);
      if (isWorkingDay(day, field)) counted++;
    }
    return day;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate, field = 'date'): number => {
    isWorkingDay(from, field);
    isWorkingDay(to, field);
    let count = 0;
    for (let day = from; day < to;) {
      day = addDays(day, 1);
      if (isWorkingDay(day, field)) count++;
    }
    return count;
  };

  const nextWorkingDayOnOrAfter = (date: IsoDate, field = 'date'): IsoDate => {
    let day = date;
    while (!isWorkingDay(day, field)) day = addDays(day, 1);
    return day;
  };

  return { years, isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDayOnOrAfter };
}
