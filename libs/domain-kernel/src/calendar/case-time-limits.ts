import type { DomainProblem } from '../errors/domain-error';
import type { PeriodLimit, PeriodUnit } from './period';

/**
 * The time limits of a monitoring case's identification procedure. Policy of a province and year
 * (the assistance service's configuration overrides these per province and year), never constants
 * in a decider. Each limit is counted as `periodEnd` states: from the day after the step's trigger
 * (民法典 art. 201), and a calendar-day limit ending on a rest day runs on to the next working day
 * (art. 203). Which event starts each limit is the assistance deciders' to state.
 */
export interface CaseTimeLimits {
  /** A lead (application, inspection finding, department alert) is accepted (受理) within this. */
  readonly acceptLead: PeriodLimit;
  /** The home verification (入户核实) is done within this. */
  readonly homeVerification: PeriodLimit;
  /** The whole identification procedure is decided within this. */
  readonly wholeProcedure: PeriodLimit;
  /** A public notice (公示) runs at least this many calendar days; see `noticeEarliestEnd`. */
  readonly publicNoticeMinimumDays: number;
}

/**
 * Defaults from issue 12: accept within 2 days, home verification within 5 working days, the
 * whole procedure within 20 working days (as e.g. Hainan's rule, 认定程序原则上在20个工作日内完成),
 * and a notice of at least 5 days (公示时间不少于5天).
 */
export const DEFAULT_CASE_TIME_LIMITS: CaseTimeLimits = {
  acceptLead: { days: 2, unit: 'calendar' },
  homeVerification: { days: 5, unit: 'working' },
  wholeProcedure: { days: 20, unit: 'working' },
  publicNoticeMinimumDays: 5,
};

/**
 * The longest limit accepted. Not policy: no step of the procedure takes a year, so a longer
 * figure is a typing slip (e.g. 200 for 20) that would silently stop deadlines from firing.
 */
export const MAX_TIME_LIMIT_DAYS = 365;

/** Rule codes a time-limit configuration can fail. */
export type TimeLimitProblemCode =
  | 'time-limit.missing'
  | 'time-limit.not-whole-days'
  | 'time-limit.too-short'
  | 'time-limit.too-long'
  | 'time-limit.unit';

const MESSAGES: Readonly<Record<TimeLimitProblemCode, string>> = {
  'time-limit.missing': '缺少时限设置 / The time limit is missing',
  'time-limit.not-whole-days': '时限天数须为整数 / A time limit is a whole number of days',
  'time-limit.too-short': '时限至少为1天 / A time limit is at least 1 day',
  'time-limit.too-long': `时限不得超过${MAX_TIME_LIMIT_DAYS}天 / A time limit is at most ${MAX_TIME_LIMIT_DAYS} days`,
  'time-limit.unit': '时限单位须为自然日（calendar）或工作日（working） / A time limit counts calendar or working days',
};

const PERIOD_UNITS: readonly PeriodUnit[] = ['calendar', 'working'];
const PERIOD_LIMIT_KEYS = ['acceptLead', 'homeVerification', 'wholeProcedure'] as const;

function problem(code: TimeLimitProblemCode, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/**
 * Every problem of a time-limit configuration (e.g. parsed from a province's JSON), at once, each
 * at its dotted field under `field`: a missing limit, days that are not a whole number, below 1 or
 * above {@link MAX_TIME_LIMIT_DAYS}, a unit other than `calendar` or `working`. Empty when the
 * input is a valid {@link CaseTimeLimits}.
 */
export function caseTimeLimitsProblems(input: unknown, field = 'caseTimeLimits'): DomainProblem[] {
  if (!isRecord(input)) return [problem('time-limit.missing', field)];
  const problems: DomainProblem[] = [];
  for (const key of PERIOD_LIMIT_KEYS) {
    const limit = input[key];
    if (!isRecord(limit)) {
      problems.push(problem('time-limit.missing', `${field}.${key}`));
      continue;
    }
    checkDays(limit['days'], `${field}.${key}.days`, problems);
    if (!(PERIOD_UNITS as readonly unknown[]).includes(limit['unit']))
      problems.push(problem('time-limit.unit', `${field}.${key}.unit`));
  }
  checkDays(input['publicNoticeMinimumDays'], `${field}.publicNoticeMinimumDays`, problems);
  return problems;
}

function checkDays(days: unknown, field: string, problems: DomainProblem[]): void {
  if (days === undefined || days === null) problems.push(problem('time-limit.missing', field));
  else if (typeof days !== 'number' || !Number.isInteger(days))
    problems.push(problem('time-limit.not-whole-days', field));
  else if (days < 1) problems.push(problem('time-limit.too-short', field));
  else if (days > MAX_TIME_LIMIT_DAYS) problems.push(problem('time-limit.too-long', field));
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
