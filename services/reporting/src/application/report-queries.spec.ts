import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPERATOR } from '@relapse-watch/access';
import { DomainError, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { serviceUrl } from '@relapse-watch/testing';
import { MongoClient } from 'mongodb';
import { foldReportEvent, settleHouseholds } from '../domain/reporting-fold';
import { ReportingState } from '../domain/reporting-state';
import { contextIds, type CampaignContext, type ProvinceYearContext } from '../domain/reporting-context';
import { tierReportOf } from '../domain/tier-report/tier-report';
import { reportingCollections } from '../read-model/reporting-collections';
import { TierSummaryProjector } from '../read-model/tier-summary.projector';
import { keepInInbox } from '../testing/inbox-events';
import { COUNTY, PROVINCE, scenarioEvents, scenarioHouseholds, TOWNSHIPS, VILLAGES } from '../testing/report-scenario';
import { ReportQueries } from './report-queries';

const OFFSET = 480;
const folders: string[] = [];
const databases: string[] = [];
afterAll(async () => {
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  if (databases.length === 0) return;
  const client = new MongoClient(serviceUrl('MONGODB_URL'));
  try {
    for (const name of databases) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
});

const stores: [string, (dir: string) => Promise<ReadStore>][] = [
  ['SQLite', async (dir) => SqliteReadStore.open({ path: join(dir, 'read.db') })],
  [
    'MongoDB API (FerretDB)',
    async () => {
      const database = `rw_reporting_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      databases.push(database);
      return MongoReadStore.connect(serviceUrl('MONGODB_URL'), { database });
    },
  ],
];

function lineLast(events: ReturnType<typeof scenarioEvents>) {
  const line = events.find((e) => e.name === 'ThresholdPublished')!;
  return [...events.filter((e) => e !== line), line].map((e, i) => ({ ...e, position: i + 1 }));
}

/** The report the fold gives in memory, straight from the events (no store, no projector). */
function folded(events: ReturnType<typeof scenarioEvents>, unitCode: string, asOfDate: string) {
  const state = new ReportingState();
  for (const event of events) foldReportEvent(state, event, OFFSET);
  settleHouseholds(state);
  const provinceYear = state.context<ProvinceYearContext>(contextIds.provinceYear(PROVINCE, 2024));
  const campaign = state.context<CampaignContext>(contextIds.campaign(provinceYear!.campaignIds![0]));
  return tierReportOf(unitCode, state.unit(unitCode), { year: 2024, asOfDate, campaign, provinceYear });
}

describe.each(stores)('the tier summaries on %s', (_name, open) => {
  const households = scenarioHouseholds(120, 11);
  // The line published after the incomes: the projector recounts the province's stored households.
  const events = lineLast(scenarioEvents(households));
  const collections = reportingCollections(1);
  // The queries' "now": 2025-01-31 noon in Beijing.
  const clock = fixedOffsetClock(OFFSET, () => new Date('2025-01-31T04:00:00Z'));
  let store: ReadStore;
  let inbox: SqliteEventStore;
  let queries: ReportQueries;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-reporting-'));
    folders.push(dir);
    store = await open(dir);
    inbox = SqliteEventStore.open({ path: join(dir, 'inbox.db') });
    queries = new ReportQueries({ store, inbox, collections: () => collections, clock, utcOffsetMinutes: OFFSET });
    // Half the log, a projector that stops, the rest, a new projector from the stored checkpoint:
    // small batches and a tiny cache, so households are read back from the store between batches.
    const half = Math.floor(events.length / 2);
    await keepInInbox(inbox, events.slice(0, half));
    const first = new TierSummaryProjector({
      inbox,
      store,
      collections,
      utcOffsetMinutes: OFFSET,
      batchEvents: 37,
      cacheHouseholds: 5,
    });
    await first.start();
    await first.waitUntil(half);
    await first.stop();
    await keepInInbox(inbox, events.slice(half));
    const second = new TierSummaryProjector({
      inbox,
      store,
      collections,
      utcOffsetMinutes: OFFSET,
      batchEvents: 37,
      cacheHouseholds: 5,
    });
    await second.start();
    expect(second.checkpoint).toBe(half);
    await second.waitUntil(events.length);
    await second.stop();
  }, 60_000);
  afterAll(async () => {
    await inbox.close();
    await store.close();
  });

  it.each([VILLAGES[1], TOWNSHIPS[0], COUNTY, PROVINCE])(
    'serves %s the report the in-memory fold of the same events gives',
    async (unitCode) => {
      const live = await queries.unitReport(OPERATOR, { unitCode, year: 2024 });
      expect(live).toEqual(folded(events, unitCode, '2025-01-31'));
      expect(live.households.total).toBeGreaterThan(0);
    },
  );

  it('reports as of a past instant from the log up to it, the same bytes each time', async () => {
    const asOf = '2024-08-31T00:00:00+08:00';
    const until = events.filter((e) => Date.parse(e.time) <= Date.parse(asOf));
    expect(until.length).toBeLessThan(events.length);
    const first = await queries.unitReport(OPERATOR, { unitCode: COUNTY, asOf });
    expect(first).toEqual(folded(until, COUNTY, '2024-08-31'));
    expect(JSON.stringify(await queries.unitReport(OPERATOR, { unitCode: COUNTY, asOf }))).toBe(JSON.stringify(first));
    // Eliminations came in November: none yet at the end of August, some now.
    expect(first.elimination.total).toBe(0);
    const now = await queries.unitReport(OPERATOR, { unitCode: COUNTY, year: 2024 });
    expect(now.elimination.total).toBeGreaterThan(0);
    // The days up to the instant read the same then and now (every inspection was recorded on its day).
    const daysUntil = now.campaign!.daily.filter((d) => d.date <= '2024-08-30');
    expect(daysUntil.length).toBeLessThan(now.campaign!.daily.length);
    expect(first.campaign!.daily).toEqual(daysUntil);
  });

  it('reports each key region over its units, a unit inside another of its units counted once', async () => {
    const [region] = await queries.keyRegions(OPERATOR, { unitCode: PROVINCE, year: 2024 });
    const township = await queries.unitReport(OPERATOR, { unitCode: TOWNSHIPS[0], year: 2024 });
    expect(region).toMatchObject({ regionId: 'kr-1', divisionCodes: [TOWNSHIPS[0]] });
    expect(region.households).toEqual(township.households);
    expect(region.campaign).toEqual(township.campaign);
    expect(region.households.total).toBeGreaterThan(0);
    await expect(queries.keyRegions(OPERATOR, { unitCode: COUNTY })).rejects.toMatchObject({
      code: 'report.not-a-province',
    });
  });

  it('refuses a malformed unit, a year out of range and an instant in the future, naming the field', async () => {
    const refusal = (request: Parameters<ReportQueries['unitReport']>[1]) =>
      queries.unitReport(OPERATOR, request).then(
        () => null,
        (error: unknown) => (error instanceof DomainError ? { code: error.code, field: error.field } : error),
      );
    expect(await refusal({ unitCode: '5119' })).toEqual({ code: 'report.unit-code-invalid', field: 'unitCode' });
    expect(await refusal({ unitCode: COUNTY, year: 2013 })).toEqual({
      code: 'report.year-out-of-range',
      field: 'year',
    });
    expect(await refusal({ unitCode: COUNTY, asOf: '2025-02-01T00:00:00+08:00' })).toEqual({
      code: 'report.as-of-in-future',
      field: 'asOf',
    });
  });
});
