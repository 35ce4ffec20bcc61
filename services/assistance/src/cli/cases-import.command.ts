import { resolve } from 'node:path';
import { actorOfCaller, OPERATOR } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { chosenEventStore, openCommandLineEventStore } from '@relapse-watch/service-runtime/cli';
import { loadCommandLineConfig } from '@relapse-watch/service-runtime/config';
import { importProgressReporter } from '@relapse-watch/sheet-io';
import { importCaseloadSheet, type CaseloadSheetImportResult } from '../import/caseload-sheet.import';
import type { CaseloadImportProgress } from '../import/caseload-import.tally';
import { optionError, wholeNumberOption, type AssistanceCliIo } from './assistance-cli.io';

/** Options of `relapse-watch cases import`, as commander parsed them. */
export interface CasesImportOptions {
  /** Absent: the server's configuration (EVENT_STORE_URL, else `events.db` under DATA_DIR). */
  readonly eventStore?: string;
  readonly concurrency: string;
  readonly batchCases: string;
  readonly errors?: string;
  readonly progressFile: boolean;
  readonly progressEvery: string;
  readonly synchronous: string;
}

/**
 * Imports the existing caseload (CSV or XLSX) into the event store the server's configuration
 * names, as the operator: a bar on a terminal, else a line per tenth of the file; the summary
 * line on stdout; refused rows in `<file>.errors.csv`; a killed run resumes.
 */
export async function casesImport(
  file: string,
  options: CasesImportOptions,
  io: AssistanceCliIo,
): Promise<CaseloadSheetImportResult> {
  const concurrency = wholeNumberOption('--concurrency', options.concurrency, 1, 100_000);
  const batchCases = wholeNumberOption('--batch-cases', options.batchCases, 1, 2_000);
  const progressEveryMs = wholeNumberOption('--progress-every', options.progressEvery, 1, 86_400_000);
  const synchronous = options.synchronous.toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL')
    throw optionError('--synchronous', '--synchronous 须为 FULL 或 NORMAL', '--synchronous must be FULL or NORMAL');
  const env = io.env ?? {};
  const chosen = chosenEventStore(options.eventStore, env, io.cwd);
  // The server's time zone (TIME_ZONE_OFFSET), so the import's "today" is the server's.
  const clock = fixedOffsetClock(loadCommandLineConfig(env, io.cwd).utcOffsetMinutes);
  io.err(`事件库 / event store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const store = await openCommandLineEventStore(chosen, synchronous, 'relapse-watch cases import');
  const progress = importProgressReporter<CaseloadImportProgress>(io, {
    zh: '个监测对象',
    en: 'cases',
    count: (p) => p.cases,
  });
  let result: CaseloadSheetImportResult;
  try {
    result = await importCaseloadSheet({
      file: resolve(io.cwd, file),
      store,
      clock,
      // The operator holds the store itself: every village, recorded as the command line.
      actor: actorOfCaller(OPERATOR),
      concurrency,
      batchCases,
      ...(options.errors === undefined ? {} : { errorFile: resolve(io.cwd, options.errors) }),
      ...(options.progressFile ? {} : { progressFile: null }),
      progressEveryMs,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
    await store.close();
  }
  io.out(casesImportSummary(result));
  return result;
}

/** The summary line of an import. */
export function casesImportSummary(result: CaseloadSheetImportResult): string {
  const seconds = result.elapsedMs / 1000;
  const rate = Math.round(result.cases / Math.max(seconds, 0.001));
  const resumed = result.resumedAfterRow === null ? '' : `（自第 ${result.resumedAfterRow} 行后续传）`;
  const resumedEn = result.resumedAfterRow === null ? '' : ` (resumed after row ${result.resumedAfterRow})`;
  const file = result.errorFile;
  const errors = file === null ? '' : `，${result.problems} 条错误见 ${file}`;
  const errorsEn = file === null ? '' : `; ${result.problems} errors in ${file}`;
  return (
    `已导入 ${result.cases} 个监测对象、${result.measures} 项帮扶措施：接受 ${result.acceptedRows} 行，拒绝 ${result.rejectedRows} 行${errors}${resumed}；用时 ${seconds.toFixed(2)} 秒，每秒 ${rate} 个` +
    ` / Imported ${result.cases} cases, ${result.measures} measures: ${result.acceptedRows} rows accepted, ${result.rejectedRows} refused${errorsEn}${resumedEn}; ${seconds.toFixed(2)} s, ${rate} cases/s`
  );
}
