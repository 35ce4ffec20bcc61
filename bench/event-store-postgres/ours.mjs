// OUR side of bench/event-store-postgres: one child process per task, on
// `@relapse-watch/event-store-postgres` as built JavaScript (build-ours.mjs). Only the
// EventStore port and `PostgresEventStore.open` are used — what a service would use. Each
// task gets a fresh database of the local PostgreSQL (created and dropped by main.mjs).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { requireOurs } from '../event-store/harness.mjs';
import {
  appendNewStream,
  portAppendToNewStreams,
  portCatchUp,
  portReadAll,
  round,
  seedHouseholds,
  serveOneTask,
} from '../event-store/workload.mjs';

const require = createRequire(import.meta.url);
const { PostgresEventStore } = requireOurs(require, '@relapse-watch/event-store-postgres');
const pgVersion = require('pg/package.json').version;

function setup(poolSize, extra = {}) {
  return { library: `PostgresEventStore on pg ${pgVersion}`, poolSize, schema: 'event_store', ...extra };
}

/** Runs `fn(store)` on a store of the task's database, and closes it afterwards. */
async function withStore({ url, poolSize }, fn) {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `writers` loops on one store, each append a new household stream with `eventsPerAppend` events. */
function appendToNewStreams({ url, poolSize, writers, perWriter, eventsPerAppend }) {
  return withStore({ url, poolSize }, async (store) => ({
    ...(await portAppendToNewStreams(store, { writers, perWriter, eventsPerAppend })),
    setup: setup(poolSize, {
      writers:
        'concurrent async loops on one PostgresEventStore (group commit: concurrent appends share one transaction and one INSERT)',
    }),
  }));
}

/** Writes `streams` × `eventsPerStream` events through the store's own appends, many in flight. */
function seed({ url, poolSize, streams, eventsPerStream, inFlight }) {
  return withStore({ url, poolSize }, async (store) => {
    const t0 = performance.now();
    await seedHouseholds({ streams, eventsPerStream, inFlight }, appendNewStream(store));
    return { events: await store.headPosition(), seconds: round((performance.now() - t0) / 1000, 2) };
  });
}

function readAll({ url, poolSize, total }) {
  return withStore({ url, poolSize }, async (store) => ({
    ...(await portReadAll(store, total)),
    setup: setup(poolSize, { reader: 'store.readAll() (pages of the store default size, 256)' }),
  }));
}

function catchUp({ url, poolSize, total }) {
  return withStore({ url, poolSize }, async (store) => ({
    ...(await portCatchUp(store, total)),
    setup: setup(poolSize, { reader: 'store.subscribeToAll() from 0, no checkpoint writes' }),
  }));
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
