import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerOf, listScope, type Principal } from '@relapse-watch/access';
import { foldProjection, type ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { serviceUrl } from '@relapse-watch/testing';
import { MongoClient } from 'mongodb';
import type { MonitoringCaseEvent } from '../../domain/monitoring-case/monitoring-case.events';
import { COUNTY, TOWNSHIP } from '../../domain/monitoring-case/testing/monitoring-case.fixtures';
import type { MonitoringCategory } from '../../domain/monitoring-case/monitoring-case.values';
import { CASE_LIST_COLLECTION, CASE_LIST_INDEXES } from './case-list.document';
import { caseListProjection } from './case-list.projection';
import { CaseListQueries } from './case-list.queries';
import { openedCase, overdue, stored } from './testing/case-list.events';

// The case list's queries on both real read stores: a SQLite file and FerretDB (MongoDB wire
// protocol). A county (511923) of two townships and a case in the next county; every expected
// list below is worked out by hand from this table.
const CITY = '511900000000';
const COUNTY_CODE = '511923000000';
const T1 = '511923102000';
const T2 = '511923103000';
const V1 = '511923102201';
const V2 = '511923102202';
const V3 = '511923103201';
const ELSEWHERE = '511902001001';

const identification = (openedOn: string, on: string, category: MonitoringCategory): MonitoringCaseEvent[] => [
  {
    type: 'MonitoringCaseLeadAccepted',
    data: { actor: TOWNSHIP, on: openedOn, reason: '受理', homeVerificationBy: on, procedureBy: on },
  },
  {
    type: 'MonitoringCaseHomeVerified',
    data: { actor: TOWNSHIP, on: openedOn, reason: null, consentSigned: true, findings: '核实' },
  },
  {
    type: 'MonitoringCaseIdentified',
    data: { actor: COUNTY, on, reason: '符合条件', category, riskTypes: ['illness'], suggestion: null },
  },
];
const eliminated = (on: string): MonitoringCaseEvent => ({
  type: 'MonitoringCaseRiskEliminated',
  data: { actor: COUNTY, on, reason: '风险消除' },
});
const dismissed = (on: string): MonitoringCaseEvent => ({
  type: 'MonitoringCaseLeadDismissed',
  data: { actor: TOWNSHIP, on, reason: '无风险' },
});

/** Each case: its village, the day it opened, its last day to accept, and the events after the opening. */
const CASES: readonly [id: string, village: string, openedOn: string, acceptBy: string, MonitoringCaseEvent[]][] = [
  // Identified on a leap day: a full year on 1 March 2025, not on 28 February.
  ['c01', V1, '2024-01-10', '2024-01-12', identification('2024-01-10', '2024-02-29', 'marginal-prone-to-poverty')],
  [
    'c02',
    V1,
    '2023-06-01',
    '2023-06-03',
    [...identification('2023-06-01', '2023-07-15', 'marginal-prone-to-poverty'), eliminated('2025-08-01')],
  ],
  ['c03', V2, '2022-03-01', '2022-03-03', identification('2022-03-01', '2022-04-10', 'sudden-severe-hardship')],
  ['c04', V2, '2025-01-05', '2025-01-07', identification('2025-01-05', '2025-03-01', 'marginal-prone-to-poverty')],
  ['c05', V3, '2024-12-02', '2024-12-04', identification('2024-12-02', '2025-03-02', 'marginal-prone-to-poverty')],
  ['c06', V3, '2024-10-01', '2024-10-08', [overdue('accept', '2024-10-08', '2024-10-09')]],
  ['c07', V1, '2024-09-30', '2024-10-08', [dismissed('2024-10-08')]],
  [
    'c08',
    ELSEWHERE,
    '2021-12-01',
    '2021-12-03',
    identification('2021-12-01', '2022-01-05', 'marginal-prone-to-poverty'),
  ],
  ['c09', V2, '2024-09-27', '2024-09-29', []],
  ['c10', V3, '2024-09-30', '2024-10-08', []],
];

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

const stores: [string, () => Promise<ReadStore>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rw-assistance-cases-'));
      folders.push(dir);
      return SqliteReadStore.open({ path: join(dir, 'read.db') });
    },
  ],
  [
    'MongoDB API (FerretDB)',
    async () => {
      const database = `rw_assistance_cases_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      databases.push(database);
      return MongoReadStore.connect(serviceUrl('MONGODB_URL'), { database });
    },
  ],
];

const ids = (page: { readonly items: readonly { readonly caseId: string }[] }) => page.items.map((c) => c.caseId);

describe.each(stores)('the case list on %s', (_name, open) => {
  let store: ReadStore;
  let queries: CaseListQueries;

  beforeAll(async () => {
    store = await open();
    for (const fields of CASE_LIST_INDEXES) await store.ensureIndex(CASE_LIST_COLLECTION, fields);
    for (const [caseId, village, openedOn, acceptBy, events] of CASES) {
      const history = stored(caseId, [openedCase(caseId, village, openedOn, { acceptBy }), ...events]);
      for (const doc of foldProjection(caseListProjection, history).values())
        await store.put(CASE_LIST_COLLECTION, doc);
    }
    queries = new CaseListQueries(store);
  });
  afterAll(() => store.close());

  it('one case’s document; null for a case not listed', async () => {
    expect(await queries.byId('c03')).toMatchObject({
      caseId: 'c03',
      category: 'sudden-severe-hardship',
      villageCode: V2,
    });
    expect(await queries.byId('c99')).toBeNull();
  });

  it('a unit’s cases at every tier, oldest opening first (a tie by case id), paged', async () => {
    const county = await queries.inUnit(COUNTY_CODE);
    expect(ids(county)).toEqual(['c03', 'c02', 'c01', 'c09', 'c07', 'c10', 'c06', 'c05', 'c04']);
    expect(county).toMatchObject({ total: 9, limit: 500, offset: 0 });
    expect(ids(await queries.inUnit(T2))).toEqual(['c10', 'c06', 'c05']);
    expect(ids(await queries.inUnit(V2))).toEqual(['c03', 'c09', 'c04']);
    expect((await queries.inUnit(CITY)).total).toBe(10);
    const second = await queries.inUnit(COUNTY_CODE, {}, { limit: 4, offset: 4 });
    expect(second).toMatchObject({ total: 9, limit: 4, offset: 4 });
    expect(ids(second)).toEqual(['c07', 'c10', 'c06', 'c05']);
  });

  it('filters by phase (one or several), overdue and category', async () => {
    expect(ids(await queries.inUnit(COUNTY_CODE, { phase: 'identified' }))).toEqual(['c03', 'c01', 'c05', 'c04']);
    expect(ids(await queries.inUnit(COUNTY_CODE, { phase: ['dismissed', 'eliminated'] }))).toEqual(['c02', 'c07']);
    expect(ids(await queries.inUnit(COUNTY_CODE, { overdue: true }))).toEqual(['c06']);
    expect((await queries.inUnit(COUNTY_CODE, { overdue: false })).total).toBe(8);
    expect(ids(await queries.inUnit(CITY, { category: 'sudden-severe-hardship' }))).toEqual(['c03']);
    expect(ids(await queries.inUnit(COUNTY_CODE, { phase: 'lead', overdue: false }))).toEqual(['c09', 'c10']);
  });

  it('the overdue list', async () => {
    expect(ids(await queries.overdueIn(COUNTY_CODE))).toEqual(['c06']);
    expect((await queries.overdueIn(T1)).total).toBe(0);
  });

  it('inside the caller’s area only: a township official listing the county sees their township', async () => {
    const official: Principal = {
      kind: 'user',
      id: 'township-2',
      role: 'township-official',
      unitCode: T2,
      villageCodes: [],
    };
    const scope = listScope(callerOf(official), 'case.read', COUNTY_CODE);
    expect(scope).toEqual({ field: 'townshipCode', codes: [T2] });
    expect(ids(await queries.inUnit(COUNTY_CODE, {}, {}, scope))).toEqual(['c10', 'c06', 'c05']);
    expect(ids(await queries.overdueIn(COUNTY_CODE, {}, scope))).toEqual(['c06']);
    // An area on the unit's own tier that does not name it reaches nothing.
    expect((await queries.inUnit(V1, {}, {}, { field: 'villageCode', codes: [V2] })).total).toBe(0);
  });

  it('the review lists on 1 March 2026: over 1 year and over 2 years without elimination', async () => {
    // By identification: c03 2022-04-10, c02 2023-07-15 (eliminated 2025-08-01), c01 2024-02-29,
    // c04 2025-03-01 (one year to the day), c05 2025-03-02 (a day short).
    expect(ids(await queries.monitoredLongerThan(COUNTY_CODE, 1, '2026-03-01'))).toEqual(['c03', 'c01', 'c04']);
    expect(ids(await queries.monitoredLongerThan(COUNTY_CODE, 2, '2026-03-01'))).toEqual(['c03', 'c01']);
    expect(ids(await queries.monitoredLongerThan(CITY, 2, '2026-03-01'))).toEqual(['c08', 'c03', 'c01']);
    const page = await queries.monitoredLongerThan(COUNTY_CODE, 1, '2026-03-01', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(ids(page)).toEqual(['c01']);
  });

  it('the review list as of an earlier day: a case eliminated later counts, a leap-day identification waits for 1 March', async () => {
    expect(ids(await queries.monitoredLongerThan(COUNTY_CODE, 1, '2025-02-28'))).toEqual(['c03', 'c02']);
    expect(ids(await queries.monitoredLongerThan(COUNTY_CODE, 1, '2025-03-01'))).toEqual(['c03', 'c02', 'c01']);
    await expect(queries.monitoredLongerThan(COUNTY_CODE, 0, '2025-03-01')).rejects.toThrow(RangeError);
  });

  it('the running cases past a deadline, earliest first, not those due today or marked already', async () => {
    const past = async (today: string) => {
      const found: string[] = [];
      for await (const doc of queries.pastDeadline(today)) found.push(doc.caseId);
      return found;
    };
    expect(await past('2024-09-29')).toEqual([]);
    expect(await past('2024-10-08')).toEqual(['c09']);
    expect(await past('2024-10-09')).toEqual(['c09', 'c10']);
  });
});
