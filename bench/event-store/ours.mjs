// OUR side of bench/event-store: one child process per task, started by main.mjs on the
// adapter as built JavaScript (build-ours.mjs, through harness.mjs `buildOursEnv`).
// Only the EventStore port and `SqliteEventStore.open` are used — what a service would use.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { requireOurs } from './harness.mjs';
import {
  appendNewStream,
  portAppendToNewStreams,
  portCatchUp,
  databaseMB,
  portReadAll,
  removeDatabase,
  round,
  seedHouseholds,
  serveOneTask,
} from './workload.mjs';

const require = createRequire(import.meta.url);
const { SqliteEventStore } = requireOurs(require, '@relapse-watch/event-store-sqlite');

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
  try {
    const run = await portAppendToNewStreams(store, { writers, perWriter, eventsPerAppend });
    return {
      ...run,
      setup: setup({ writers: 'concurrent async loops on one SqliteEventStore (its group commit merges them)' }),
    };
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
    await seedHouseholds({ streams, eventsPerStream, inFlight }, appendNewStream(store));
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
    return {
      ...(await portReadAll(store, total)),
      dbMB: databaseMB(file),
      setup: setup({ reader: 'store.readAll() (pages of the store default size)' }),
    };
  } finally {
    await store.close();
  }
}

/** `store.subscribeToAll()` from position 0, stopped after the last seeded event. */
async function catchUp({ file, total }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  try {
    return {
      ...(await portCatchUp(store, total)),
      setup: setup({ reader: 'store.subscribeToAll() from 0, no checkpoint writes' }),
    };
  } finally {
    await store.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
