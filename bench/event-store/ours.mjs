// OUR side of bench/event-store: one child process per task, started by main.mjs on the
// adapter as built JavaScript (build-ours.mjs; BENCH_OURS_ENTRY names its entry file).
// Only the EventStore port and `SqliteEventStore.open` are used — what a service would use.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import {
  concurrentWriters,
  databaseMB,
  expectedChecksum,
  householdEvents,
  householdStreamId,
  removeDatabase,
  round,
  serveOneTask,
  uuidv7,
} from './workload.mjs';

const require = createRequire(import.meta.url);
const { SqliteEventStore } = require(process.env.BENCH_OURS_ENTRY);

const sqliteVersion = (() => {
  const db = new DatabaseSync(':memory:');
  const version = db.prepare('SELECT sqlite_version() AS v').get().v;
  db.close();
  return version;
})();

function setup(extra = {}) {
  return { library: `node:sqlite (SQLite ${sqliteVersion})`, journal: 'wal', synchronous: 'FULL', ...extra };
}

/** `writers` loops on one store, each append a new household stream with `eventsPerAppend` events. */
async function appendToNewStreams({ dir, writers, perWriter, eventsPerAppend }) {
  const file = join(dir, 'ours.db');
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  let index = 0;
  try {
    const run = await concurrentWriters({
      writers,
      perWriter,
      makeAppend: () => {
        const householdId = uuidv7();
        const events = householdEvents(householdId, eventsPerAppend, index);
        index += eventsPerAppend;
        return { streamId: householdStreamId(householdId), events };
      },
      append: ({ streamId, events }) => store.appendToStream(streamId, events, { expectedRevision: 'no_stream' }),
    });
    const stored = await store.headPosition();
    return { ...run, stored, setup: setup({ writers: 'concurrent async loops on one SqliteEventStore (its group commit merges them)' }) };
  } finally {
    await store.close();
    removeDatabase(file);
  }
}

/** Writes `streams` × `eventsPerStream` events through the store's own appends, many in flight. */
async function seed({ file, streams, eventsPerStream, inFlight }) {
  // Seeding time is not a figure: NORMAL skips the per-commit fsync (WAL stays consistent).
  const store = SqliteEventStore.open({ path: file, synchronous: 'NORMAL' });
  const t0 = performance.now();
  try {
    for (let first = 0; first < streams; first += inFlight) {
      const wave = [];
      for (let s = first; s < Math.min(streams, first + inFlight); s++) {
        const householdId = uuidv7();
        wave.push(store.appendToStream(householdStreamId(householdId), householdEvents(householdId, eventsPerStream, s * eventsPerStream), { expectedRevision: 'no_stream' }));
      }
      await Promise.all(wave);
    }
    const events = await store.headPosition();
    return { events, seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await store.close();
  }
}

/** `store.readAll()` from the start to the end of the seeded log. */
async function readAll({ file, total }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  try {
    let events = 0;
    let checksum = 0;
    const t0 = performance.now();
    for await (const event of store.readAll()) {
      events++;
      checksum += event.data.members;
    }
    const seconds = (performance.now() - t0) / 1000;
    return { events, seconds, checksumOk: events === total && checksum === expectedChecksum(total), dbMB: databaseMB(file), setup: setup({ reader: 'store.readAll() (pages of the store default size)' }) };
  } finally {
    await store.close();
  }
}

/** `store.subscribeToAll()` from position 0, stopped after the last seeded event. */
async function catchUp({ file, total }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  try {
    let events = 0;
    let checksum = 0;
    const t0 = performance.now();
    const subscription = store.subscribeToAll();
    for await (const event of subscription) {
      events++;
      checksum += event.data.members;
      if (events === total) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    await subscription.stop();
    return { events, seconds, checksumOk: checksum === expectedChecksum(total), setup: setup({ reader: 'store.subscribeToAll() from 0, no checkpoint writes' }) };
  } finally {
    await store.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
