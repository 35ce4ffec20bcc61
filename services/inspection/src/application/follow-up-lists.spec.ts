import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { callerOf, type Principal, type UserRole } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { testEvent } from '@relapse-watch/event-store-testing';
import { ProjectionRunner, type ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { loadExcelJs } from '@relapse-watch/sheet-io';
import { serviceUrl } from '@relapse-watch/testing';
import { MongoClient } from 'mongodb';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import { followUpProjection } from '../read-model/follow-ups/follow-up.projection';
import { FollowUpQueries } from '../read-model/follow-ups/follow-up.queries';
import { FollowUpLists } from './follow-up-lists';
import { CampaignsInMemory, sichuanCampaign } from './testing/household-inspection.test-support';

// The lists of data-quality issues and rectification items on both real read stores (a SQLite
// file and FerretDB), folded by the projection's runner from household inspections appended to
// a real event store. A county (511923) of two townships, a village of the next county, and the
// next year's campaign; every expected list is worked out by hand from the table below.
const T1 = '511923102000';
const V1 = '511923102201';
const V2 = '511923102202';
const V3 = '511923103201';
const COUNTY = '511923000000';
const ELSEWHERE = '511902001001';
const TODAY = '2024-11-01';

const issue = (issueId: string, villageCode: string, ruleId: string, openedOn: string): HouseholdInspectionEvent => ({
  type: 'DataQualityIssueOpened',
  data: { issueId, villageCode, ruleId, rule: ruleId.replace('data-quality.', 'findings.'), field: 'f', openedOn },
});
const item = (itemId: string, villageCode: string, ruleId: string, openedOn: string, dueOn: string) =>
  ({
    type: 'RectificationItemOpened',
    data: { itemId, villageCode, ruleId, area: 'latent-risks', ownerUnit: 'township', dueOn, openedOn },
  }) as HouseholdInspectionEvent;

/** Each household inspection: campaign, village and the events after its opening. */
const INSPECTIONS: readonly [campaignId: string, village: string, events: HouseholdInspectionEvent[]][] = [
  [
    '51-2024',
    V1,
    [
      issue('qA', V1, 'data-quality.record-mismatch', '2024-10-14'),
      item('rA', V1, 'rectification.data-quality', '2024-10-14', '2024-10-29'),
      {
        type: 'DataQualityIssueResolved',
        data: { issueId: 'qA', resolution: '已更正 / fixed', resolvedOn: '2024-10-20' },
      },
    ],
  ],
  ['51-2024', V2, [issue('qB', V2, 'data-quality.members-count', '2024-10-15')]],
  [
    '51-2024',
    V3,
    [
      item('rC', V3, 'rectification.housing', '2024-10-16', '2024-11-13'),
      {
        type: 'RectificationItemClosed',
        data: { itemId: 'rC', resolution: '已加固', closedOn: '2024-11-20', overdue: true },
      },
    ],
  ],
  ['51-2025', V1, [issue('qD', V1, 'data-quality.record-mismatch', '2025-10-14')]],
  ['51-2024', ELSEWHERE, [issue('qE', ELSEWHERE, 'data-quality.record-mismatch', '2024-10-18')]],
];

const user = (role: UserRole, unitCode: string, villageCodes: string[] = []) =>
  callerOf({ kind: 'user', id: `u-${role}`, role, unitCode, villageCodes } satisfies Principal);
const county = user('county-official', COUNTY);
const province = user('province-official', '510000000000');
const inspector = user('village-inspector', T1, [V2]);

const folders: string[] = [];
const databases: string[] = [];
let events: SqliteEventStore;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-inspection-follow-ups-'));
  folders.push(dir);
  events = SqliteEventStore.open({ path: join(dir, 'events.db') });
  for (const [campaignId, villageCode, after] of INSPECTIONS) {
    const householdId = randomUUID();
    const opened = {
      type: 'HouseholdInspectionOpened',
      data: { campaignId, householdId, villageCode, checklistVersion: '2024.1' },
    };
    await events.appendToStream(
      householdInspectionStreamId(campaignId, householdId),
      [opened, ...after].map((e) => testEvent(e.type, e.data)),
    );
  }
});
afterAll(async () => {
  await events.close();
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
      const dir = mkdtempSync(join(tmpdir(), 'rw-inspection-follow-ups-read-'));
      folders.push(dir);
      return SqliteReadStore.open({ path: join(dir, 'read.db') });
    },
  ],
  [
    'MongoDB API (FerretDB)',
    async () => {
      const database = `rw_inspection_follow_ups_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      databases.push(database);
      return MongoReadStore.connect(serviceUrl('MONGODB_URL'), { database });
    },
  ],
];

const ids = (page: { readonly items: readonly { readonly id: string }[] }) => page.items.map((row) => row.id);

describe.each(stores)('the follow-up lists on %s', (_name, open) => {
  let reads: ReadStore;
  let runner: ProjectionRunner<unknown>;
  let lists: FollowUpLists;
  const issues = { kind: 'data-quality', campaignId: '51-2024' } as const;
  const items = { kind: 'rectification', campaignId: '51-2024' } as const;

  beforeAll(async () => {
    reads = await open();
    runner = new ProjectionRunner(followUpProjection, events, reads) as ProjectionRunner<unknown>;
    await runner.start();
    await runner.waitUntilCaughtUp(await events.headPosition());
    const campaigns = new CampaignsInMemory();
    campaigns.put(sichuanCampaign());
    campaigns.put(sichuanCampaign({ campaignId: '51-2025', year: 2025 }));
    const clock = fixedOffsetClock(480, () => new Date(`${TODAY}T04:00:00Z`));
    lists = new FollowUpLists({ campaigns, followUps: new FollowUpQueries(reads), clock });
  });
  afterAll(async () => {
    await runner.stop();
    await reads.close();
  });

  it('a county’s issues, newest first, by status and by rule, paged by the store', async () => {
    expect(ids(await lists.page(issues, 20, 0, county))).toEqual(['qB', 'qA']);
    expect(ids(await lists.page({ ...issues, status: 'open' }, 20, 0, county))).toEqual(['qB']);
    expect(ids(await lists.page({ ...issues, status: 'closed' }, 20, 0, county))).toEqual(['qA']);
    expect(ids(await lists.page({ ...issues, ruleId: 'data-quality.record-mismatch' }, 20, 0, county))).toEqual(['qA']);
    const second = await lists.page(issues, 1, 1, county);
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(ids(second)).toEqual(['qA']);
    expect((await lists.page({ ...issues, campaignId: '51-2025' }, 20, 0, county)).items).toMatchObject([
      { id: 'qD', villageCode: V1 },
    ]);
  });

  it('a unit’s items with days open and overdue on today’s date', async () => {
    const page = await lists.page({ ...items, divisionCode: COUNTY }, 20, 0, county);
    expect(page.items).toMatchObject([
      { id: 'rC', status: 'closed', daysOpen: 35, overdue: true, closedLate: true, dueOn: '2024-11-13' },
      { id: 'rA', status: 'open', daysOpen: 18, overdue: true, closedOn: null, dueOn: '2024-10-29' },
    ]);
    expect(ids(await lists.page({ ...items, divisionCode: T1 }, 20, 0, county))).toEqual(['rA']);
  });

  it('only the caller’s area: a province sees its counties, an inspector their villages', async () => {
    expect(ids(await lists.page(issues, 20, 0, province))).toEqual(['qE', 'qB', 'qA']);
    expect(ids(await lists.page({ ...issues, divisionCode: T1 }, 20, 0, inspector))).toEqual(['qB']);
    expect(ids(await lists.page(issues, 20, 0, inspector))).toEqual(['qB']);
    await expect(lists.page({ ...issues, divisionCode: V1 }, 20, 0, inspector)).rejects.toMatchObject({
      code: 'access.outside-area',
    });
    await expect(lists.page({ ...issues, divisionCode: '511902000000' }, 20, 0, county)).rejects.toMatchObject({
      code: 'access.outside-area',
    });
    await expect(lists.page({ ...issues, campaignId: '42-2024' }, 20, 0, county)).rejects.toMatchObject({
      code: 'campaign.not-found',
    });
    await expect(
      lists.page({ ...issues, divisionCode: '420102000000' }, 20, 0, user('administrator', '510000000000')),
    ).rejects.toMatchObject({ code: 'progress.outside-campaign', field: 'divisionCode' });
  });

  it('exports what the list shows as CSV and as XLSX', async () => {
    const read = async (format: 'csv' | 'xlsx') => {
      const prepared = await lists.export({ ...items, status: 'open' }, format, county);
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      await prepared.write(out);
      return { prepared, bytes: Buffer.concat(chunks) };
    };
    const csv = await read('csv');
    expect(csv.prepared.filename).toBe('整改事项-51-2024-510000000000-open.csv');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('整改期限 / Due on');
    expect(lines[1]).toContain('rectification.data-quality');
    expect(lines[1]).toContain('2024-10-29');

    const xlsx = await read('xlsx');
    const excel = await loadExcelJs();
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('rA');
    expect(sheet.getRow(2).getCell(11).value).toBe(18);
  });
});
