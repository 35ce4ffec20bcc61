import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { keepInInbox } from '../testing/inbox-events';
import { scenarioEvents, scenarioHouseholds } from '../testing/report-scenario';
import { collectionDigest } from './collection-digest';
import { partitionOf, partitionsOfDataText } from './household-partition';
import { rebuildGeneration, type RebuildOptions } from './rebuild-generation';
import { reportingCollections } from './reporting-collections';

const dir = mkdtempSync(join(tmpdir(), 'rw-reporting-rebuild-'));
const collections = reportingCollections(1);
// Households of three villages with inspections, cases, measures, issues, two years' lines…
const events = scenarioEvents(scenarioHouseholds(300, 11));
let inbox: SqliteEventStore;
let stores = 0;

beforeAll(async () => {
  inbox = SqliteEventStore.open({ path: join(dir, 'inbox.db'), synchronous: 'NORMAL' });
  await keepInInbox(inbox, events);
});
afterAll(async () => {
  await inbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same inbox without its row reader: the rebuild then runs the live projector's bulk fold. */
function withoutRows(store: EventStore): EventStore {
  return {
    appendToStream: (...a) => store.appendToStream(...a),
    appendToStreams: (...a) => store.appendToStreams(...a),
    readStream: (...a) => store.readStream(...a),
    readAll: (...a) => store.readAll(...a),
    subscribeToAll: (...a) => store.subscribeToAll(...a),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}

/** Every document of the generation as stored (id, position, data), by collection. */
async function rebuilt(options: Partial<RebuildOptions> = {}) {
  const store: ReadStore = SqliteReadStore.open({ path: join(dir, `read-${++stores}.db`) });
  try {
    const checkpoint = await rebuildGeneration({ inbox, store, collections, utcOffsetMinutes: 480, ...options });
    const documents: Record<string, unknown> = {};
    for (const part of ['households', 'contexts', 'units'] as const)
      documents[part] = {
        digest: (await collectionDigest(store, collections[part])).digest,
        docs: await store.find(collections[part]),
      };
    return { checkpoint, stored: await store.loadCheckpoint(collections.checkpoint), documents };
  } finally {
    await store.close();
  }
}

describe('rebuildGeneration', () => {
  let single: Awaited<ReturnType<typeof rebuilt>>;
  beforeAll(async () => {
    single = await rebuilt({ inbox: withoutRows(inbox) });
  });

  it('folds on one thread through the projector when the log has no row reader', async () => {
    const head = await inbox.headPosition();
    expect(single.checkpoint).toBe(head);
    expect(single.stored).toBe(head);
    expect((single.documents.households as { docs: unknown[] }).docs).toHaveLength(300);
  });

  it('folds the log read as rows on this thread to the same documents', async () => {
    expect(await rebuilt({ threads: 0 })).toEqual(single);
  });

  it('folds the households on two and three threads, partitioned, to the same documents', async () => {
    expect(await rebuilt({ threads: 2, threadsFromEvents: 0 })).toEqual(single);
    expect(await rebuilt({ threads: 3, threadsFromEvents: 0 })).toEqual(single);
  });

  it('stops at untilPosition on threads as on one', async () => {
    const until = Math.floor((await inbox.headPosition()) / 2);
    const one = await rebuilt({ inbox: withoutRows(inbox), untilPosition: until });
    expect(one.checkpoint).toBe(until);
    expect(await rebuilt({ threads: 2, threadsFromEvents: 0, untilPosition: until })).toEqual(one);
  });
});

describe('household partitions', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('spread households over every partition, each always to the same one', () => {
    const counts = [0, 0, 0];
    for (const id of ids) counts[partitionOf(id, 3)] += 1;
    for (const count of counts) expect(count).toBeGreaterThan(80);
    expect(ids.map((id) => partitionOf(id, 3))).toEqual(ids.map((id) => partitionOf(id, 3)));
  });

  it('route a row by every household its text names, or to all partitions when it names none or one with an escape', () => {
    const [a, b] = [ids[0], ids.find((id) => partitionOf(id, 2) !== partitionOf(ids[0], 2))!];
    expect(partitionsOfDataText(JSON.stringify({ householdId: a, n: 1 }), 2)).toBe(1 << partitionOf(a, 2));
    expect(partitionsOfDataText(JSON.stringify({ lead: { householdId: b }, householdId: a }), 2)).toBe(3);
    expect(partitionsOfDataText(JSON.stringify({ provinceCode: '51' }), 2)).toBe(3);
    expect(partitionsOfDataText(JSON.stringify({ householdId: 'a"b' }), 2)).toBe(3);
  });
});
