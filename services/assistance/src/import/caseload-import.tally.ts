import { ImportTally, type ImportProgressOf, type ImportTallyOptions, type Mutable } from '@relapse-watch/sheet-io';
import type { CaseOutcome } from './caseload-case.reader';
import { caseloadColumnHeaderOf } from './caseload-import.errors';

/** The `format` tag of a caseload import's progress file. */
export const CASELOAD_IMPORT_PROGRESS_FORMAT = 'relapse-watch/caseload-import-progress@1';

/** Counts of a caseload import. */
export interface CaseloadImportCounts {
  readonly rows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  /** Cases in the store with their accepted rows (imported now, or found imported by an earlier run). */
  readonly cases: number;
  /** Their measures. */
  readonly measures: number;
}

/** Where a running caseload import is. */
export type CaseloadImportProgress = ImportProgressOf<CaseloadImportCounts>;

/** The caseload import's tally (see sheet-io's `ImportTally`): cases are its units. */
export function caseloadImportTally(
  options: Omit<ImportTallyOptions<CaseloadImportCounts, CaseOutcome>, 'format' | 'headerOf' | 'zero' | 'count'>,
): ImportTally<CaseloadImportCounts, CaseOutcome> {
  return new ImportTally({
    ...options,
    format: CASELOAD_IMPORT_PROGRESS_FORMAT,
    headerOf: caseloadColumnHeaderOf,
    zero: { rows: 0, acceptedRows: 0, rejectedRows: 0, cases: 0, measures: 0 },
    count,
  });
}

function count(counts: Mutable<CaseloadImportCounts>, outcome: CaseOutcome): void {
  counts.rows += outcome.acceptedRows + outcome.rejectedRows;
  counts.acceptedRows += outcome.acceptedRows;
  counts.rejectedRows += outcome.rejectedRows;
  if (outcome.imported) counts.cases += 1;
  counts.measures += outcome.measures;
}
