import {
  assertNever,
  atField,
  freeTextFault,
  parseIsoDate,
  parseYuan,
  type DomainProblem,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import { householdProblem, type HouseholdRuleCode } from './household.errors';
import { YEARS_LEFT_POVERTY, type HouseholdStatus, type ReportingPeriod } from './household.values';

// Input checks shared by the decide functions. Each one pushes what it finds onto `problems`,
// so a command with several bad fields is refused once with all of them (the bulk import
// writes them all to its error file). Once none is found, the canonical* functions copy the
// input field by field, so nothing a caller adds to a command slips into an event.

/** Longest name or household number accepted; ethnic-minority names in Chinese script run long. */
export const MAX_TEXT_LENGTH = 64;

/** Whether a value is a non-blank string: the rule for caller-made ids. */
export function checkId(value: string, code: HouseholdRuleCode, field: string, problems: DomainProblem[]): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push(householdProblem(code, field));
}

/**
 * A required free text (a name, a household number): not blank, at most 64 characters, no
 * surrounding spaces (they make two spellings of one value) and no control characters (they
 * break CSV exports and logs).
 */
export function checkText(
  value: string,
  codes: { readonly required: HouseholdRuleCode; readonly format: HouseholdRuleCode },
  field: string,
  problems: DomainProblem[],
): void {
  const fault = freeTextFault(value, MAX_TEXT_LENGTH);
  if (fault !== null) problems.push(householdProblem(codes[fault], field));
}

/** An amount of yuan that parses and is not negative; read it with the kernel's `yuanToFen` once checked. */
export function checkAmount(
  input: string | number,
  negativeCode: HouseholdRuleCode,
  field: string,
  problems: DomainProblem[],
): void {
  const result = parseYuan(input);
  if (!result.ok) problems.push(atField(result.problem, field));
  else if (result.fen < 0) problems.push(householdProblem(negativeCode, field));
}

/** A reporting period that is well formed and has begun by today. */
export function checkPeriod(period: ReportingPeriod, today: IsoDate, problems: DomainProblem[]): void {
  const problem = periodProblem(period, today);
  if (problem !== null) problems.push(problem);
}

/** A copy of a checked period with only its own fields. */
export function canonicalPeriod(period: ReportingPeriod): ReportingPeriod {
  return period.kind === 'calendar-year'
    ? { kind: 'calendar-year', year: period.year }
    : { kind: 'twelve-months', endingOn: period.endingOn };
}

function periodProblem(period: ReportingPeriod, today: IsoDate): DomainProblem | null {
  switch (period.kind) {
    case 'calendar-year':
      if (!Number.isInteger(period.year) || period.year < 1000 || period.year > 9999)
        return householdProblem('period.format', 'period.year');
      // The current year is allowed: inspections record the year's expected income (预估全年收入).
      return period.year > Number(today.slice(0, 4)) ? householdProblem('period.in-future', 'period.year') : null;
    case 'twelve-months':
      if (typeof period.endingOn !== 'string' || parseIsoDate(period.endingOn) === null)
        return householdProblem('period.format', 'period.endingOn');
      return period.endingOn > today ? householdProblem('period.in-future', 'period.endingOn') : null;
    default:
      return assertNever(period, 'period kind');
  }
}

/**
 * A base status (DOMAIN.md): ordinary, or poverty-alleviated in one of the campaign's years
 * 2014–2020. Anything else — `monitored` included, which is the assistance context's overlay and
 * not a status — is refused with a rule code rather than thrown as a bug, since JSON and sheets
 * can carry any word.
 */
export function checkStatus(status: HouseholdStatus, problems: DomainProblem[]): void {
  const kind = (status as { readonly kind?: unknown } | null)?.kind;
  if (kind === 'ordinary') return;
  if (kind !== 'poverty-alleviated') {
    problems.push(householdProblem('household.status-kind', 'status.kind'));
    return;
  }
  const year = (status as { readonly yearLeftPoverty: unknown }).yearLeftPoverty;
  if (!(Number.isInteger(year) && Number(year) >= YEARS_LEFT_POVERTY.first && Number(year) <= YEARS_LEFT_POVERTY.last))
    problems.push(householdProblem('household.year-left-poverty', 'status.yearLeftPoverty'));
}

/** A copy of a checked status with only its own fields. */
export function canonicalStatus(status: HouseholdStatus): HouseholdStatus {
  return status.kind === 'poverty-alleviated'
    ? { kind: 'poverty-alleviated', yearLeftPoverty: status.yearLeftPoverty }
    : { kind: status.kind };
}

/** `today` must be a real date: a malformed one is the handler's bug, not the user's input. */
export function requireToday(today: IsoDate): void {
  if (parseIsoDate(today) === null)
    throw new RangeError('household decider: facts.today must be a real YYYY-MM-DD date');
}
