import { randomUUID } from 'node:crypto';
import type { Clock, IsoDate } from '@relapse-watch/domain-kernel';
import type { Actor, EventStore } from '@relapse-watch/event-store-core';
import { householdPolicyFacts, type HouseholdPolicyFacts } from '../application/policy-facts';
import type { DivisionDirectory } from '../divisions/division-directory';
import { loadRegistrationPrefixes } from '../divisions/registration-prefixes';
import { isUrbanResidentsCommittee } from '../divisions/village-committee-kind';
import { householdDispatch } from './household-dispatch';
import type { GroupImportContext, RowGroup } from './household-group.importer';
import { householdGroups, splitHeader } from './household-groups';
import { columnIndexOf, type RowRules } from './household-row.parser';
import { ImportStreamCache } from './import-stream.cache';
import {
  householdImportTally,
  type HouseholdImportTally,
  type ImportCounts,
  type ImportProgress,
} from './import-tally';
import { importFileError } from './import.errors';
import { openSheetRecords, type BatchDispatch, type SheetRecords } from '@relapse-watch/sheet-io';

export type { ImportProgress } from './import-tally';

/** What {@link importHouseholdSheet} needs. Configuration (salt, concurrency) and the clock come from the caller. */
export interface HouseholdSheetImportOptions {
  /** The sheet: CSV, or XLSX by extension. */
  readonly file: string;
  readonly store: EventStore;
  /** The division tree villages are checked against. */
  readonly directory: DivisionDirectory;
  /** Key of `residentIdHash` for the person reservations (deployment configuration). */
  readonly residentIdSalt: string;
  /**
   * When the import runs (read once: every event of the run carries that instant) and the
   * officials' calendar that dates are checked against (the configured TIME_ZONE_OFFSET).
   */
  readonly clock: Clock;
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
 * are kept (see `importHouseholdGroup` for the row rules).
 *
 * The steps: open the sheet and the tally (error and progress files) → read the header → group
 * the rows into households → skip what a resumed run did, decide and append the rest (fast-path
 * batches or command by command) → wait for the last ones → complete the tally.
 * @throws DomainError `import.file` / `import.encoding` / `import.csv-format` / `import.header` for
 *   a sheet that cannot be read; store failures as they are (the progress saved so far lets the
 *   next run resume).
 */
export async function importHouseholdSheet(options: HouseholdSheetImportOptions): Promise<HouseholdSheetImportResult> {
  const started = performance.now();
  const sheet = openSheetRecords(options.file);
  const errorFile = options.errorFile ?? `${options.file}.errors.csv`;
  const tally = householdImportTally({
    file: options.file,
    errorFile,
    progressFile: options.progressFile === undefined ? `${options.file}.progress.json` : options.progressFile,
    progressEveryMs: options.progressEveryMs ?? 1_000,
    onProgress: options.onProgress,
    fraction: sheet.fraction,
  });
  const failure = await importGroups(sheet, tally, options);
  if (failure !== null) {
    tally.save();
    throw failure;
  }
  const { lines, warnings } = tally.complete();
  return {
    ...tally.finished,
    problems: lines - warnings,
    warnings,
    errorFile: lines > 0 ? errorFile : null,
    resumedAfterRow: tally.resumedAfterRow,
    elapsedMs: performance.now() - started,
  };
}

/** Reads, groups and dispatches every household; resolves once none is in flight, with what stopped the import (or null). */
async function importGroups(
  sheet: SheetRecords,
  tally: HouseholdImportTally,
  options: HouseholdSheetImportOptions,
): Promise<unknown> {
  let dispatch: BatchDispatch<RowGroup> | null = null;
  let failure: unknown = null;
  try {
    const split = await splitHeader(sheet.records);
    if (split === null) return importFileError('import.header', '文件为空', 'the file is empty');
    const now = options.clock.now();
    const today = options.clock.dateAt(now);
    const policy = await provincePolicy(options, today);
    const ctx = groupContext(options, columnIndexOf(split.header.fields), policy, { now, today });
    const batchHouseholds = Math.max(1, options.batchHouseholds ?? 250);
    dispatch = householdDispatch(ctx, batchHouseholds, options.concurrency ?? 512, (group, outcome) =>
      tally.done(group, outcome),
    );
    for await (const group of householdGroups(split.rows, ctx.columns)) {
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

/** What every household's import shares: the store (through the stream cache), the row rules, the command context. */
function groupContext(
  options: HouseholdSheetImportOptions,
  columns: ReturnType<typeof columnIndexOf>,
  policy: HouseholdPolicyFacts,
  at: { readonly now: Date; readonly today: IsoDate },
): GroupImportContext {
  const cache = new ImportStreamCache(options.store);
  return {
    store: cache,
    forget: (stream) => cache.forget(stream),
    residentIdSalt: options.residentIdSalt,
    columns,
    rules: rowRules(options, policy, at.today),
    now: at.now,
    actor: options.actor ?? DEFAULT_ACTOR,
    correlationId: randomUUID(),
  };
}

/** The province's divisor rule and own risk types, as the separate commands' handlers look them up. */
function provincePolicy(options: HouseholdSheetImportOptions, today: IsoDate): Promise<HouseholdPolicyFacts> {
  const ownProvince = options.directory.provinces()[0]?.code.slice(0, 2);
  return householdPolicyFacts(options.store, ownProvince ?? '', today);
}

/** The row checks' look-ups: the date (China Standard Time), villages of the tree, registration divisions, the policy. */
function rowRules(options: HouseholdSheetImportOptions, policy: HouseholdPolicyFacts, today: IsoDate): RowRules {
  const { directory } = options;
  const prefixes = options.isKnownRegistrationDivision === undefined ? loadRegistrationPrefixes() : new Set<string>();
  return {
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
}

/** A reading error without a rule code (a stream failing) becomes `import.file`; coded ones stay as they are. */
function asImportFailure(error: unknown): unknown {
  return error instanceof Error && !('code' in error)
    ? importFileError('import.file', error.message, error.message)
    : error;
}
