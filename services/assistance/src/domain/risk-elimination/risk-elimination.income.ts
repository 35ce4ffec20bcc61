import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';
import type { EliminationIncomeRecord, IncomePeriod } from './risk-elimination.input';

/** A calendar month as `YYYY-MM`. */
export type YearMonth = string;

/** An income record with its per-capita figure and the day its period ends. */
export interface IncomeFigure {
  readonly period: IncomePeriod;
  /** The last day of the period; its year is the year the figure belongs to. */
  readonly endsOn: IsoDate;
  readonly perCapitaNetIncomeFen: Fen;
}

/** The last day of a period: 31 December of a calendar year, or the day twelve months end. */
export function periodEnd(period: IncomePeriod): IsoDate {
  return period.kind === 'calendar-year' ? `${String(period.year).padStart(4, '0')}-12-31` : period.endingOn;
}

/**
 * The records that can be evidence today, with their per-capita figures: only periods that ended
 * by today — a year still running is an estimate, and the guard decides on what happened — and
 * only records with a figure (one that divides by nobody is a data error to fix, not evidence).
 */
export function incomeFigures(records: readonly EliminationIncomeRecord[], today: IsoDate): readonly IncomeFigure[] {
  const figures: IncomeFigure[] = [];
  for (const r of records) {
    const endsOn = periodEnd(r.period);
    if (r.perCapitaNetIncomeFen !== null && endsOn <= today)
      figures.push({ period: r.period, endsOn, perCapitaNetIncomeFen: r.perCapitaNetIncomeFen });
  }
  return figures;
}

/**
 * The latest figure: the one whose period ended last. When two end the same day the lower one,
 * so a doubtful household is not eliminated on the kinder of two figures.
 */
export function latestFigure(figures: readonly IncomeFigure[]): IncomeFigure | null {
  let latest: IncomeFigure | null = null;
  for (const f of figures) {
    if (
      latest === null ||
      f.endsOn > latest.endsOn ||
      (f.endsOn === latest.endsOn && f.perCapitaNetIncomeFen < latest.perCapitaNetIncomeFen)
    )
      latest = f;
  }
  return latest;
}

/** The year a figure belongs to, whose line it is measured against: the year its period ends. */
export function yearOf(day: IsoDate): number {
  return Number(day.slice(0, 4));
}

/** The line of a year, or null when the province has not configured one. */
export function lineOf(lines: Readonly<Record<number, Fen>>, year: number): Fen | null {
  return Object.prototype.hasOwnProperty.call(lines, year) ? lines[year] : null;
}

/** Why a month breaks the run of stable income. */
export type StabilityBreak = 'no-record' | 'not-above-line' | 'line-not-configured';

/** How long income has stayed above the line, counted back from the month before today's. */
export interface IncomeStability {
  readonly monthsRequired: number;
  /** Consecutive stable months ending with the last whole month before today (at most `monthsRequired`). */
  readonly monthsStable: number;
  /** The months looked at: the `monthsRequired` whole months before today's month. */
  readonly window: { readonly from: YearMonth; readonly to: YearMonth };
  /** The month that broke the run and why; null when the whole window is stable. */
  readonly brokenAt: { readonly month: YearMonth; readonly cause: StabilityBreak } | null;
}

/**
 * Whether income stayed above the line for the last `months` whole months before today.
 *
 * Evidence of stability is the household's income as observed month by month: a record whose
 * period ends in a month (a rolling twelve-month figure at that month's follow-up visit, or a
 * calendar year for December) is that month's observation. A month is stable when it has at
 * least one observation and every observation of it is above the line of its year (strictly:
 * a figure equal to the line is not above it). The window is the `months` whole calendar
 * months before the month holding `today` (today's month is not over, so it never counts);
 * the run counts back from the newest month and stops at the first month without an
 * observation, with one at or below the line, or in a year without a configured line. Monthly
 * rather than per-period coverage because the line is a yearly figure: a single annual record
 * says nothing about whether the income held during the last six months.
 */
export function incomeStability(
  figures: readonly IncomeFigure[],
  lines: Readonly<Record<number, Fen>>,
  today: IsoDate,
  months: number,
): IncomeStability {
  if (!Number.isSafeInteger(months) || months <= 0)
    throw new RangeError('incomeStability: the months required are a positive integer');
  const to = previousMonth(today.slice(0, 7));
  let from = to;
  for (let i = 1; i < months; i++) from = previousMonth(from);
  const window = { from, to };
  let month = to;
  for (let stable = 0; stable < months; stable++) {
    const cause = breakOf(month, figures, lines);
    if (cause !== null) return { monthsRequired: months, monthsStable: stable, window, brokenAt: { month, cause } };
    month = previousMonth(month);
  }
  return { monthsRequired: months, monthsStable: months, window, brokenAt: null };
}

function breakOf(
  month: YearMonth,
  figures: readonly IncomeFigure[],
  lines: Readonly<Record<number, Fen>>,
): StabilityBreak | null {
  const observed = figures.filter((f) => f.endsOn.slice(0, 7) === month);
  if (observed.length === 0) return 'no-record';
  const line = lineOf(lines, yearOf(month));
  if (line === null) return 'line-not-configured';
  return observed.every((f) => f.perCapitaNetIncomeFen > line) ? null : 'not-above-line';
}

/** The month before a `YYYY-MM` month. */
export function previousMonth(month: YearMonth): YearMonth {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${String(year - 1).padStart(4, '0')}-12` : `${month.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}
