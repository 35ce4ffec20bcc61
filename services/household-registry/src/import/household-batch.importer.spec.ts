import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { generateProvinceHouseholds } from '../generator/province.generator';
import { importHouseholdSheet, type HouseholdSheetImportOptions } from './household-sheet.import';
import { writeHouseholdSheet } from './household-sheet.writer';
import { importSpecHarness } from './testing/import-spec.harness';
import { HOUSEHOLD_STREAM_PREFIX } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import { evolve, initialState } from '../domain/household/household.state';
import { HOUSEHOLD_NUMBER_STREAM_PREFIX } from '../domain/household-number-reservation/household-number-reservation.decider';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';

const SALT = 'household-batch-import-spec-salt';
const NOW = new Date('2026-03-01T08:00:00Z');
const CLOCK = fixedOffsetClock(480, () => NOW);
const { directory: sichuan, tempFolder, withStore } = importSpecHarness('rw-batch-import-');

function importInto(path: string, file: string, extra: Partial<HouseholdSheetImportOptions> = {}) {
  return withStore(path, (store) =>
    importHouseholdSheet({
      file,
      store,
      directory: sichuan(),
      residentIdSalt: SALT,
      clock: CLOCK,
      concurrency: 64,
      progressFile: null,
      ...extra,
    }),
  );
}

/**
 * Every stream's events as the command path defines them: ids, revisions, types, data and
 * metadata — without what differs between any two runs (the run's correlation id, the store's
 * recordedAt, hashes and positions).
 */
async function streamsOf(path: string): Promise<Map<string, unknown[]>> {
  return withStore(path, async (store) => {
    const streams = new Map<string, unknown[]>();
    for await (const e of store.readAll()) {
      const { correlationId: _ignored, ...metadata } = e.metadata as StoredEvent['metadata'];
      const list = streams.get(e.streamId) ?? [];
      list.push({
        id: e.id,
        revision: e.revision,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata,
      });
      streams.set(e.streamId, list);
    }
    return streams;
  });
}

/**
 * The two stores hold the same registry: every reservation stream event for event (the fast path
 * appends the command path's own reservation events), every household stream folding into the
 * same household (the fast path's one `HouseholdImported` stands for the command path's events).
 */
async function expectSameRegistry(expectedPath: string, actualPath: string): Promise<void> {
  const [expected, actual] = [await streamsOf(expectedPath), await streamsOf(actualPath)];
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const isHousehold = (streamId: string) =>
    streamId.startsWith(HOUSEHOLD_STREAM_PREFIX) && !streamId.startsWith(HOUSEHOLD_NUMBER_STREAM_PREFIX);
  const fold = (events: unknown[]) =>
    (events as { type: string; data: unknown }[]).reduce(
      (state, e) => evolve(state, e as HouseholdEvent),
      initialState,
    );
  let households = 0;
  for (const [streamId, events] of expected) {
    if (!isHousehold(streamId)) {
      expect([streamId, actual.get(streamId)]).toEqual([streamId, events]);
      continue;
    }
    households++;
    expect([streamId, fold(actual.get(streamId) ?? [])]).toEqual([streamId, fold(events)]);
  }
  expect(households).toBeGreaterThan(0);
}

/** How many households each store registered in one HouseholdImported. */
async function importedHouseholds(path: string): Promise<number> {
  return withStore(path, async (store) => {
    let n = 0;
    for await (const e of store.readAll()) if (e.type === 'HouseholdImported') n++;
    return n;
  });
}

async function hashChainsHold(path: string): Promise<boolean> {
  return withStore(path, async (store) => {
    const last = new Map<string, string>();
    for await (const e of store.readAll()) {
      if ((last.get(e.streamId) ?? null) !== e.prevHash) return false;
      last.set(e.streamId, e.hash);
    }
    return true;
  });
}

async function sheetWithProblems(folder: string, households: number): Promise<string> {
  const sheet = join(folder, 'sheet.csv');
  await writeHouseholdSheet(
    generateProvinceHouseholds(sichuan(), { provinceCode: '51', households, seed: 'batch-vs-commands' }),
    { kind: 'csv', path: sheet },
  );
  const lines = readFileSync(sheet, 'utf8').split('\n');
  // A member of household 1 again in a later household (person held elsewhere: the handlers
  // refuse it, so that household leaves the fast path), and a row with a bad resident ID.
  const header = lines[0].split(',');
  const idColumn = header.findIndex((h) => h.includes('residentId'));
  const later = lines[40].split(',');
  later[idColumn] = lines[1].split(',')[idColumn];
  lines[40] = later.join(',');
  const bad = lines[60].split(',');
  bad[idColumn] = '51010119800101001X';
  lines[60] = bad.join(',');
  writeFileSync(sheet, lines.join('\n'));
  return sheet;
}

describe('import fast path (atomic multi-stream batches) against the command path', () => {
  it('writes the same registry (reservations event for event, households folding alike) and error file as the per-household command path', async () => {
    const folder = tempFolder();
    const sheet = await sheetWithProblems(folder, 120);
    const commands = await importInto(join(folder, 'commands.db'), sheet, {
      batchHouseholds: 1,
      errorFile: join(folder, 'commands.errors.csv'),
    });
    const fast = await importInto(join(folder, 'fast.db'), sheet, {
      batchHouseholds: 25,
      errorFile: join(folder, 'fast.errors.csv'),
    });
    expect(commands.problems).toBeGreaterThan(0);
    expect({ ...fast, elapsedMs: 0, errorFile: null }).toEqual({ ...commands, elapsedMs: 0, errorFile: null });
    expect(readFileSync(join(folder, 'fast.errors.csv'), 'utf8')).toBe(
      readFileSync(join(folder, 'commands.errors.csv'), 'utf8'),
    );
    await expectSameRegistry(join(folder, 'commands.db'), join(folder, 'fast.db'));
    // Most households took the fast path; the two with a refused row took the command path.
    expect(await importedHouseholds(join(folder, 'commands.db'))).toBe(0);
    expect(await importedHouseholds(join(folder, 'fast.db'))).toBeGreaterThanOrEqual(100);
    expect(await hashChainsHold(join(folder, 'fast.db'))).toBe(true);
  });

  it('a batch meeting streams already stored falls back to the command path: a re-run adds nothing, a partial import completes', async () => {
    const folder = tempFolder();
    const full = join(folder, 'sheet.csv');
    await writeHouseholdSheet(
      generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 80, seed: 'batch-rerun' }),
      { kind: 'csv', path: full },
    );
    const lines = readFileSync(full, 'utf8').split('\n');
    const part = join(folder, 'part.csv');
    writeFileSync(part, lines.slice(0, 90).join('\n') + '\n');

    const store = join(folder, 'fast.db');
    await importInto(store, part, { batchHouseholds: 10 });
    const fast = await importInto(store, full, { batchHouseholds: 10 });
    // The same two runs through the command path (the part cuts a household: its second run
    // adds members and a corrected income, in both paths alike).
    const commands = join(folder, 'commands.db');
    await importInto(commands, part, { batchHouseholds: 1 });
    await importInto(commands, full, { batchHouseholds: 1 });
    expect(fast.households).toBe(80);
    await expectSameRegistry(commands, store);

    const head = await withStore(store, async (s) => s.headPosition());
    const again = await importInto(store, full, { batchHouseholds: 10 });
    expect(again.households).toBe(80);
    // The re-run replays: not one event more.
    expect(await withStore(store, async (s) => s.headPosition())).toBe(head);
    expect(await hashChainsHold(store)).toBe(true);
  });
});
