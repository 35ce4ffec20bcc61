// OUR side of bench/relay-kafka: one child process per task, on our packages as built
// JavaScript (build-ours.mjs). The source log is our embedded SQLite event store (a file on
// local disk), so the figure is the relay and the Kafka bus, not a database server.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { requireOurs } from '../event-store/harness.mjs';
import {
  appendNewStream,
  EVENT_TYPES,
  EVENTS_PER_HOUSEHOLD,
  householdEvents,
  round,
  seedHouseholds,
  serveOneTask,
} from '../event-store/workload.mjs';

const require = createRequire(import.meta.url);
const { SqliteEventStore, SqliteCheckpointStore } = requireOurs(require, '@relapse-watch/event-store-sqlite');
const { EventRelay, integrationMessage } = requireOurs(require, '@relapse-watch/messaging-core');
const { KafkaBus, PlatformaticKafkaBus } = requireOurs(require, '@relapse-watch/messaging-kafka');

// The registry's four event types as integration events (the contracts' shape; the schema
// URIs are not fetched by anyone here).
const CONTRACTS = Object.fromEntries(
  EVENT_TYPES.map((event) => [
    event,
    { context: 'registry', event, version: 1, dataschema: `https://schemas.relapsewatch.cn/registry/${event}.v1.json` },
  ]),
);

/**
 * The relay's mapper: our default integration message (a validated CloudEvents 1.0
 * envelope, key = household id), sent to the benchmark's fresh topic instead of
 * `relapsewatch.registry.events.v1` so every run starts from an empty topic.
 */
function benchMapper(topic) {
  return (event) => {
    const contract = CONTRACTS[event.type];
    if (!contract) return null;
    return { topic, message: integrationMessage(event, contract).message };
  };
}

/** A client's installed version (@platformatic/kafka exports no package.json subpath, so it is read from disk). */
function clientVersion(name) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  let dir = require.resolve(name);
  while (!dir.endsWith(`node_modules/${name}`)) dir = join(dir, '..');
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/** Writes `events` events (households of 20) into a fresh SQLite store; not a figure. */
async function seed({ file, events, inFlight }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'NORMAL' });
  const t0 = performance.now();
  try {
    // The last household gets what is left of `events`.
    const toEvents = (householdId, count, firstIndex) =>
      householdEvents(householdId, Math.min(count, events - firstIndex), firstIndex);
    await seedHouseholds(
      { streams: Math.ceil(events / EVENTS_PER_HOUSEHOLD), eventsPerStream: EVENTS_PER_HOUSEHOLD, inFlight, toEvents },
      appendNewStream(store),
    );
    // The size of what the relay will send, measured on the first thousand events.
    const mapper = benchMapper('sizing');
    let n = 0;
    let valueBytes = 0;
    let keyBytes = 0;
    let headerBytes = 0;
    for await (const event of store.readAll({ maxCount: 1000 })) {
      const { message } = mapper(event);
      n++;
      valueBytes += Buffer.byteLength(message.value);
      keyBytes += Buffer.byteLength(message.key);
      for (const [k, v] of Object.entries(message.headers ?? {}))
        headerBytes += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    return {
      events: await store.headPosition(),
      seconds: round((performance.now() - t0) / 1000, 2),
      valueBytes: Math.round(valueBytes / n),
      keyBytes: Math.round(keyBytes / n),
      headerBytes: Math.round(headerBytes / n),
    };
  } finally {
    await store.close();
  }
}

/**
 * Runs an EventRelay from position 0 over the seeded store to `topic` through KafkaBus, and
 * times it from `relay.start()` until the checkpoint covering the last event is saved — the
 * relay saves it only after the bus resolved the publish, i.e. after Kafka acknowledged the
 * batch with acks=all. Connections are opened before the clock starts.
 */
async function relay({
  file,
  checkpointFile,
  total,
  brokers,
  partitions,
  topic,
  maxBatchSize,
  readAhead,
  noKafka,
  client = 'kafkajs',
}) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  const saved = SqliteCheckpointStore.open(checkpointFile);
  // --client: the same options, the same port, one of the two Kafka clients.
  const Bus = client === 'platformatic' ? PlatformaticKafkaBus : KafkaBus;
  const bus = new Bus({ brokers, partitions, clientId: 'bench-relay-kafka' });
  let finished;
  const allAcknowledged = new Promise((resolve) => (finished = resolve));
  // Where the time goes: wall time inside the mapper, waiting for the bus's publish (Kafka's
  // acknowledgement included) and saving checkpoints; the rest is reading the store and the
  // relay itself. Publishing overlaps reading and mapping when the relay reads ahead.
  const spent = { mapMs: 0, publishMs: 0, checkpointMs: 0, publishes: 0 };
  let saves = 0;
  let lastSaved = 0;
  const checkpoints = {
    loadCheckpoint: (name) => saved.loadCheckpoint(name),
    saveCheckpoint: async (name, position) => {
      const t = performance.now();
      await saved.saveCheckpoint(name, position);
      spent.checkpointMs += performance.now() - t;
      saves++;
      lastSaved = Math.max(lastSaved, position);
      if (position >= total) finished();
    },
  };
  const timedBus = {
    publish: async (publishTopic, messages) => {
      const t = performance.now();
      try {
        // --no-kafka: accepted at once, to measure the relay without the bus.
        return noKafka ? undefined : await bus.publish(publishTopic, messages);
      } finally {
        spent.publishMs += performance.now() - t;
        spent.publishes++;
      }
    },
    subscribe: (options) => bus.subscribe(options),
    close: () => bus.close(),
  };
  const map = benchMapper(topic);
  const mapper = (event) => {
    const t = performance.now();
    try {
      return map(event);
    } finally {
      spent.mapMs += performance.now() - t;
    }
  };
  const errors = {};
  let retried = 0;
  const relay = new EventRelay({
    name: 'bench-relay',
    eventStore: store,
    checkpoints,
    bus: timedBus,
    mapper,
    maxBatchSize,
    readAhead,
    onError: (error, willRetry) => {
      const key = `${willRetry ? 'retried' : 'fatal'}: ${error?.name ?? 'Error'} ${String(error?.message ?? '').slice(0, 80)}`;
      errors[key] = (errors[key] ?? 0) + 1;
      // A relay that keeps retrying (e.g. a request the broker refuses) would never finish.
      if (!willRetry || ++retried >= 20) finished();
    },
  });
  try {
    await bus.connect();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    await relay.start();
    await allAcknowledged;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const status = relay.status;
    await relay.stop();
    const perEvent = (ms) => round((ms * 1000) / Math.max(1, lastSaved), 2);
    return {
      events: lastSaved,
      seconds,
      batches: saves,
      status,
      errors,
      profile: {
        // CPU of the whole process (all threads) per event, and how busy the main thread was.
        cpuMicrosPerEvent: perEvent((cpu.user + cpu.system) / 1000),
        mainThreadBusy: round(elu.utilization, 2),
        mapMicrosPerEvent: perEvent(spent.mapMs),
        checkpointMicrosPerEvent: perEvent(spent.checkpointMs),
        publishWaitMsPerCall: round(spent.publishMs / Math.max(1, spent.publishes), 2),
        publishCalls: spent.publishes,
      },
      setup: {
        source: 'SqliteEventStore (node:sqlite, local file), subscribeToAll from 0',
        relay: `EventRelay, maxBatchSize ${maxBatchSize ?? 'default'}, readAhead ${readAhead ?? 'default'}, SqliteCheckpointStore`,
        bus: noKafka
          ? 'none: every publish accepted at once (--no-kafka)'
          : client === 'platformatic'
            ? `PlatformaticKafkaBus (@platformatic/kafka ${clientVersion('@platformatic/kafka')}): idempotent producer, acks=all, one request in flight per connection, requests of at most 1 MB, ${partitions} partitions, key = household id (Java murmur2)`
            : `KafkaBus (kafkajs ${clientVersion('kafkajs')}): idempotent producer, acks=all, maxInFlightRequests 1, requests of at most 1 MB, ${partitions} partitions, key = household id`,
      },
    };
  } finally {
    await bus.close();
    await store.close();
  }
}

serveOneTask({ seed, relay });
