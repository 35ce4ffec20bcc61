import { isUrbanResidentsCommittee } from '../divisions/village-committee-kind';
import { randomUUID } from 'node:crypto';
import { calendarDateAt } from '@relapse-watch/domain-kernel';
import type { Actor, EventStore } from '@relapse-watch/event-store-core';
import { householdPolicyFacts } from '../application/policy-facts';
import type { DivisionDirectory } from '../divisions/division-directory';
import { loadRegistrationPrefixes } from '../divisions/registration-prefixes';
import type { CsvRecord } from './csv-records.reader';
import { importHouseholdBatch } from './household-batch.importer';
import {
  importHouseholdGroup,
  type GroupImportContext,
  type GroupOutcome,
  type RowGroup,
} from './household-group.importer';
import { columnIndexOf, type ColumnIndex } from './household-row.parser';
import { ImportErrorFile } from './import-error.file';
import { ImportStreamCache } from './import-stream.cache';
import {
  clearImportProgress,
  loadImportProgress,
  saveImportProgress,
  sheetIdentity,
  IMPORT_PROGRESS_FORMAT,
  type ImportCounts,
} from './import-progress';
import { importFileError } from './import.errors';
import { openSheetRecords } from './sheet-records.reader';

/** What {@link importHouseholdSheet} needs. Configuration (salt, concurrency) and the clock come from the caller. */
export interface HouseholdSheetImportOptions {
  /** The sheet: CSV, or XLSX by extension. */
  readonly file: string;
  readonly store: EventStore;
  /** The division tree villages are checked against. */
  readonly directory: DivisionDirectory;
  /** Key of `residentIdHash` for the person reservations (deployment configuration). */
  readonly residentIdSalt: string;
  /** When the import runs: dates are checked against its China Standard Time date. */
  readonly now: Date;
  readonly actor?: Actor;
  /** Households in flight at once; default 512. The store group-commits their appends. */
  readonly concurrency?: number;
  /**
   * Households decided in memory and written in one atomic multi-stream append (the fast path,
   * see household-batch.importer.ts); default 250. 1 turns the fast path off: every household
   * goes through the store command by command.
   */
  readonly batchHouseholds?: number;
  /**
   * Whether a resident ID's first six digits are a known division of registration (an unknown one
   * is the household's warning, not a refusal). Default: any GB/T 2260 code since 1980, all
   * provinces (the shipped registration-prefix table), or a county of the directory.
   */
  readonly isKnownRegistrationDivision?: (prefix: string) => boolean;
  /** Default `<file>.errors.csv`. */
  readonly errorFile?: string;
  /** Default `<file>.progress.json`; null for none (a re-run then replays every row). */
  readonly progressFile?: string | null;
  /** How often the progress file is saved while households complete; default 1,000 ms. */
  readonly progressEveryMs?: number;
  /** Called about every 200 ms and at the end. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Where a running import is. */
export interface ImportProgress extends ImportCounts {
  /** Share of the file read (0–1), or null for XLSX. */
  readonly fraction: number | null;
}

/** What an import did. */
export interface HouseholdSheetImportResult extends ImportCounts {
  /** Refusal lines in the error file (a row can have several problems). */
  readonly problems: number;
  /** Data-quality warning lines in the error file (their rows were accepted). */
  readonly warnings: number;
  /** The error file, or null when no row was refused and no household warned. */
  readonly errorFile: string | null;
  /** The row a resumed run continued after, or null for a run from the start. */
  readonly resumedAfterRow: number | null;
  readonly elapsedMs: number;
}

const DEFAULT_ACTOR: Actor = { userId: 'household-sheet-import', role: 'registry-import' };
/** A household with more rows than this is a sheet error (e.g. the number column left constant), cut into pieces to keep memory bounded. */
const MAX_GROUP_ROWS = 200;
/** Rows per fast-path batch at most, so one multi-stream append stays a few thousand events. */
const MAX_BATCH_ROWS = 2_000;

/**
 * Imports a household sheet into the registry: one row per member, consecutive rows of one
 * (village, household number) forming a household, imported through the registry's handlers
 * with up to `concurrency` households in flight. Rows are streamed: memory holds the households
 * in flight, not the sheet.
 *
 * Idempotent and resumable: household and member ids and every command's idempotency key follow
 * from the sheet's contents, so a re-run appends nothing twice; a progress file records the last
 * row up to which everything is done, and a run killed mid-file continues after it (a kill can
 * only lose progress, never an accepted row, which is in the store before the progress passes it).
 *
 * Refused rows go to the error file with their row number, column, code and message; the others
 * are kept (see {@link importHouseholdGroup} for the row rules).
 * @throws DomainError `import.file` / `import.header` for a sheet that cannot be read; store
 *   failures as they are (the progress saved so far lets the next run resume).
 */
export async function importHouseholdSheet(options: HouseholdSheetImportOptions): Promise<HouseholdSheetImportResult> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 512;
  const progressFile = options.progressFile === undefined ? `${options.file}.progress.json` : options.progressFile;
  const progressEveryMs = options.progressEveryMs ?? 1_000;
  const sheet = openSheetRecords(options.file);
  const identity = sheetIdentity(options.file);
  const saved = progressFile === null ? null : loadImportProgress(progressFile, identity);
  const errorPath = options.errorFile ?? `${options.file}.errors.csv`;
  const errorFile = saved ? ImportErrorFile.resumed(errorPath, saved.rowsDone) : ImportErrorFile.fresh(errorPath);
  const skipThroughRow = saved?.rowsDone ?? 0;

  const directory = options.directory;
  const ownProvince = directory.provinces()[0]?.code.slice(0, 2);
  const prefixes = options.isKnownRegistrationDivision === undefined ? loadRegistrationPrefixes() : new Set<string>();
  const today = calendarDateAt(options.now, 480);
  // The province's divisor rule and own risk types, as the separate commands' handlers look them up.
  const policy = await householdPolicyFacts(options.store, ownProvince ?? '', today);
  const rules = {
    today,
    perCapitaDivisorRule: policy.perCapitaDivisorRule,
    provinceRiskTypes: policy.riskTypes.filter((type) => type.provinceCode !== null),
    isKnownVillage: (code: string) => directory.has(code) && directory.node(code).tier === 'village',
    isKnownRegistrationDivision:
      options.isKnownRegistrationDivision ??
      ((prefix: string) => prefixes.has(prefix) || directory.isKnownCountyPrefix(prefix)),
    isUrbanResidentsCommittee: (code: string) =>
      directory.has(code) ? isUrbanResidentsCommittee(directory.node(code).name) : undefined,
  };

  // Counts up to the watermark (what the progress file records) and of everything finished.
  const committed: Mutable<ImportCounts> = {
    ...(saved?.counts ?? { rows: 0, acceptedRows: 0, rejectedRows: 0, households: 0 }),
  };
  const finished: Mutable<ImportCounts> = { ...committed };
  let watermark = { sequence: -1, row: skipThroughRow };
  const completed = new Map<number, { lastRow: number; outcome: GroupOutcome }>();
  let lastSaved = performance.now();
  let lastReported = 0;

  const report = (force = false) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReported < 200) return;
    lastReported = now;
    options.onProgress({ ...finished, fraction: sheet.fraction() });
  };
  const save = () => {
    errorFile.flush();
    if (progressFile !== null)
      saveImportProgress(progressFile, {
        format: IMPORT_PROGRESS_FORMAT,
        sheet: identity,
        rowsDone: watermark.row,
        counts: { ...committed },
      });
    lastSaved = performance.now();
  };
  const onDone = (group: RowGroup, outcome: GroupOutcome) => {
    errorFile.add(outcome.errors);
    add(finished, outcome);
    completed.set(group.sequence, { lastRow: group.lastRow, outcome });
    // The watermark only passes a group once every group before it is done too.
    for (
      let next = completed.get(watermark.sequence + 1);
      next !== undefined;
      next = completed.get(watermark.sequence + 1)
    ) {
      completed.delete(watermark.sequence + 1);
      watermark = { sequence: watermark.sequence + 1, row: next.lastRow };
      add(committed, next.outcome);
    }
    if (performance.now() - lastSaved > progressEveryMs) save();
    report();
  };

  let failure: unknown = null;
  let inFlight = 0;
  const slotFreed: (() => void)[] = [];
  let drained: (() => void) | null = null;
  let groupContext: GroupImportContext | null = null;
  const correlationId = randomUUID();
  const cache = new ImportStreamCache(options.store);

  const batchHouseholds = Math.max(1, options.batchHouseholds ?? 250);
  // Fast path: a few batches in flight, so one is decided while another waits for its commit.
  const slots = batchHouseholds > 1 ? Math.max(2, Math.ceil(concurrency / batchHouseholds)) : concurrency;
  let batch: RowGroup[] = [];
  let batchRows = 0;
  const dispatch = async (groups: RowGroup[]) => {
    while (inFlight >= slots) await new Promise<void>((resolve) => slotFreed.push(resolve));
    inFlight++;
    const ctx = groupContext as GroupImportContext;
    const work =
      groups.length === 1 && batchHouseholds === 1
        ? importHouseholdGroup(groups[0], ctx).then((outcome) => onDone(groups[0], outcome))
        : importHouseholdBatch(groups, ctx, onDone);
    work
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        inFlight--;
        slotFreed.shift()?.();
        if (inFlight === 0) drained?.();
      });
  };

  let sequence = 0;
  let current: { key: string; records: CsvRecord[] } | null = null;
  let columns: ColumnIndex | null = null;
  const flushGroup = async () => {
    if (current === null) return;
    const records = current.records;
    current = null;
    const group: RowGroup = {
      sequence: sequence++,
      firstRow: records[0].rowNumber,
      lastRow: records[records.length - 1].rowNumber,
      records,
    };
    if (group.lastRow <= skipThroughRow) {
      // Done by the run this one resumes: counted in the saved progress already.
      watermark = { sequence: group.sequence, row: group.lastRow };
      return;
    }
    if (batchHouseholds === 1) return dispatch([group]);
    batch.push(group);
    batchRows += group.records.length;
    if (batch.length >= batchHouseholds || batchRows >= MAX_BATCH_ROWS) await flushBatch();
  };
  const flushBatch = async () => {
    if (batch.length === 0) return;
    const groups = batch;
    batch = [];
    batchRows = 0;
    await dispatch(groups);
  };

  try {
    for await (const record of sheet.records) {
      if (failure !== null) break;
      if (columns === null) {
        columns = columnIndexOf(record.fields);
        groupContext = {
          store: cache,
          forget: (stream) => cache.forget(stream),
          residentIdSalt: options.residentIdSalt,
          columns,
          rules,
          now: options.now,
          actor: options.actor ?? DEFAULT_ACTOR,
          correlationId,
        };
        continue;
      }
      const key = `${(record.fields[columns.villageCode] ?? '').trim()}\u0000${(record.fields[columns.householdNumber] ?? '').trim()}`;
      if (current !== null && (current.key !== key || current.records.length >= MAX_GROUP_ROWS)) await flushGroup();
      if (current === null) current = { key, records: [] };
      current.records.push(record);
    }
    if (failure === null) await flushGroup();
    if (failure === null) await flushBatch();
  } catch (error) {
    failure ??=
      error instanceof Error && !('code' in error)
        ? importFileError('import.file', error.message, error.message)
        : error;
  }
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  if (columns === null && failure === null) failure = importFileError('import.header', '文件为空', 'the file is empty');
  if (failure !== null) {
    save();
    throw failure;
  }

  const { lines, warnings } = errorFile.finish();
  if (progressFile !== null) clearImportProgress(progressFile);
  report(true);
  return {
    ...finished,
    problems: lines - warnings,
    warnings,
    errorFile: lines > 0 ? errorPath : null,
    resumedAfterRow: saved ? saved.rowsDone : null,
    elapsedMs: performance.now() - started,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function add(counts: Mutable<ImportCounts>, outcome: GroupOutcome): void {
  counts.rows += outcome.acceptedRows + outcome.rejectedRows;
  counts.acceptedRows += outcome.acceptedRows;
  counts.rejectedRows += outcome.rejectedRows;
  if (outcome.household) counts.households += 1;
}
