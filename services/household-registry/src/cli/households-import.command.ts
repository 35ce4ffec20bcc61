import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventStore } from '@relapse-watch/event-store-core';
import { DivisionDirectory } from '../divisions/division-directory';
import { divisionSourceError } from '../divisions/division.errors';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { checkProvinceCode } from '../divisions/province-code';
import { columnIndexOf } from '../import/household-row.parser';
import {
  importHouseholdSheet,
  type HouseholdSheetImportResult,
  type ImportProgress,
} from '../import/household-sheet.import';
import { importFileError } from '../import/import.errors';
import { importProgressReporter, openSheetRecords } from '@relapse-watch/sheet-io';
import type { CliIo } from './cli-io';
import { fixedOffsetClock, type Clock } from '@relapse-watch/domain-kernel';
import { chosenEventStore, chosenResidentIdSalt, cliRuntimeConfig } from './cli-config';
import { openEventStoreTarget } from './event-store.option';
import { sealingEventStore } from './personal-data.option';
import { chosenPersonalData } from './cli-config';
import { actorOfCaller, OPERATOR } from '@relapse-watch/access';

/** Options of `relapse-watch households import`, as commander parsed them. */
export interface HouseholdsImportOptions {
  readonly province?: string;
  readonly extract?: string;
  /** Absent: the server's configuration (EVENT_STORE_URL, else `events.db` under DATA_DIR). */
  readonly eventStore?: string;
  readonly residentIdSalt?: string;
  readonly concurrency: string;
  readonly errors?: string;
  readonly progressFile: boolean;
  readonly progressEvery: string;
  readonly synchronous: string;
}

/**
 * Imports a household sheet (CSV or XLSX) into the event store through the registry's
 * handlers. Progress: a bar on a terminal, else a line per tenth of the file; the summary
 * line goes to stdout. Refused rows go to `<file>.errors.csv`; a killed run resumes.
 */
export async function householdsImport(
  file: string,
  options: HouseholdsImportOptions,
  io: CliIo,
): Promise<HouseholdSheetImportResult> {
  const path = resolve(io.cwd, file);
  const chosen = chosenEventStore(options.eventStore, io);
  const salt = chosenResidentIdSalt(
    options.residentIdSalt,
    io,
    chosen.target.kind === 'sqlite' ? 'embedded' : 'distributed',
  );
  const concurrency = wholeNumberOption('--concurrency', options.concurrency, 100_000);
  const progressEveryMs = wholeNumberOption('--progress-every', options.progressEvery, Number.MAX_SAFE_INTEGER, {
    zh: '（毫秒）',
    en: ' of milliseconds',
  });
  const synchronous = options.synchronous.toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL')
    throw importFileError('import.file', '--synchronous 须为 FULL 或 NORMAL', '--synchronous must be FULL or NORMAL');
  io.err(`事件库 / event store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const runtime = cliRuntimeConfig(io);
  const inner = await openEventStoreTarget(chosen.target, chosen.from, synchronous);
  // Personal data is sealed as the server seals it (KEY_STORE_URL, MASTER_KEYS).
  const sealing = await sealingEventStore(inner, chosenPersonalData(chosen, io)).catch(async (error: unknown) => {
    await inner.close();
    throw error;
  });
  try {
    // The server's time zone (TIME_ZONE_OFFSET), so an import's "today" is the server's.
    const clock = fixedOffsetClock(runtime.utcOffsetMinutes);
    return await importInto(
      sealing.store,
      chosen.label,
      path,
      options,
      { salt, concurrency, progressEveryMs, clock },
      io,
    );
  } finally {
    await sealing.close();
  }
}

async function importInto(
  store: EventStore,
  label: string,
  path: string,
  options: HouseholdsImportOptions,
  settings: {
    readonly salt: string;
    readonly concurrency: number;
    readonly progressEveryMs: number;
    readonly clock: Clock;
  },
  io: CliIo,
): Promise<HouseholdSheetImportResult> {
  const { salt, concurrency, progressEveryMs } = settings;
  const provinceCode = checkProvinceCode(options.province ?? (await provinceOfSheet(path)));
  const extract = options.extract === undefined ? shippedExtractPath(provinceCode) : resolve(io.cwd, options.extract);
  if (options.extract === undefined && !existsSync(extract)) {
    throw divisionSourceError(
      'division-source.province',
      `没有随附 ${provinceCode} 省的区划摘录，请用 --extract 指定`,
      `no extract of province ${provinceCode} is shipped; give one with --extract`,
    );
  }
  const source = await readDivisionExtract(extract);
  const directory = DivisionDirectory.fromRecords(source.edition, source.records);

  io.err(`导入 / importing: ${path} → ${label}`);
  const progress = importProgressReporter<ImportProgress>(io, {
    zh: '户',
    en: 'households',
    count: (p) => p.households,
  });
  let result: HouseholdSheetImportResult;
  try {
    result = await importHouseholdSheet({
      file: path,
      store,
      directory,
      residentIdSalt: salt,
      clock: settings.clock,
      // The operator holds the store itself: the whole tree, recorded as the command line.
      actor: actorOfCaller(OPERATOR),
      concurrency,
      errorFile: options.errors === undefined ? undefined : resolve(io.cwd, options.errors),
      progressFile: options.progressFile ? undefined : null,
      progressEveryMs,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  io.out(summary(result));
  return result;
}

/** A positive whole number option up to `max`, else the import's one-line refusal. */
function wholeNumberOption(name: string, value: string, max: number, unit = { zh: '', en: '' }): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw importFileError(
      'import.file',
      `${name} 须为正整数${unit.zh}`,
      `${name} must be a positive whole number${unit.en}`,
    );
  return n;
}

/** The province of the sheet's first village code, when `--province` is not given. */
async function provinceOfSheet(path: string): Promise<string> {
  const iterator = openSheetRecords(path).records[Symbol.asyncIterator]();
  try {
    const header = await iterator.next();
    if (header.done) throw importFileError('import.header', '文件为空', 'the file is empty');
    const columns = columnIndexOf(header.value.fields);
    const first = await iterator.next();
    const code = first.done ? '' : (first.value.fields[columns.villageCode] ?? '').trim();
    if (!/^\d{2}/.test(code))
      throw importFileError(
        'import.file',
        '无法从首行村代码确定省份，请用 --province 指定',
        'cannot tell the province from the first village code; give --province',
      );
    return code.slice(0, 2);
  } finally {
    await iterator.return?.(undefined);
  }
}

function summary(result: HouseholdSheetImportResult): string {
  const seconds = result.elapsedMs / 1000;
  const rate = Math.round(result.households / Math.max(seconds, 0.001));
  const resumed = result.resumedAfterRow === null ? '' : `（自第 ${result.resumedAfterRow} 行后续传）`;
  const resumedEn = result.resumedAfterRow === null ? '' : ` (resumed after row ${result.resumedAfterRow})`;
  const file = result.errorFile;
  const errors = file === null ? '' : `，${result.problems} 条错误、${result.warnings} 条数据质量警告见 ${file}`;
  const errorsEn =
    file === null ? '' : `; ${result.problems} errors, ${result.warnings} data-quality warnings in ${file}`;
  return (
    `已导入 ${result.households} 户：接受 ${result.acceptedRows} 行，拒绝 ${result.rejectedRows} 行${errors}${resumed}；用时 ${seconds.toFixed(2)} 秒，每秒 ${rate} 户` +
    ` / Imported ${result.households} households: ${result.acceptedRows} rows accepted, ${result.rejectedRows} refused${errorsEn}${resumedEn}; ${seconds.toFixed(2)} s, ${rate} households/s`
  );
}
