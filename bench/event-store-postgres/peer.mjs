// PEER side of bench/event-store-postgres: @event-driven-io/emmett-postgresql 0.42.0 with
// @event-driven-io/emmett 0.42.0, installed outside the workspace in
// bench/peers/emmett-postgresql (main.mjs installs it on demand). Only its public exports
// are called. Each task gets a fresh database of the local PostgreSQL; its schema is created
// by the store itself on first use (its default `autoMigration`).
import { performance } from 'node:perf_hooks';
import { peerPackages } from '../event-store/harness.mjs';
import {
  concurrentWriters,
  consumedMessages,
  newHouseholdStreams,
  peerEvents,
  readPeerBatches,
  round,
  seedHouseholds,
  serveOneTask,
} from '../event-store/workload.mjs';

const peer = peerPackages('emmett-postgresql');
const { getPostgreSQLEventStore, readMessagesBatch } = peer.require('@event-driven-io/emmett-postgresql');
const { STREAM_DOES_NOT_EXIST } = peer.require('@event-driven-io/emmett');
const { dumbo } = peer.require('@event-driven-io/dumbo');
const { version } = peer;

function describe(extra = {}) {
  return {
    library: `emmett-postgresql ${version('@event-driven-io/emmett-postgresql')} (emmett ${version('@event-driven-io/emmett')}, dumbo ${version('@event-driven-io/dumbo')}, pg ${version('pg')})`,
    connection: 'getPostgreSQLEventStore(connectionString): its default pooled connection',
    ...extra,
  };
}

async function appendToNewStreams({ url, writers, perWriter, eventsPerAppend }) {
  const store = getPostgreSQLEventStore(url);
  try {
    await store.schema.migrate();
    const run = await concurrentWriters({
      writers,
      perWriter,
      makeAppend: newHouseholdStreams(eventsPerAppend, peerEvents),
      append: ({ streamId, events }) =>
        store.appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    });
    return {
      ...run,
      setup: describe({ writers: 'concurrent async loops on one store, appendToStream with STREAM_DOES_NOT_EXIST' }),
    };
  } finally {
    await store.close();
  }
}

async function seed({ url, streams, eventsPerStream, inFlight }) {
  const store = getPostgreSQLEventStore(url);
  const t0 = performance.now();
  try {
    await store.schema.migrate();
    await seedHouseholds({ streams, eventsPerStream, inFlight, toEvents: peerEvents }, ({ streamId, events }) =>
      store.appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    );
    return { seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await store.close();
  }
}

/** Its global batch reader, readMessagesBatch, from the start to the end of the log. */
async function readAll({ url, total, batchSize }) {
  const pool = dumbo({ connectionString: url });
  try {
    const read = await readPeerBatches(async (after) => {
      const { messages, areMessagesLeft, currentGlobalPosition } = await readMessagesBatch(pool.execute, {
        after,
        batchSize,
      });
      return { messages, more: areMessagesLeft && messages.length > 0, position: currentGlobalPosition };
    }, total);
    return {
      ...read,
      setup: describe({ reader: `readMessagesBatch({ after, batchSize: ${batchSize} }) on a dumbo pool` }),
    };
  } finally {
    await pool.close();
  }
}

/** Its consumer with one reactor from the beginning, stopped at the `limit`-th event. */
async function catchUp({ url, limit, pulling }) {
  const store = getPostgreSQLEventStore(url);
  const consumer = store.consumer(pulling ? { pulling } : {});
  const consumed = consumedMessages(limit);
  consumer.reactor({ processorId: 'bench-catch-up', startFrom: 'BEGINNING', ...consumed.handlers });
  const t0 = performance.now();
  try {
    await consumer.start();
    return {
      ...consumed.result(t0),
      setup: describe({
        reader: `store.consumer(${pulling ? JSON.stringify({ pulling }) : 'defaults: batchSize 100, pullingFrequencyInMs 50'}).reactor from BEGINNING (it stores a checkpoint per batch)`,
      }),
    };
  } finally {
    await consumer.close();
    await store.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
