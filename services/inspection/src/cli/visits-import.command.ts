import { resolve } from 'node:path';
import { DomainError, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { assertStoreFormat, checkStoreFormat, newEventId, type EventStore } from '@relapse-watch/event-store-core';
import { checklistOf } from '@relapse-watch/inspection-rules';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { loadCommandLineConfig } from '@relapse-watch/service-runtime/config';
import { importProgressReporter, type ProgressOutput } from '@relapse-watch/sheet-io';
import { CampaignStreamFacts } from '../application/campaign-stream.facts';
import { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import { applicationError } from '../application/inspection-application.errors';
import { inspectionRules } from '../application/inspection-rules.adapter';
import { HouseholdFactsQueries } from '@relapse-watch/household-view';
import { INSPECTION_HOUSEHOLD_VIEW } from '../household-facts/inspection-household-view';
import { importVisitSheet, type VisitImportCounts, type VisitSheetImportResult } from '../import/visit-sheet.import';
import { visitSheetRecorder } from './visit-sheet.recorder';

/** Where an inspection command writes, and the environment it reads (the server's own variables). */
export interface InspectionCliIo extends ProgressOutput {
  /** Results, one line per call. */
  readonly out: (line: string) => void;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Options of `relapse-watch visits import`, as commander parsed them. */
export interface VisitsImportOptions {
  readonly campaign: string;
  readonly concurrency: string;
  readonly errors?: string;
  readonly progressFile: boolean;
}

/**
 * Imports a visit sheet (CSV or XLSX) into a campaign through the inspection's own use case, on
 * the stores the server's configuration names (DATA_DIR, or EVENT_STORE_URL and READ_STORE_URL):
 * a bar on a terminal, else a line per tenth of the file; the summary line on stdout; refused
 * rows in `<file>.errors.csv`; a killed run resumes.
 */
export async function visitsImport(
  file: string,
  options: VisitsImportOptions,
  io: InspectionCliIo,
): Promise<VisitSheetImportResult> {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1_000)
    throw new DomainError({
      code: 'cli.option',
      field: 'concurrency',
      message: '--concurrency 须为 1–1000 的整数 / --concurrency must be a whole number from 1 to 1000',
    });
  return withInspectionStores(io, async (events, reads, utcOffsetMinutes) => {
    const clock = fixedOffsetClock(utcOffsetMinutes);
    const campaigns = new CampaignStreamFacts(events);
    const campaign = await campaigns.get(options.campaign);
    if (campaign === null) throw applicationError('campaign.not-found', 'campaign');
    const households = new HouseholdFactsQueries(reads, INSPECTION_HOUSEHOLD_VIEW);
    const commands = new HouseholdInspectionCommands({
      store: events,
      clock,
      campaigns,
      households: { get: (id) => households.facts(id) },
      rules: inspectionRules,
    });
    const progress = importProgressReporter<VisitImportCounts & { fraction: number | null }>(io, {
      zh: '户次',
      en: 'visits',
      count: (p) => p.acceptedRows,
    });
    try {
      return await importVisitSheet({
        file: resolve(io.cwd, file),
        checklist: checklistOf(campaign.checklistVersion),
        recorder: visitSheetRecorder(campaign.campaignId, commands, households),
        concurrency,
        ...(options.errors === undefined ? {} : { errorFile: resolve(io.cwd, options.errors) }),
        ...(options.progressFile ? {} : { progressFile: null }),
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
  });
}

/** The summary line of an import. */
export function visitsImportSummary(result: VisitSheetImportResult): string {
  const resumed = result.resumedAfterRow === null ? '' : `（自第 ${result.resumedAfterRow} 行后续传）`;
  const resumedEn = result.resumedAfterRow === null ? '' : ` (resumed after row ${result.resumedAfterRow})`;
  const errors = result.errorFile === null ? '' : `，${result.problems} 条错误见 ${result.errorFile}`;
  const errorsEn = result.errorFile === null ? '' : `; ${result.problems} errors in ${result.errorFile}`;
  return (
    `已导入 ${result.acceptedRows}/${result.rows} 行走访记录，完成排查 ${result.completions} 户${resumed}${errors} / ` +
    `imported ${result.acceptedRows} of ${result.rows} visit rows, ${result.completions} inspections completed${resumedEn}${errorsEn}`
  );
}

/**
 * Opens the server's event and read stores as its configuration names them, checks the event
 * store's format as a server's start does, runs `work` and closes both. The runtime (NestJS and
 * the drivers) is loaded only here. Inspection events carry no personal data, so no key store.
 */
async function withInspectionStores<T>(
  io: InspectionCliIo,
  work: (events: EventStore, reads: ReadStore, utcOffsetMinutes: number) => Promise<T>,
): Promise<T> {
  const config = loadCommandLineConfig(io.env ?? {}, io.cwd);
  const runtime = await import('@relapse-watch/service-runtime');
  const events = await runtime.openReachable(
    'EVENT_STORE_URL',
    config.eventStore.url,
    () => runtime.openEventStore(config.eventStore),
    runtime.ADAPTER_CONNECT_TIMEOUT_MS,
  );
  try {
    assertStoreFormat(
      await checkStoreFormat(events, {
        eventId: newEventId(),
        now: new Date().toISOString(),
        stampedBy: 'relapse-watch visits',
      }),
    );
    const reads = await runtime.openReachable(
      'READ_STORE_URL',
      config.readStore.url,
      () => runtime.openReadStore(config.readStore),
      runtime.ADAPTER_CONNECT_TIMEOUT_MS,
    );
    try {
      return await work(events, reads, config.utcOffsetMinutes);
    } finally {
      await reads.close();
    }
  } finally {
    await events.close();
  }
}
