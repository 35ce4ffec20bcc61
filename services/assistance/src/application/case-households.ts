import type { Fen } from '@relapse-watch/domain-kernel';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';

/**
 * The assistance service's own view of households and of each province's lines, built from the
 * registry's integration events (never the registry's database).
 */
export interface CaseHouseholds {
  /** The household's facts, or null when the registry never published it (or not yet). */
  facts(householdId: string): Promise<HouseholdFacts | null>;
  /**
   * The monitoring line (per-capita net income, fen) of each of `years` the province published one
   * for: the version in force at the year's end (a revision during the year replaces the line).
   */
  monitoringLinesFen(provinceCode: string, years: readonly number[]): Promise<Readonly<Record<number, Fen>>>;
}
