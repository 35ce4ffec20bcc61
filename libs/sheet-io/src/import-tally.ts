import { ImportErrorFile, type ColumnHeaderOf, type ImportErrorLine } from './import-error.file';
import { clearImportProgress, loadImportProgress, saveImportProgress, sheetIdentity } from './import-progress';

/** A unit of an import that finishes as a whole (a row, or a household's consecutive rows), numbered in file order. */
export interface TallyGroup {
  readonly sequence: number;
  /** The last sheet row of the unit: the watermark passes it when the unit and all before it are done. */
  readonly lastRow: number;
}

/** What a finished unit reports: at least the error lines of its rows. */
export interface TallyOutcome {
  readonly errors: readonly ImportErrorLine[];
}

/** The counts type of an import, writable while tallying. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a running import is: its counts, and the share of the file read (0–1, or null for XLSX). */
export type ImportProgressOf<Counts> = Counts & { readonly fraction: number | null };

/** What {@link ImportTally} needs to know of the run. */
export interface ImportTallyOptions<Counts, Outcome> {
  readonly file: string;
  readonly errorFile: string;
  /** Null: keep no progress file. */
  readonly progressFile: string | null;
  readonly progressEveryMs: number;
  readonly onProgress?: (progress: ImportProgressOf<Counts>) => void;
  /** Share of the file read so far. */
  readonly fraction: () => number | null;
  /** The progress file's `format` tag: another import's progress file is ignored. */
  readonly format: string;
  /** The sheet's header of a column key, for the error file. */
  readonly headerOf: ColumnHeaderOf;
  /** The counts of an import that did nothing yet. */
  readonly zero: Counts;
  /** Adds a finished unit's outcome to counts. */
  readonly count: (counts: Mutable<Counts>, outcome: Outcome) => void;
}

/**
 * An import's book-keeping: counts, the error file and the progress file. Units (rows, households)
 * finish out of order (several in flight); the **watermark** is the last row up to which every
 * unit is done, and only it is saved, after the error lines of those rows are written, so a killed
 * run resumes after it and loses nothing accepted (those rows' commands replay: imports must be
 * idempotent).
 */
export class ImportTally<Counts extends object, Outcome extends TallyOutcome> {
  /** The row a resumed run continues after (0 for a run from the start). */
  readonly skipThroughRow: number;
  /** The row the saved progress of an earlier run reached, or null. */
  readonly resumedAfterRow: number | null;
  private readonly errors: ImportErrorFile;
  private readonly identity: ReturnType<typeof sheetIdentity>;
  /** Counts up to the watermark (what the progress file records) and of everything finished. */
  private readonly committed: Mutable<Counts>;
  private readonly finishedCounts: Mutable<Counts>;
  private watermark: { sequence: number; row: number };
  private readonly completed = new Map<number, { lastRow: number; outcome: Outcome }>();
  private lastSaved = performance.now();
  private lastReported = 0;

  constructor(private readonly options: ImportTallyOptions<Counts, Outcome>) {
    this.identity = sheetIdentity(options.file);
    const saved =
      options.progressFile === null
        ? null
        : loadImportProgress<Counts>(options.progressFile, this.identity, options.format);
    this.errors = saved
      ? ImportErrorFile.resumed(options.errorFile, saved.rowsDone, options.headerOf)
      : ImportErrorFile.fresh(options.errorFile, options.headerOf);
    this.skipThroughRow = saved?.rowsDone ?? 0;
    this.resumedAfterRow = saved ? saved.rowsDone : null;
    this.committed = { ...(saved?.counts ?? options.zero) } as Mutable<Counts>;
    this.finishedCounts = { ...this.committed };
    this.watermark = { sequence: -1, row: this.skipThroughRow };
  }

  /** Whether the run this one resumes did the group (counted in the saved progress already); moves the watermark past it. */
  alreadyDone(group: TallyGroup): boolean {
    if (group.lastRow > this.skipThroughRow) return false;
    this.watermark = { sequence: group.sequence, row: group.lastRow };
    return true;
  }

  /** A unit is done: its errors are queued, the watermark passes it once every unit before it is done too. */
  done(group: TallyGroup, outcome: Outcome): void {
    this.errors.add(outcome.errors);
    this.options.count(this.finishedCounts, outcome);
    this.completed.set(group.sequence, { lastRow: group.lastRow, outcome });
    for (
      let next = this.completed.get(this.watermark.sequence + 1);
      next !== undefined;
      next = this.completed.get(this.watermark.sequence + 1)
    ) {
      this.completed.delete(this.watermark.sequence + 1);
      this.watermark = { sequence: this.watermark.sequence + 1, row: next.lastRow };
      this.options.count(this.committed, next.outcome);
    }
    if (performance.now() - this.lastSaved > this.options.progressEveryMs) this.save();
    this.report();
  }

  /** Writes the queued error lines, then the progress up to the watermark. */
  save(): void {
    this.errors.flush();
    if (this.options.progressFile !== null)
      saveImportProgress(this.options.progressFile, {
        format: this.options.format,
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
  get finished(): Counts {
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
