import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedOffsetClock, householdIdFor } from '@relapse-watch/domain-kernel';
import { handleCommand, type EventStore, type StreamAppend } from '@relapse-watch/event-store-core';
import { csvLine } from '@relapse-watch/sheet-io';
import { importedCaseIdOf } from '../application/case-ids';
import { householdEpisodeDecider, householdEpisodeStreamId } from '../domain/household-episode/household-episode';
import { caseloadHeader } from '../generator/caseload-sheet.writer';
import { IMPORTED_MEASURE_OUTCOME } from './caseload-case.commands';
import { importCaseloadSheet, type CaseloadSheetImportOptions } from './caseload-sheet.import';
import {
  allEvents,
  caseloadSpecHarness,
  caseRow,
  CLOCK,
  DIBAO,
  errorLinesOf,
  POST,
  VILLAGE,
} from './testing/caseload-sheet.fixture';

const { tempFolder, withStore } = caseloadSpecHarness('rw-caseload-import-');
const ACTOR = { userId: 'operator', role: 'operator' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ELIMINATED = { riskEliminated: '是', eliminatedOn: '2023/11/30', monitoringCategory: '边缘易致贫户' };

/** Twelve rows: five cases kept whole or in part, six rows refused for as many reasons. */
const ROWS = [
  caseRow('0001', {}, POST),
  caseRow('0001', {}, DIBAO),
  caseRow('0002', { ...ELIMINATED, leadSource: '集中排查', riskTypes: '因灾' }, { ...POST, measureEnd: '2024-06-30' }),
  caseRow('0003', { monitoringCategory: '贫困户', identifiedOn: '2022-13-01' }),
  caseRow('0004', {}, POST),
  caseRow('0004', {}, { ...DIBAO, measureEnd: '2022-04-01' }),
  caseRow('0005', {}, POST),
  caseRow('0005', { identifiedOn: '2022-04-19' }, DIBAO),
  caseRow('0006', { identifiedOn: '2025-06-01' }, POST),
  caseRow('0006', { identifiedOn: '2025-06-01' }, DIBAO),
  caseRow('0007', { riskEliminated: '是' }),
  caseRow('0008', {}, { ...POST, measureStart: '2025-03-01', measureEnd: '' }),
];

function sheetOf(rows: readonly string[][], folder = tempFolder()): string {
  const file = join(folder, 'caseload.csv');
  writeFileSync(file, `\uFEFF${[caseloadHeader(), ...rows].map((r) => csvLine(r)).join('')}`);
  return file;
}

function importInto(store: EventStore, file: string, options: Partial<CaseloadSheetImportOptions> = {}) {
  return importCaseloadSheet({ file, store, clock: CLOCK, actor: ACTOR, concurrency: 8, ...options });
}

const ids = (number: string) => {
  const householdId = householdIdFor(VILLAGE, number);
  return { householdId, caseId: importedCaseIdOf(householdId) };
};

describe('caseload import on a SQLite event store', () => {
  it('keeps every accepted row, writes each refused one to the error file with its reasons', async () => {
    const folder = tempFolder();
    const file = sheetOf(ROWS, folder);
    await withStore(join(folder, 'events.db'), async (store) => {
      const result = await importInto(store, file);
      expect(result).toMatchObject({
        rows: 12,
        acceptedRows: 6,
        rejectedRows: 6,
        cases: 5,
        measures: 6,
        problems: 7,
        errorFile: `${file}.errors.csv`,
        resumedAfterRow: null,
      });
      const lines = errorLinesOf(readFileSync(result.errorFile!, 'utf8')).map((l) => l.split(',').slice(0, 3));
      expect(lines).toEqual([
        ['5', '监测对象类别 monitoringCategory', 'import.value-unknown'],
        ['5', '识别时间 identifiedOn', 'import.date-format'],
        ['7', '结束时间 measureEnd', 'import.measure-end-before-start'],
        ['9', '识别时间 identifiedOn', 'import.case-mismatch'],
        ['10', '识别时间 identifiedOn', 'case.date'],
        ['11', '户编号 householdNumber', 'import.case-rejected'],
        ['12', '风险是否消除 riskEliminated', 'import.elimination-conflict'],
      ]);

      const events = await allEvents(store);
      const byStream = (stream: string) => events.filter((e) => e.streamId === stream).map((e) => e.data);
      const one = ids('0001');
      expect(byStream(householdEpisodeStreamId(one.householdId))).toEqual([
        { householdId: one.householdId, caseId: one.caseId, previousCaseId: null, on: '2022-04-18' },
      ]);
      expect(byStream(`assistance-case-${one.caseId}`)).toEqual([
        {
          actor: ACTOR,
          on: '2022-04-18',
          reason: null,
          caseId: one.caseId,
          householdId: one.householdId,
          villageCode: VILLAGE,
          leadSource: 'self-application',
          category: 'unstable-poverty-alleviated',
          riskTypes: ['illness', 'schooling-cost'],
          eliminatedOn: null,
        },
      ]);
      expect(byStream(`assistance-plan-${one.caseId}`)).toEqual([
        {
          caseId: one.caseId,
          householdId: one.householdId,
          measures: [
            {
              planned: {
                measureId: expect.stringMatching(UUID) as unknown,
                category: 'employment',
                kind: '公益性岗位',
                responsibleDepartment: '县人社局',
                plannedStart: '2022-05-01',
                plannedEnd: '2023-04-30',
                amountFen: 600_000,
                continuesAfterEliminationUntil: null,
              },
              started: { actualStart: '2022-05-01', timing: 'after-identification' },
              ended: { actualEnd: '2023-04-30', outcome: IMPORTED_MEASURE_OUTCOME },
            },
            {
              planned: expect.objectContaining({ kind: '低保', plannedEnd: null, amountFen: 420_050 }) as unknown,
              started: { actualStart: '2022-05-01', timing: 'after-identification' },
              ended: null,
            },
          ],
        },
      ]);

      const two = ids('0002');
      expect(byStream(`assistance-case-${two.caseId}`)).toEqual([
        expect.objectContaining({
          category: 'marginal-prone-to-poverty',
          leadSource: 'concentrated-inspection',
          riskTypes: ['natural-disaster'],
          eliminatedOn: '2023-11-30',
        }),
      ]);
      // Still running on the elimination day: it continues after it, until its end.
      expect(byStream(`assistance-plan-${two.caseId}`)).toEqual([
        expect.objectContaining({
          measures: [
            expect.objectContaining({
              planned: expect.objectContaining({ continuesAfterEliminationUntil: '2024-06-30' }) as unknown,
              ended: { actualEnd: '2024-06-30', outcome: IMPORTED_MEASURE_OUTCOME },
            }),
          ],
        }),
      ]);
      // A start after today: planned, not started.
      expect(byStream(`assistance-plan-${ids('0008').caseId}`)).toEqual([
        expect.objectContaining({
          measures: [expect.objectContaining({ started: null, ended: null })],
        }),
      ]);
      // Refused cases leave nothing behind, not even the household's episode.
      for (const number of ['0003', '0006', '0007'])
        expect(events.filter((e) => e.streamId.endsWith(ids(number).householdId))).toEqual([]);
      expect(events.filter((e) => e.streamId.startsWith('assistance-case-')).map((e) => e.type)).toEqual(
        Array(5).fill('MonitoringCaseImported'),
      );
    });
  });

  it('importing the same file again writes nothing and reports the same', async () => {
    const folder = tempFolder();
    const file = sheetOf(ROWS, folder);
    await withStore(join(folder, 'events.db'), async (store) => {
      const first = await importInto(store, file);
      const errors = readFileSync(first.errorFile!, 'utf8');
      const before = await allEvents(store);
      const again = await importInto(store, file, { actor: { userId: 'someone-else', role: 'operator' } });
      expect(await allEvents(store)).toEqual(before);
      expect(again).toMatchObject({ rows: 12, acceptedRows: 6, rejectedRows: 6, cases: 5, measures: 6 });
      expect(readFileSync(again.errorFile!, 'utf8')).toBe(errors);
    });
  });

  it.each([
    ['fast path', 250],
    ['command path', 1],
  ])('a re-run months later, once a measure’s start has come, writes nothing (%s)', async (_path, batchCases) => {
    const folder = tempFolder();
    const file = sheetOf([ROWS[0], ROWS[11]], folder);
    await withStore(join(folder, 'events.db'), async (store) => {
      await importInto(store, file, { batchCases });
      const before = await allEvents(store);
      const later = fixedOffsetClock(480, () => new Date('2025-06-01T02:00:00Z'));
      const again = await importInto(store, file, { batchCases, clock: later });
      expect(again).toMatchObject({ acceptedRows: 2, rejectedRows: 0, cases: 2, errorFile: null });
      expect(await allEvents(store)).toEqual(before);
    });
  });

  it('the command path writes what the fast path writes', async () => {
    const folder = tempFolder();
    const file = sheetOf(ROWS, folder);
    const written = (path: string, batchCases: number) =>
      withStore(join(folder, path), async (store) => {
        const result = await importInto(store, file, { batchCases, progressFile: null });
        const events = await allEvents(store);
        return {
          result: { ...result, elapsedMs: 0 },
          errors: readFileSync(result.errorFile!, 'utf8'),
          events: events
            .filter((e) => e.streamId.startsWith('assistance-'))
            .map(({ id, streamId, revision, type, data }) => ({ id, streamId, revision, type, data }))
            .sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
        };
      });
    const fast = await written('fast.db', 250);
    const commands = await written('commands.db', 1);
    expect(commands.events).toEqual(fast.events);
    expect(commands.result).toEqual(fast.result);
    expect(commands.errors).toBe(fast.errors);
  });

  it('refuses a household that has a case in this system, keeping the other cases', async () => {
    const folder = tempFolder();
    const file = sheetOf(ROWS.slice(0, 3), folder);
    await withStore(join(folder, 'events.db'), async (store) => {
      const { householdId } = ids('0001');
      await handleCommand(
        store,
        householdEpisodeStreamId(householdId),
        householdEpisodeDecider,
        {
          type: 'AssignCase',
          data: { householdId, caseId: 'case-here', on: '2024-09-02' },
          facts: { currentCaseRunning: false },
        },
        { now: new Date(), actor: ACTOR, divisionCode: VILLAGE, correlationId: 'spec' },
      );
      const result = await importInto(store, file);
      expect(result).toMatchObject({ acceptedRows: 1, rejectedRows: 2, cases: 1 });
      expect(errorLinesOf(readFileSync(result.errorFile!, 'utf8')).map((l) => l.split(',').slice(0, 3))).toEqual([
        ['2', '户编号 householdNumber', 'household-episode.has-case'],
        ['3', '户编号 householdNumber', 'import.case-rejected'],
      ]);
      expect((await allEvents(store)).filter((e) => e.streamId.endsWith(ids('0001').caseId))).toEqual([]);
    });
  });

  it('resumes after a stop from the saved progress, and the store ends with every case once', async () => {
    const folder = tempFolder();
    const rows = Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(4, '0')).flatMap((number) => [
      caseRow(number, {}, POST),
      caseRow(number, {}, DIBAO),
    ]);
    const file = sheetOf(rows, folder);
    await withStore(join(folder, 'events.db'), async (store) => {
      const options = { batchCases: 4, concurrency: 4, progressEveryMs: 0 };
      await expect(importInto(failingAfter(store, 3), file, options)).rejects.toThrow('disk full');
      const saved = JSON.parse(readFileSync(`${file}.progress.json`, 'utf8')) as { rowsDone: number };
      expect(saved.rowsDone).toBeGreaterThan(1);
      expect(saved.rowsDone).toBeLessThan(81);
      const written = (await allEvents(store)).filter((e) => e.type === 'MonitoringCaseImported').length;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(40);

      const resumed = await importInto(store, file, options);
      expect(resumed).toMatchObject({ resumedAfterRow: saved.rowsDone, rows: 80, acceptedRows: 80, cases: 40 });
      const events = await allEvents(store);
      const streams = events.map((e) => e.streamId);
      expect(new Set(streams).size).toBe(120);
      expect(streams.filter((s) => s.startsWith('assistance-case-'))).toHaveLength(40);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      await importInto(store, file, options);
      expect(await allEvents(store)).toHaveLength(events.length);
    });
  });
});

/** The store, whose multi-stream appends fail from the n-th on (a disk filling up mid-import). */
function failingAfter(store: EventStore, n: number): EventStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStreams')
        return (appends: readonly StreamAppend[]) =>
          ++calls >= n ? Promise.reject(new Error('disk full')) : target.appendToStreams(appends);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
