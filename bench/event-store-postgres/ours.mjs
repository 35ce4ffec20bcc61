// OUR side of bench/event-store-postgres: one child process per task, on
// `@relapse-watch/event-store-postgres` as built JavaScript (build-ours.mjs). Only the
// EventStore port and `PostgresEventStore.open` are used — what a service would use. Each
// task gets a fresh database of the local PostgreSQL (created and dropped by main.mjs).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { requireOurs } from '../event-store/harness.mjs';
import { concurrentWriters, expectedChecksum, householdEvents, householdStreamId, round, serveOneTask, uuidv7 } from '../event-store/workload.mjs';

const require = createRequire(import.meta.url);
const { PostgresEventStore } = requireOurs(require, '@relapse-watch/event-store-postgres');
const pgVersion = require('pg/package.json').version;

function setup(poolSize, extra = {}) {
  return { library: `PostgresEventStore on pg ${pgVersion}`, poolSize, schema: 'event_store', ...extra };
}

/** `writers` loops on one store, each append a new household stream with `eventsPerAppend` events. */
async function appendToNewStreams({ url, poolSize, writers, perWriter, eventsPerAppend }) {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize });
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
    return { ...run, stored, setup: setup(poolSize, { writers: 'concurrent async loops on one PostgresEventStore (group commit: concurrent appends share one transaction and one INSERT)' }) };
  } finally {
    await store.close();
  }
}

/** Writes `streams` × `eventsPerStream` events through the store's own appends, many in flight. */
async function seed({ url, poolSize, streams, eventsPerStream, inFlight }) {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize });
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
    return { events: await store.headPosition(), seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await store.close();
  }
}

async function readAll({ url, poolSize, total }) {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize });
  try {
    let events = 0;
    let checksum = 0;
    const t0 = performance.now();
    for await (const event of store.readAll()) {
      events++;
      checksum += event.data.members;
    }
    const seconds = (performance.now() - t0) / 1000;
    return { events, seconds, checksumOk: events === total && checksum === expectedChecksum(total), setup: setup(poolSize, { reader: 'store.readAll() (pages of the store default size, 256)' }) };
  } finally {
    await store.close();
  }
}

async function catchUp({ url, poolSize, total }) {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize });
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
    return { events, seconds, checksumOk: checksum === expectedChecksum(total), setup: setup(poolSize, { reader: 'store.subscribeToAll() from 0, no checkpoint writes' }) };
  } finally {
    await store.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
