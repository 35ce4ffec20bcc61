import { createHash } from 'node:crypto';
import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { Checklist } from '@relapse-watch/inspection-rules';
import {
  ImportTally,
  openSheetRecords,
  type ImportErrorLine,
  type ImportProgressOf,
  type Mutable,
} from '@relapse-watch/sheet-io';
import { parseVisitRow, visitColumnIndex, type SheetVisit } from './visit-row.parser';
import { visitColumnHeader, type VisitSheetColumn } from './visit-sheet.columns';

/** The `format` tag of a visit import's progress file. */
export const VISIT_IMPORT_PROGRESS_FORMAT = 'relapse-watch/visit-import-progress@1';

/**
 * Records one visit of a sheet: the inspection's use case behind the import (checklist rules,
 * key-group rule, completion). Idempotent by `idempotencyKey`: a re-run of the sheet records
 * nothing twice. Resolves with the rule problems that refused the row (empty: accepted); rejects
 * only when the store fails, which stops the import.
 */
export interface VisitSheetRecorder {
  record(
    visit: SheetVisit,
    context: { readonly idempotencyKey: string; readonly row: number },
  ): Promise<readonly DomainProblem[]>;
}

/** Counts of a visit import. */
export interface VisitImportCounts {
  readonly rows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  /** Accepted rows that completed their household's inspection. */
  readonly completions: number;
}

/** What {@link importVisitSheet} needs. */
export interface VisitSheetImportOptions {
  /** CSV (UTF-8, GB18030, UTF-16), or XLSX by extension. */
  readonly file: string;
  /** The campaign's checklist: its questions are the sheet's columns. */
  readonly checklist: Checklist;
  readonly recorder: VisitSheetRecorder;
  /** Rows in flight at once; default 32. */
  readonly concurrency?: number;
  /** Default `<file>.errors.csv`. */
  readonly errorFile?: string;
  /** Default `<file>.progress.json`; null for none. */
  readonly progressFile?: string | null;
  readonly progressEveryMs?: number;
  readonly onProgress?: (progress: ImportProgressOf<VisitImportCounts>) => void;
}

/** What a visit import did. */
export interface VisitSheetImportResult extends VisitImportCounts {
  readonly problems: number;
  readonly errorFile: string | null;
  readonly resumedAfterRow: number | null;
}

interface RowOutcome {
  readonly accepted: boolean;
  readonly completion: boolean;
  readonly errors: readonly ImportErrorLine[];
}

/**
 * Imports a visit sheet (入户排查记录表): one row per visit, each recorded through the inspection's
 * use case with up to `concurrency` rows in flight. Streams the sheet; memory holds the rows in
 * flight. Refused rows go to the error file with their row, column, code and message (never a
 * value); the others are kept. Idempotent (each row's key is a hash of what it states) and
 * resumable (the progress file's watermark: see `ImportTally`).
 * @throws DomainError `import.file` / `import.encoding` / `import.csv-format` / `import.header`
 *   for a sheet that cannot be read; a store failure as it is, after saving the progress.
 */
export async function importVisitSheet(options: VisitSheetImportOptions): Promise<VisitSheetImportResult> {
  const sheet = openSheetRecords(options.file);
  const iterator = sheet.records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done)
    throw new DomainError({ code: 'import.header', field: 'header', message: '文件为空 / The file is empty' });
  const index = visitColumnIndex(first.value.fields, options.checklist);
  if (!('columns' in index)) throw new DomainError(index);
  const errorFile = options.errorFile ?? `${options.file}.errors.csv`;
  const tally = new ImportTally<VisitImportCounts, RowOutcome>({
    file: options.file,
    errorFile,
    progressFile: options.progressFile === undefined ? `${options.file}.progress.json` : options.progressFile,
    progressEveryMs: options.progressEveryMs ?? 1_000,
    onProgress: options.onProgress,
    fraction: sheet.fraction,
    format: VISIT_IMPORT_PROGRESS_FORMAT,
    headerOf: headerOfColumns(index.columns),
    zero: { rows: 0, acceptedRows: 0, rejectedRows: 0, completions: 0 },
    count,
  });
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let sequence = 0;
  for await (const record of { [Symbol.asyncIterator]: () => iterator }) {
    const unit = { sequence: sequence++, lastRow: record.rowNumber };
    if (tally.alreadyDone(unit)) continue;
    const work = recordRow(record.rowNumber, parseVisitRow(record, index), options.recorder).then(
      (outcome) => tally.done(unit, outcome),
      (error: unknown) => void (failure ??= error),
    );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    if (inFlight.size >= (options.concurrency ?? 32)) await Promise.race(inFlight);
    if (failure !== null) break;
  }
  await Promise.all(inFlight);
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
  };
}

async function recordRow(
  row: number,
  parsed: SheetVisit | readonly DomainProblem[],
  recorder: VisitSheetRecorder,
): Promise<RowOutcome> {
  const refused = isRefusal(parsed);
  const problems = refused ? parsed : await recorder.record(parsed, { idempotencyKey: visitRowKey(parsed), row });
  const errors = problems.map((p) => ({ row, field: columnOfField(p.field ?? ''), code: p.code, message: p.message }));
  return { accepted: errors.length === 0, completion: errors.length === 0 && !refused && parsed.complete, errors };
}

function isRefusal(parsed: SheetVisit | readonly DomainProblem[]): parsed is readonly DomainProblem[] {
  return Array.isArray(parsed);
}

/** The sheet column of a use-case field: `findings.income.answers.x` is column `income.x`, `findings.income.note` is `income.note`. */
export function columnOfField(field: string): string {
  const finding = /^findings\.([a-z-]+)\.(?:answers\.)?([A-Za-z0-9-]+)/.exec(field);
  return finding === null ? field : `${finding[1]}.${finding[2]}`;
}

/** The idempotency key of a row: a hash of the visit it states, so the same row sent again records nothing new. */
export function visitRowKey(visit: SheetVisit): string {
  return `visit-sheet:${createHash('sha256').update(JSON.stringify(visit)).digest('base64url')}`;
}

function count(counts: Mutable<VisitImportCounts>, outcome: RowOutcome): void {
  counts.rows += 1;
  if (outcome.accepted) counts.acceptedRows += 1;
  else counts.rejectedRows += 1;
  if (outcome.completion) counts.completions += 1;
}

function headerOfColumns(columns: readonly VisitSheetColumn[]) {
  const headers = new Map(columns.map((column) => [column.key, visitColumnHeader(column)]));
  return (field: string) => headers.get(field);
}
