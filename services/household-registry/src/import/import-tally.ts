import { ImportTally, type ImportProgressOf, type ImportTallyOptions, type Mutable } from '@relapse-watch/sheet-io';
import type { GroupOutcome } from './household-group.importer';
import { householdColumnHeader } from './import-error.lines';

/** The `format` tag of a household import's progress file. */
export const IMPORT_PROGRESS_FORMAT = 'relapse-watch/household-import-progress@1';

/** Counts of the rows up to the watermark. */
export interface ImportCounts {
  readonly rows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly households: number;
}

/** Where a running import is. */
export type ImportProgress = ImportProgressOf<ImportCounts>;

/** The household import's tally: households are its units, their rows and registrations its counts. */
export type HouseholdImportTally = ImportTally<ImportCounts, GroupOutcome>;

/** A household import's tally over the sheet's files (see `ImportTally`). */
export function householdImportTally(
  options: Omit<ImportTallyOptions<ImportCounts, GroupOutcome>, 'format' | 'headerOf' | 'zero' | 'count'>,
): HouseholdImportTally {
  return new ImportTally({
    ...options,
    format: IMPORT_PROGRESS_FORMAT,
    headerOf: householdColumnHeader,
    zero: { rows: 0, acceptedRows: 0, rejectedRows: 0, households: 0 },
    count,
  });
}

function count(counts: Mutable<ImportCounts>, outcome: GroupOutcome): void {
  counts.rows += outcome.acceptedRows + outcome.rejectedRows;
  counts.acceptedRows += outcome.acceptedRows;
  counts.rejectedRows += outcome.rejectedRows;
  if (outcome.household) counts.households += 1;
}
