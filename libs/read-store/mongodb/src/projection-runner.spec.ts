import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect } from '@relapse-watch/event-store-testing';
import { foldProjection, ProjectionRunner, type Projection, type ReadStore } from '@relapse-watch/read-store-core';
import {
  appendAll,
  deregistered,
  householdsPerVillageProjection,
  many,
  noise,
  registered,
  type VillageSummary,
} from '@relapse-watch/read-store-testing';
import { MongoReadStore } from './mongo-read-store';
import { dropDatabases, mongoUrl, uniqueDatabase } from './test-database.fixture';

/** A projection of its own per test, so tests share one database. */
const householdsPerVillage = () => householdsPerVillageProjection(randomUUID().replaceAll('-', '').slice(0, 12));

const database = uniqueDatabase('rw_rs_runner');
let dir: string;
let readStore: MongoReadStore;
let eventStore: SqliteEventStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-mongo-runner-'));
  readStore = await MongoReadStore.connect(mongoUrl(), { database });
});
beforeEach(() => {
  eventStore = SqliteEventStore.open({ path: join(dir, `${randomUUID()}-events.db`) });
});
afterEach(() => eventStore.close());
afterAll(async () => {
  await readStore?.close();
  await dropDatabases(database);
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = (store: ReadStore, projection: Projection<VillageSummary>) => store.find<VillageSummary>(projection.collection);

/** What the projection should hold: the pure fold over the whole log, in id order as find returns it. */
async function expected(projection: Projection<VillageSummary>) {
  const docs = foldProjection(projection, (await collect(eventStore.readAll())) as StoredEvent[]);
  return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('ProjectionRunner on SqliteEventStore + MongoReadStore (FerretDB)', () => {
  it('applies events appended before and during the run exactly once, and checkpoints past unhandled ones', async () => {
    const projection = householdsPerVillage();
    await appendAll(eventStore, [...many(30, (i) => registered(`v${i % 3}`)), ...many(10, noise)]);
    const runner = new ProjectionRunner(projection, eventStore, readStore);
    await runner.start();
    await Promise.all([appendAll(eventStore, many(60, (i) => registered(`v${i % 4}`))), appendAll(eventStore, many(20, noise))]);
    await appendAll(eventStore, [...many(25, () => deregistered('v3')), ...many(2, () => deregistered('v0'))]);
    const head = await appendAll(eventStore, [noise()]);
    await runner.waitUntilCaughtUp(head);

    const docs = await snapshot(readStore, projection);
    expect(docs.map((d) => [d.id, d.data.households])).toEqual([
      ['v0', 10 + 15 - 2],
      ['v1', 10 + 15],
      ['v2', 10 + 15],
    ]);
    expect(docs).toEqual(await expected(projection));
    expect(await readStore.loadCheckpoint(projection.name)).toBe(head);
    expect(runner.stats.eventsSeen).toBe(head);
    expect(await readStore.count(projection.collection, { households: 25 })).toBe(2);
    await runner.stop();
  });

  it('stopped while events arrive and started again, resumes from the stored checkpoint: each event seen once', async () => {
    const projection = householdsPerVillage();
    const first = new ProjectionRunner(projection, eventStore, readStore, { maxBatchEvents: 7 });
    await first.start();
    const firstHalf = await appendAll(eventStore, many(100, (i) => registered(`v${i % 5}`)));
    const appending = appendAll(eventStore, many(200, (i) => (i % 4 ? registered(`v${i % 5}`) : noise())));
    await first.waitUntilCaughtUp(firstHalf);
    await first.stop();
    const stoppedAt = first.checkpoint;
    expect(await readStore.loadCheckpoint(projection.name)).toBe(stoppedAt);
    const head = Math.max(await appending, await appendAll(eventStore, many(50, (i) => deregistered(`v${i % 5}`))));

    const second = new ProjectionRunner(projection, eventStore, readStore);
    await second.start();
    await second.waitUntilCaughtUp(head);
    expect(first.stats.eventsSeen + second.stats.eventsSeen).toBe(head);
    expect(await snapshot(readStore, projection)).toEqual(await expected(projection));
    await second.stop();
  });

  it('rebuild from zero drops what was there and gives identical documents', async () => {
    const projection = householdsPerVillage();
    const runner = new ProjectionRunner(projection, eventStore, readStore);
    await runner.start();
    let head = await appendAll(eventStore, [...many(40, (i) => registered(`v${i % 6}`)), ...many(5, noise)]);
    head = Math.max(head, await appendAll(eventStore, many(7, () => deregistered('v5'))));
    await runner.waitUntilCaughtUp(head);
    const before = await snapshot(readStore, projection);
    await readStore.put(projection.collection, { id: 'stray', position: 1, data: { villageCode: 'stray', households: 99 } });

    await runner.rebuild();
    await runner.waitUntilCaughtUp(head);
    expect(await snapshot(readStore, projection)).toEqual(before);
    expect(before).toEqual(await expected(projection));
    expect(before.map((d) => d.id)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(runner.stats.eventsSeen).toBe(2 * head);
    await runner.stop();
  });

  it('a second runner replaying already-applied events from zero changes nothing (position guard)', async () => {
    const projection = householdsPerVillage();
    const head = await appendAll(eventStore, [...many(60, (i) => registered(`v${i % 4}`)), ...many(15, () => deregistered('v3')), noise()]);
    const first = new ProjectionRunner(projection, eventStore, readStore, { maxBatchEvents: 9 });
    await first.start();
    await first.waitUntilCaughtUp(head);
    await first.stop();
    const before = await snapshot(readStore, projection);

    await readStore.resetCheckpoint(projection.name);
    const second = new ProjectionRunner(projection, eventStore, readStore);
    await second.start();
    await second.waitUntilCaughtUp(head);
    expect(second.stats.eventsSeen).toBe(head);
    expect(second.stats.writesApplied).toBe(0);
    expect(await snapshot(readStore, projection)).toEqual(before);
    expect(before).toEqual(await expected(projection));
    await second.stop();
  });
});
