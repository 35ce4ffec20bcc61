// PEER side of bench/event-store-postgres: @event-driven-io/emmett-postgresql 0.42.0 with
// @event-driven-io/emmett 0.42.0, installed outside the workspace in
// bench/peers/emmett-postgresql (main.mjs installs it on demand). Only its public exports
// are called. Each task gets a fresh database of the local PostgreSQL; its schema is created
// by the store itself on first use (its default `autoMigration`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { concurrentWriters, expectedChecksum, householdEvents, householdStreamId, round, serveOneTask, uuidv7 } from '../event-store/workload.mjs';

const peerDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers', 'emmett-postgresql');
const requirePeer = createRequire(join(peerDir, 'package.json'));
const { getPostgreSQLEventStore, readMessagesBatch } = requirePeer('@event-driven-io/emmett-postgresql');
const { STREAM_DOES_NOT_EXIST } = requirePeer('@event-driven-io/emmett');
const { dumbo } = requirePeer('@event-driven-io/dumbo');
const version = (name) => JSON.parse(readFileSync(join(peerDir, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;

function describe(extra = {}) {
  return {
    library: `emmett-postgresql ${version('@event-driven-io/emmett-postgresql')} (emmett ${version('@event-driven-io/emmett')}, dumbo ${version('@event-driven-io/dumbo')}, pg ${version('pg')})`,
    connection: 'getPostgreSQLEventStore(connectionString): its default pooled connection',
    ...extra,
  };
}

/** The peer's events: same type, data and metadata as ours, with our UUIDv7 as messageId. */
function peerEvents(householdId, count, firstIndex) {
  return householdEvents(householdId, count, firstIndex).map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } }));
}

async function appendToNewStreams({ url, writers, perWriter, eventsPerAppend }) {
  const store = getPostgreSQLEventStore(url);
  let index = 0;
  try {
    await store.schema.migrate();
    const run = await concurrentWriters({
      writers,
      perWriter,
      makeAppend: () => {
        const householdId = uuidv7();
        const events = peerEvents(householdId, eventsPerAppend, index);
        index += eventsPerAppend;
        return { streamId: householdStreamId(householdId), events };
      },
      append: ({ streamId, events }) => store.appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    });
    return { ...run, setup: describe({ writers: 'concurrent async loops on one store, appendToStream with STREAM_DOES_NOT_EXIST' }) };
  } finally {
    await store.close();
  }
}

async function seed({ url, streams, eventsPerStream, inFlight }) {
  const store = getPostgreSQLEventStore(url);
  const t0 = performance.now();
  try {
    await store.schema.migrate();
    for (let first = 0; first < streams; first += inFlight) {
      const wave = [];
      for (let s = first; s < Math.min(streams, first + inFlight); s++) {
        const householdId = uuidv7();
        wave.push(store.appendToStream(householdStreamId(householdId), peerEvents(householdId, eventsPerStream, s * eventsPerStream), { expectedStreamVersion: STREAM_DOES_NOT_EXIST }));
      }
      await Promise.all(wave);
    }
    return { seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await store.close();
  }
}

/** Its global batch reader, readMessagesBatch, from the start to the end of the log. */
async function readAll({ url, total, batchSize }) {
  const pool = dumbo({ connectionString: url });
  try {
    let events = 0;
    let checksum = 0;
    let after = 0n;
    const t0 = performance.now();
    for (;;) {
      const { messages, areMessagesLeft, currentGlobalPosition } = await readMessagesBatch(pool.execute, { after, batchSize });
      for (const m of messages) {
        events++;
        checksum += m.data.members;
      }
      if (!areMessagesLeft || messages.length === 0) break;
      after = currentGlobalPosition;
    }
    const seconds = (performance.now() - t0) / 1000;
    return { events, seconds, checksumOk: events === total && checksum === expectedChecksum(total), setup: describe({ reader: `readMessagesBatch({ after, batchSize: ${batchSize} }) on a dumbo pool` }) };
  } finally {
    await pool.close();
  }
}

/** Its consumer with one reactor from the beginning, stopped at the `limit`-th event. */
async function catchUp({ url, limit, pulling }) {
  const store = getPostgreSQLEventStore(url);
  const consumer = store.consumer(pulling ? { pulling } : {});
  let events = 0;
  let checksum = 0;
  let lastAt = 0;
  consumer.reactor({
    processorId: 'bench-catch-up',
    startFrom: 'BEGINNING',
    eachMessage: (message) => {
      events++;
      checksum += message.data.members;
      if (events === limit) lastAt = performance.now();
    },
    stopAfter: () => events >= limit,
  });
  const t0 = performance.now();
  try {
    await consumer.start();
    const seconds = ((lastAt || performance.now()) - t0) / 1000;
    return { events, seconds, checksumOk: checksum === expectedChecksum(limit), setup: describe({ reader: `store.consumer(${pulling ? JSON.stringify({ pulling }) : 'defaults: batchSize 100, pullingFrequencyInMs 50'}).reactor from BEGINNING (it stores a checkpoint per batch)` }) };
  } finally {
    await consumer.close();
    await store.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
