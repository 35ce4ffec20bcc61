import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * What a run has finished, saved next to the sheet: every row up to `rowsDone` is in the store
 * (or in the error file). Only a shortcut: the import is idempotent, so a lost or stale progress
 * file costs a slower re-run (replays, no new events), never a duplicate.
 */
export interface ImportProgressRecord<Counts> {
  /** What kind of import wrote it, e.g. `relapse-watch/household-import-progress@1`: another kind's file is ignored. */
  readonly format: string;
  /** The sheet the progress belongs to: a different size or modification time voids it. */
  readonly sheet: { readonly size: number; readonly mtimeMs: number };
  readonly rowsDone: number;
  /** The import's own counts of the rows up to the watermark. */
  readonly counts: Counts;
}

/** A sheet's size and modification time: a progress file of another version of the sheet is void. */
export interface SheetIdentity {
  readonly size: number;
  readonly mtimeMs: number;
}

/** The sheet's identity for its progress file. */
export function sheetIdentity(sheet: string): SheetIdentity {
  const stat = statSync(sheet);
  return { size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
}

/** The saved progress of this sheet, or null when there is none, it is unreadable or it belongs to another version of the sheet. */
export function loadImportProgress<Counts>(
  progressFile: string,
  sheet: SheetIdentity,
  format: string,
): ImportProgressRecord<Counts> | null {
  if (!existsSync(progressFile)) return null;
  try {
    const record = JSON.parse(readFileSync(progressFile, 'utf8')) as ImportProgressRecord<Counts>;
    if (record.format !== format || record.sheet.size !== sheet.size || record.sheet.mtimeMs !== sheet.mtimeMs)
      return null;
    if (!Number.isInteger(record.rowsDone) || record.rowsDone < 0) return null;
    return record;
  } catch {
    return null;
  }
}

/** Saves progress atomically (a temporary file renamed over the old one), so a kill leaves the old or the new record, never half of one. */
export function saveImportProgress<Counts>(progressFile: string, record: ImportProgressRecord<Counts>): void {
  const temporary = `${progressFile}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, progressFile);
}

/** Removes the progress file once the sheet is fully imported: a later run checks every row again. */
export function clearImportProgress(progressFile: string): void {
  rmSync(progressFile, { force: true });
  rmSync(`${progressFile}.tmp`, { force: true });
}
