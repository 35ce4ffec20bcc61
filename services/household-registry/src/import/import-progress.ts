import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** The `format` tag of a progress file. */
export const IMPORT_PROGRESS_FORMAT = 'relapse-watch/household-import-progress@1';

/** Counts of the rows up to the watermark. */
export interface ImportCounts {
  readonly rows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly households: number;
}

/**
 * What a run has finished, saved next to the sheet: every row up to `rowsDone` is in the store
 * (or in the error file). Only a shortcut: the import is idempotent, so a lost or stale progress
 * file costs a slower re-run (replays, no new events), never a duplicate.
 */
export interface ImportProgressRecord {
  readonly format: typeof IMPORT_PROGRESS_FORMAT;
  /** The sheet the progress belongs to: a different size or modification time voids it. */
  readonly sheet: { readonly size: number; readonly mtimeMs: number };
  readonly rowsDone: number;
  readonly counts: ImportCounts;
}

/** The sheet's identity for its progress file. */
export function sheetIdentity(sheet: string): ImportProgressRecord['sheet'] {
  const stat = statSync(sheet);
  return { size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
}

/** The saved progress of this sheet, or null when there is none, it is unreadable or it belongs to another version of the sheet. */
export function loadImportProgress(
  progressFile: string,
  sheet: ImportProgressRecord['sheet'],
): ImportProgressRecord | null {
  if (!existsSync(progressFile)) return null;
  try {
    const record = JSON.parse(readFileSync(progressFile, 'utf8')) as ImportProgressRecord;
    if (
      record.format !== IMPORT_PROGRESS_FORMAT ||
      record.sheet.size !== sheet.size ||
      record.sheet.mtimeMs !== sheet.mtimeMs
    )
      return null;
    if (!Number.isInteger(record.rowsDone) || record.rowsDone < 0) return null;
    return record;
  } catch {
    return null;
  }
}

/** Saves progress atomically (a temporary file renamed over the old one), so a kill leaves the old or the new record, never half of one. */
export function saveImportProgress(progressFile: string, record: ImportProgressRecord): void {
  const temporary = `${progressFile}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, progressFile);
}

/** Removes the progress file once the sheet is fully imported: a later run checks every row again. */
export function clearImportProgress(progressFile: string): void {
  rmSync(progressFile, { force: true });
  rmSync(`${progressFile}.tmp`, { force: true });
}
