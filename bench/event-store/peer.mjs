// PEER side of bench/event-store: @event-driven-io/emmett-sqlite 0.42.4, installed outside
// the workspace in bench/peers/emmett-sqlite (main.mjs installs it on demand). Only its
// public exports are called; nothing of it is copied here.
//
// Setups (see bench/README.md):
// - "default": getSQLiteEventStore({ fileName }) as documented — a new sqlite3 connection
//   per call, concurrent appends fight for the write lock.
// - "mutex": one shared connection (connectionOptions.singleton) with appends serialised by
//   a promise mutex. Its connection wrapper nests concurrent transactions on a shared
//   connection and acknowledges the inner ones before any COMMIT, so without the mutex a
//   shared connection is not durable; with it every append commits (and fsyncs) before its
//   promise resolves. This is its best correct concurrent setup.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { peerPackages } from './harness.mjs';
import {
  concurrentWriters,
  consumedMessages,
  databaseMB,
  errorCode,
  newHouseholdStreams,
  peerEvents,
  readPeerBatches,
  removeDatabase,
  round,
  seedHouseholds,
  serveOneTask,
} from './workload.mjs';

const peer = peerPackages('emmett-sqlite');
const { getSQLiteEventStore, sqliteConnection, readMessagesBatch } = peer.require('@event-driven-io/emmett-sqlite');
const sqlite3 = peer.require('sqlite3');
const version = peer.version('@event-driven-io/emmett-sqlite');

// Its connection wrapper console.logs the error that made it roll back, then throws the
// ROLLBACK's own error when there was no transaction to roll back (a BEGIN that failed with
// SQLITE_BUSY surfaces as SQLITE_ERROR "cannot rollback"). Count the logged root causes by
// code, show the first, keep stdout clean.
const rootCauses = {};
let defaultUncaught = {};
console.log = (...args) => {
  const code = args[0] && typeof args[0] === 'object' && 'code' in args[0] ? String(args[0].code) : 'other';
  rootCauses[code] = (rootCauses[code] ?? 0) + 1;
  if (Object.values(rootCauses).reduce((a, b) => a + b, 0) === 1)
    console.error('[emmett console.log — the first; the rest are only counted]', ...args);
};

async function pragmas(connection) {
  const journal = (await connection.querySingle('PRAGMA journal_mode')).journal_mode;
  const sync = (await connection.querySingle('PRAGMA synchronous')).synchronous;
  return { journal, synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync) };
}

/** What a default-setup connection runs with: the peer sets WAL only; synchronous is SQLite's compiled default. */
async function defaultPragmas(file) {
  const connection = sqliteConnection({ fileName: file });
  try {
    return await pragmas(connection);
  } finally {
    connection.close();
  }
}

function describe(name, extra) {
  return { name, library: `emmett-sqlite ${version} on sqlite3 ${sqlite3.VERSION}`, ...extra };
}

/** The "mutex" setup: one connection, WAL, the given synchronous level, appends one at a time. */
async function openShared(file, synchronous) {
  const connection = sqliteConnection({ fileName: file });
  // sqliteConnection fires its WAL pragma without awaiting it: set both and read them back.
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command(`PRAGMA synchronous = ${synchronous}`);
  const store = getSQLiteEventStore({ fileName: file, connectionOptions: { singleton: true, connection } });
  await store.schema.migrate();
  let tail = Promise.resolve();
  const serialised = (fn) => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    store,
    connection,
    append: (streamId, events) => serialised(() => store.appendToStream(streamId, events)),
    pragmas: await pragmas(connection),
    close: async () => {
      await tail;
      connection.close();
      await sleep(50); // sqlite3 closes on its thread pool; let it finish before files go
    },
  };
}

async function countStored(file) {
  const connection = sqliteConnection({ fileName: file });
  try {
    return (await connection.querySingle('SELECT COUNT(*) AS n FROM emt_messages')).n;
  } catch {
    return 0; // no table: nothing was ever written
  } finally {
    connection.close();
  }
}

/** `writers` loops, each append a new household stream with `eventsPerAppend` events. */
async function appendToNewStreams({ dir, writers, perWriter, eventsPerAppend, setup, stopAfterMs, abandonAfterMs }) {
  const file = join(dir, 'peer.db');
  const makeAppend = newHouseholdStreams(eventsPerAppend, peerEvents);
  try {
    if (setup === 'default') {
      // Its connections fire `PRAGMA journal_mode = WAL` without a callback; when that
      // statement fails (e.g. "cannot change into wal mode from within a transaction") the
      // error is emitted with no listener — in a service, an uncaught exception that ends
      // the process. Count such errors here instead, so the sub-run can report them.
      const uncaught = {};
      process.on('uncaughtException', (error) => {
        const code = errorCode(error);
        if (!uncaught[code]) console.error('[uncaught in the peer default setup — the first of its kind]', error);
        uncaught[code] = (uncaught[code] ?? 0) + 1;
      });
      defaultUncaught = uncaught;
      const store = getSQLiteEventStore({ fileName: file });
      await store.schema.migrate();
      const run = await concurrentWriters({
        writers,
        perWriter,
        makeAppend,
        append: ({ streamId, events }) => store.appendToStream(streamId, events),
        stopAfterMs,
        abandonAfterMs,
      });
      await sleep(100); // its per-call connections close asynchronously
      const stored = await countStored(file);
      // Appends still in flight keep sqlite3 work queued: end the process once replied.
      if (run.pending > 0) setTimeout(() => process.exit(0), 1_000).unref();
      return {
        ...run,
        stored,
        rootCauses: { ...rootCauses },
        uncaught: { ...defaultUncaught },
        setup: describe(
          'default: getSQLiteEventStore({ fileName }), a connection per call',
          await defaultPragmas(file),
        ),
      };
    }
    const shared = await openShared(file, 'FULL');
    try {
      const run = await concurrentWriters({
        writers,
        perWriter,
        makeAppend,
        append: ({ streamId, events }) => shared.append(streamId, events),
      });
      const stored = await countStored(file);
      return { ...run, stored, setup: describe('mutex: one shared connection, appends serialised', shared.pragmas) };
    } finally {
      await shared.close();
    }
  } finally {
    removeDatabase(file);
  }
}

/** Writes `streams` × `eventsPerStream` events through the peer's own appendToStream. */
async function seed({ file, streams, eventsPerStream }) {
  // Seeding time is not a figure: NORMAL skips the per-commit fsync, as on our side.
  const shared = await openShared(file, 'NORMAL');
  const t0 = performance.now();
  try {
    // One append at a time is all its shared connection can do correctly (see the header).
    await seedHouseholds({ streams, eventsPerStream, inFlight: 1, toEvents: peerEvents }, ({ streamId, events }) =>
      shared.append(streamId, events),
    );
    return { events: await countStored(file), seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await shared.close();
  }
}

/** Its global batch reader, readMessagesBatch, from the start to the end of the log. */
async function readAll({ file, total, batchSize }) {
  const shared = await openShared(file, 'FULL');
  try {
    const read = await readPeerBatches(async (after) => {
      const batch = await readMessagesBatch(shared.connection, { after, batchSize });
      return { messages: batch.messages, more: batch.messages.length > 0, position: batch.currentGlobalPosition };
    }, total);
    return {
      ...read,
      dbMB: databaseMB(file),
      setup: describe(`readMessagesBatch({ after, batchSize: ${batchSize} }) on one connection`, shared.pragmas),
    };
  } finally {
    await shared.close();
  }
}

/**
 * Its consumer with one processor from the beginning, stopped (stopAfter) at the `limit`-th
 * event. "default": the store's default setup and consumer defaults (batches of 100, a 50 ms
 * pause between batches). "tuned": the shared connection and the given pulling options.
 * Each batch is one transaction that also writes the processor's checkpoint per message —
 * the peer offers no processor without that.
 */
async function catchUp({ file, limit, setup, pulling }) {
  const shared = setup === 'tuned' ? await openShared(file, 'FULL') : null;
  const store = shared ? shared.store : getSQLiteEventStore({ fileName: file });
  const consumer = store.consumer(shared ? { pulling } : {});
  const consumed = consumedMessages(limit);
  consumer.processor({ processorId: `bench-catch-up-${setup}`, startFrom: 'BEGINNING', ...consumed.handlers });
  const t0 = performance.now();
  try {
    await consumer.start();
    return {
      ...consumed.result(t0),
      setup: describe(
        shared
          ? `tuned: shared connection, consumer pulling ${JSON.stringify(pulling)}`
          : 'default: getSQLiteEventStore({ fileName }), consumer defaults (batchSize 100, pullingFrequencyInMs 50)',
        shared ? shared.pragmas : await defaultPragmas(file),
      ),
    };
  } finally {
    await consumer.close();
    if (shared) await shared.close();
  }
}

serveOneTask({ appendToNewStreams, seed, readAll, catchUp });
