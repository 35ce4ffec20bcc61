import { randomUUID } from 'node:crypto';
import { DomainError, type Clock } from '@relapse-watch/domain-kernel';
import type { Actor, EventStore } from '@relapse-watch/event-store-core';
import {
  BatchDispatch,
  openSheetRecords,
  rowGroups,
  sheetFileError,
  splitHeader,
  type ImportTally,
  type RowGroup,
  type SheetRecords,
} from '@relapse-watch/sheet-io';
import { importCaseBatch } from './caseload-batch.importer';
import { importCaseGroup, type CaseloadImportContext } from './caseload-case.importer';
import type { CaseOutcome } from './caseload-case.reader';
import { caseloadImportTally, type CaseloadImportCounts, type CaseloadImportProgress } from './caseload-import.tally';
import { caseloadColumnIndex, type CaseloadColumnIndex } from './caseload-row.parser';

/** What {@link importCaseloadSheet} needs; the clock and the configuration come from the caller. */
export interface CaseloadSheetImportOptions {
  /** The sheet: CSV (UTF-8 with or without BOM, GB18030, UTF-16), or XLSX by extension. */
  readonly file: string;
  readonly store: EventStore;
  /** When the import runs (read once) and the officials' calendar its "today" is taken in. */
  readonly clock: Clock;
  readonly actor?: Actor;
  /** Cases in flight at once; default 1,000. */
  readonly concurrency?: number;
  /** Cases decided in memory and written in one multi-stream append; default 250. 1: command by command. */
  readonly batchCases?: number;
  /** Default `<file>.errors.csv`. */
  readonly errorFile?: string;
  /** Default `<file>.progress.json`; null for none (a re-run then replays every row). */
  readonly progressFile?: string | null;
  /** How often the progress file is saved; default 1,000 ms. */
  readonly progressEveryMs?: number;
  /** Called about every 200 ms and at the end. */
  readonly onProgress?: (progress: CaseloadImportProgress) => void;
}

/** What a caseload import did. */
export interface CaseloadSheetImportResult extends CaseloadImportCounts {
  /** Lines in the error file (a row can have several problems). */
  readonly problems: number;
  /** The error file, or null when no row was refused. */
  readonly errorFile: string | null;
  /** The row a resumed run continued after, or null for a run from the start. */
  readonly resumedAfterRow: number | null;
  readonly elapsedMs: number;
}

const DEFAULT_ACTOR: Actor = { userId: 'caseload-sheet-import', role: 'assistance-import' };
/** A case with more rows than this is a sheet error (a household number left constant), cut to keep memory bounded. */
const MAX_CASE_ROWS = 200;
/** Rows per fast-path batch at most, so one multi-stream append stays a few thousand events. */
const MAX_BATCH_ROWS = 2_000;

/**
 * Imports the existing caseload (the national system's export): one row per measure, consecutive
 * rows of one (village, household number) forming a case, each case written as the household's
 * episode, the imported case and its plan (see README.md in this folder). Rows are streamed:
 * memory holds the cases in flight, not the sheet.
 *
 * Idempotent and resumable: ids and idempotency keys follow from the sheet's content, so a re-run
 * appends nothing twice; the progress file records the last row up to which everything is done,
 * and a run killed mid-file continues after it. Refused rows go to the error file with their row,
 * column, code and message; the others are kept.
 * @throws DomainError `import.file` / `import.encoding` / `import.csv-format` / `import.header` for
 *   a sheet that cannot be read; a store failure as it is, after saving the progress so far.
 */
export async function importCaseloadSheet(options: CaseloadSheetImportOptions): Promise<CaseloadSheetImportResult> {
  const started = performance.now();
  const sheet = openSheetRecords(options.file);
  const errorFile = options.errorFile ?? `${options.file}.errors.csv`;
  const tally = caseloadImportTally({
    file: options.file,
    errorFile,
    progressFile: options.progressFile === undefined ? `${options.file}.progress.json` : options.progressFile,
    progressEveryMs: options.progressEveryMs ?? 1_000,
    onProgress: options.onProgress,
    fraction: sheet.fraction,
  });
  const failure = await importCases(sheet, tally, options);
  if (failure !== null) {
    tally.save();
    throw failure;
  }
  const { lines } = tally.complete();
  return {
    ...tally.finished,
    problems: lines,
    errorFile: lines > 0 ? errorFile : null,
    resumedAfterRow: tally.resumedAfterRow,
    elapsedMs: performance.now() - started,
  };
}

/** Reads, groups and dispatches every case; resolves once none is in flight, with what stopped the import (or null). */
async function importCases(
  sheet: SheetRecords,
  tally: ImportTally<CaseloadImportCounts, CaseOutcome>,
  options: CaseloadSheetImportOptions,
): Promise<unknown> {
  let dispatch: BatchDispatch<RowGroup> | null = null;
  let failure: unknown = null;
  try {
    const split = await splitHeader(sheet.records);
    if (split === null)
      throw new DomainError({ code: 'import.header', field: 'header', message: '文件为空 / The file is empty' });
    const ctx = importContext(options, caseloadColumnIndex(split.header.fields));
    const batchCases = Math.max(1, options.batchCases ?? 250);
    const onDone = (group: RowGroup, outcome: CaseOutcome) => tally.done(group, outcome);
    dispatch = new BatchDispatch<RowGroup>({
      batchUnits: batchCases,
      maxBatchRows: MAX_BATCH_ROWS,
      concurrency: options.concurrency ?? 1_000,
      run: (groups) =>
        batchCases === 1
          ? importCaseGroup(groups[0], ctx).then((outcome) => onDone(groups[0], outcome))
          : importCaseBatch(groups, ctx, onDone),
    });
    for await (const group of rowGroups(split.rows, caseKeyOf(ctx.columns), MAX_CASE_ROWS)) {
      if (tally.alreadyDone(group)) continue;
      await dispatch.add(group);
      if (dispatch.failure !== null) break;
    }
    if (dispatch.failure === null) await dispatch.flush();
  } catch (error) {
    failure = asImportFailure(error);
  }
  await dispatch?.drained();
  // A store failure stops the reading, so it comes first when both happened.
  return dispatch?.failure ?? failure;
}

function importContext(options: CaseloadSheetImportOptions, columns: CaseloadColumnIndex): CaseloadImportContext {
  const now = options.clock.now();
  return {
    store: options.store,
    columns,
    today: options.clock.dateAt(now),
    now,
    actor: options.actor ?? DEFAULT_ACTOR,
    correlationId: randomUUID(),
  };
}

/** A case's rows: consecutive rows of one (village, household number), trimmed. */
function caseKeyOf(columns: CaseloadColumnIndex) {
  return (record: { readonly fields: readonly string[] }) =>
    `${(record.fields[columns.villageCode] ?? '').trim()}\u0000${(record.fields[columns.householdNumber] ?? '').trim()}`;
}

/** A reading error without a rule code (a stream failing) becomes `import.file`; coded ones stay as they are. */
function asImportFailure(error: unknown): unknown {
  return error instanceof Error && !('code' in error)
    ? sheetFileError('import.file', error.message, error.message)
    : error;
}
