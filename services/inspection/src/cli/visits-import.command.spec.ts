import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStoreFormat, handleCommand, newEventId, type StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { checklistOf, type AnswerValue } from '@relapse-watch/inspection-rules';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { NO_ISSUE_ANSWERS } from '../application/testing/household-inspection.test-support';
import { campaignDecider, campaignStreamId } from '../domain/campaign/campaign.decider';
import { launch } from '../domain/campaign/testing/campaign.fixtures';
import { inspectionFactsEffects } from '../household-facts/inspection-household-view';
import { householdEvent } from '@relapse-watch/household-view/testing';
import { writeSheet } from '../import/testing/visit-sheet.fixture';
import { visitColumnHeader, visitSheetColumns } from '../import/visit-sheet.columns';
import { visitsImport, type InspectionCliIo } from './visits-import.command';

// `relapse-watch visits import` on the stores of an embedded DATA_DIR (SQLite files, as the
// server's configuration names them): a campaign launched, two households in the inspection's
// view, and a sheet of checklist 2024.1 naming households by village and number.
const VILLAGE = '511923102201';
const IDS = { '0001': '0191a5c2-6f3e-7b21-8c4d-000000000001', '0002': '0191a5c2-6f3e-7b21-8c4d-000000000002' };
let dataDir: string;
let lines: { out: string[]; err: string[] };
let io: InspectionCliIo;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rw-visits-import-'));
  const events = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  // As a server's first start does: the new store is stamped with the software's format.
  await checkStoreFormat(events, { eventId: newEventId(), now: new Date().toISOString(), stampedBy: 'spec' });
  await handleCommand(events, campaignStreamId('51-2024'), campaignDecider, launch, {
    now: new Date('2024-09-01T02:00:00Z'),
    actor: { userId: 'spec', role: 'province-official' },
    divisionCode: '510000000000',
    correlationId: 'spec',
  });
  await events.close();
  const reads = SqliteReadStore.open({ path: join(dataDir, 'read.db') });
  for (const [householdNumber, householdId] of Object.entries(IDS))
    await reads.applyBatch(
      await inspectionFactsEffects(
        reads,
        householdEvent('HouseholdRegistered', '2024-05-01', { householdId, villageCode: VILLAGE, householdNumber }),
      ),
    );
  await reads.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
beforeEach(() => {
  lines = { out: [], err: [] };
  io = { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l), cwd: dataDir, env: { DATA_DIR: dataDir } };
});

/** The sheet: every question of checklist 2024.1 a column, answered as a household with no problem. */
function visitSheet(rows: readonly { number: string; method: string; complete: string }[]): string {
  const columns = visitSheetColumns(checklistOf('2024.1'));
  const cell = (key: string, row: (typeof rows)[number]): string => {
    const fixed: Record<string, string> = {
      villageCode: VILLAGE,
      householdNumber: row.number,
      method: row.method,
      contactedOn: '2024/10/14',
      complete: row.complete,
    };
    if (key in fixed) return fixed[key];
    const [area, question] = key.split('.') as [keyof typeof NO_ISSUE_ANSWERS, string];
    const answer: AnswerValue | undefined = NO_ISSUE_ANSWERS[area]?.[question];
    if (answer === undefined) return '';
    if (typeof answer === 'boolean') return answer ? '是' : '否';
    return typeof answer === 'number' ? String(answer / 100) : answer;
  };
  const file = join(dataDir, `visits-${rows.length}.csv`);
  writeSheet(
    file,
    columns.map(visitColumnHeader),
    rows.map((row) => columns.map((c) => cell(c.key, row))),
  );
  return file;
}

async function householdEvents(householdId: string): Promise<StoredEvent[]> {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    const all: StoredEvent[] = [];
    for await (const e of store.readStream(`inspection-household-51-2024-${householdId}`)) all.push(e);
    return all;
  } finally {
    await store.close();
  }
}

describe('relapse-watch visits import', () => {
  it('records each row through the inspection, keeps the accepted ones, writes the refused one to the error file, and a re-run adds nothing', async () => {
    const sheet = visitSheet([
      { number: '0001', method: '入户走访', complete: '是' },
      { number: '0002', method: '群众评议', complete: '否' },
      { number: '0009', method: '入户走访', complete: '是' },
    ]);
    const options = { campaign: '51-2024', concurrency: '4', progressFile: true };
    const result = await visitsImport(sheet, options, io);
    expect(result).toMatchObject({ rows: 3, acceptedRows: 2, rejectedRows: 1, completions: 1, problems: 1 });
    const completed = (await householdEvents(IDS['0001'])).find((e) => e.type === 'HouseholdInspectionCompleted');
    expect(completed?.data).toMatchObject({ completedOn: '2024-10-14', late: false, methods: ['household-visit'] });
    expect((await householdEvents(IDS['0002'])).map((e) => e.type)).toEqual([
      'HouseholdInspectionOpened',
      'HouseholdContactRecorded',
    ]);
    const errors = readFileSync(result.errorFile!, 'utf8');
    expect(errors).toMatch(/\r\n4,户编号 householdNumber,household\.not-known,/);
    expect(lines.err.join('\n')).toMatch(/importing/);

    const before = (await householdEvents(IDS['0001'])).length + (await householdEvents(IDS['0002'])).length;
    await visitsImport(sheet, options, io);
    const after = (await householdEvents(IDS['0001'])).length + (await householdEvents(IDS['0002'])).length;
    expect(after).toBe(before);
  });

  it('refuses an unknown campaign before reading the sheet', async () => {
    const sheet = visitSheet([{ number: '0001', method: '入户走访', complete: '是' }]);
    await expect(
      visitsImport(sheet, { campaign: '51-2031', concurrency: '4', progressFile: false }, io),
    ).rejects.toMatchObject({
      code: 'campaign.not-found',
    });
  });
});
