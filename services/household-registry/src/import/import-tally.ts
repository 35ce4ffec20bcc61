import type { GroupOutcome, RowGroup } from './household-group.importer';
import { ImportErrorFile } from '@relapse-watch/sheet-io';
import { householdColumnHeader } from './import-error.lines';
import { clearImportProgress, loadImportProgress, saveImportProgress, sheetIdentity } from '@relapse-watch/sheet-io';

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
export interface ImportProgress extends ImportCounts {
  /** Share of the file read (0–1), or null for XLSX. */
  readonly fraction: number | null;
}

/** What {@link ImportTally} needs to know of the run. */
export interface ImportTallyOptions {
  readonly file: string;
  readonly errorFile: string;
  /** Null: keep no progress file. */
  readonly progressFile: string | null;
  readonly progressEveryMs: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Share of the file read so far. */
  readonly fraction: () => number | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The import's book-keeping: counts, the error file and the progress file. Households finish out
 * of order (several in flight); the **watermark** is the last row up to which every household is
 * done, and only it is saved, after the error lines of those rows are written, so a killed run
 * resumes after it and loses nothing accepted (those rows' commands replay).
 */
export class ImportTally {
  /** The row a resumed run continues after (0 for a run from the start). */
  readonly skipThroughRow: number;
  /** The row the saved progress of an earlier run reached, or null. */
  readonly resumedAfterRow: number | null;
  private readonly errors: ImportErrorFile;
  private readonly identity: ReturnType<typeof sheetIdentity>;
  /** Counts up to the watermark (what the progress file records) and of everything finished. */
  private readonly committed: Mutable<ImportCounts>;
  private readonly finishedCounts: Mutable<ImportCounts>;
  private watermark: { sequence: number; row: number };
  private readonly completed = new Map<number, { lastRow: number; outcome: GroupOutcome }>();
  private lastSaved = performance.now();
  private lastReported = 0;

  constructor(private readonly options: ImportTallyOptions) {
    this.identity = sheetIdentity(options.file);
    const saved =
      options.progressFile === null
        ? null
        : loadImportProgress<ImportCounts>(options.progressFile, this.identity, IMPORT_PROGRESS_FORMAT);
    this.errors = saved
      ? ImportErrorFile.resumed(options.errorFile, saved.rowsDone, householdColumnHeader)
      : ImportErrorFile.fresh(options.errorFile, householdColumnHeader);
    this.skipThroughRow = saved?.rowsDone ?? 0;
    this.resumedAfterRow = saved ? saved.rowsDone : null;
    this.committed = { ...(saved?.counts ?? { rows: 0, acceptedRows: 0, rejectedRows: 0, households: 0 }) };
    this.finishedCounts = { ...this.committed };
    this.watermark = { sequence: -1, row: this.skipThroughRow };
  }

  /** Whether the run this one resumes did the group (counted in the saved progress already); moves the watermark past it. */
  alreadyDone(group: RowGroup): boolean {
    if (group.lastRow > this.skipThroughRow) return false;
    this.watermark = { sequence: group.sequence, row: group.lastRow };
    return true;
  }

  /** A household is done: its errors are queued, the watermark passes it once every group before it is done too. */
  done(group: RowGroup, outcome: GroupOutcome): void {
    this.errors.add(outcome.errors);
    add(this.finishedCounts, outcome);
    this.completed.set(group.sequence, { lastRow: group.lastRow, outcome });
    for (
      let next = this.completed.get(this.watermark.sequence + 1);
      next !== undefined;
      next = this.completed.get(this.watermark.sequence + 1)
    ) {
      this.completed.delete(this.watermark.sequence + 1);
      this.watermark = { sequence: this.watermark.sequence + 1, row: next.lastRow };
      add(this.committed, next.outcome);
    }
    if (performance.now() - this.lastSaved > this.options.progressEveryMs) this.save();
    this.report();
  }

  /** Writes the queued error lines, then the progress up to the watermark. */
  save(): void {
    this.errors.flush();
    if (this.options.progressFile !== null)
      saveImportProgress(this.options.progressFile, {
        format: IMPORT_PROGRESS_FORMAT,
        sheet: this.identity,
        rowsDone: this.watermark.row,
        counts: { ...this.committed },
      });
    this.lastSaved = performance.now();
  }

  /**
   * The import completed: the error file sorted (or removed when empty), the progress file removed.
   * @returns the error file's lines, and how many of them are warnings (of accepted rows).
   */
  complete(): { readonly lines: number; readonly warnings: number } {
    const written = this.errors.finish();
    if (this.options.progressFile !== null) clearImportProgress(this.options.progressFile);
    this.report(true);
    return written;
  }

  /** Everything finished so far (beyond the watermark too). */
  get finished(): ImportCounts {
    return { ...this.finishedCounts };
  }

  /** Calls `onProgress` about every 200 ms, or now when forced. */
  private report(force = false): void {
    if (!this.options.onProgress) return;
    const now = performance.now();
    if (!force && now - this.lastReported < 200) return;
    this.lastReported = now;
    this.options.onProgress({ ...this.finishedCounts, fraction: this.options.fraction() });
  }
}

function add(counts: Mutable<ImportCounts>, outcome: GroupOutcome): void {
  counts.rows += outcome.acceptedRows + outcome.rejectedRows;
  counts.acceptedRows += outcome.acceptedRows;
  counts.rejectedRows += outcome.rejectedRows;
  if (outcome.household) counts.households += 1;
}
