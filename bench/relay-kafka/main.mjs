// bench/relay-kafka: event store → Kafka with acks=all, events/s. Our EventRelay with the
// KafkaBus publisher (ours.mjs, a child process) side by side with Kafka's own Java
// ProducerPerformance on the same broker, same record count and value size. Run through
// `npm run bench -- relay-kafka` (see bench/README.md). stdout carries JSON lines only.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildOursEnv,
  childRunner,
  kafkaAdmin,
  kafkaBrokers,
  listOf,
  machineLoad,
  nonNegativeInt,
  parseOptions,
  positiveInt,
  ratio,
  reporter,
  root,
  serviceUrls,
  SIDES,
} from '../event-store/harness.mjs';
import { round } from '../event-store/workload.mjs';

const BENCH = 'relay-kafka';
const here = dirname(fileURLToPath(import.meta.url));
const { log, emit } = reporter(BENCH);

const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- relay-kafka [options]
Relays N events from a SQLite event store to a fresh Kafka topic (acks=all) with our
EventRelay + KafkaBus, then runs org.apache.kafka.tools.ProducerPerformance with the same
record count and value size on the same broker. Needs: bash infra/up.sh kafka`,
  {
    events: { default: 200_000, parse: positiveInt, help: 'events to relay (and records for ProducerPerformance)' },
    quick: { help: 'events ÷10 (a smoke run)' },
    partitions: { default: 3, parse: positiveInt, help: 'partitions of both fresh topics (KafkaBus default is 3)' },
    'relay-batch': { default: 500, parse: positiveInt, help: 'EventRelay maxBatchSize (its default is 500)' },
    'read-ahead': {
      parse: nonNegativeInt,
      help: 'EventRelay readAhead: batches read and mapped while one is published (default: the relay default, 2; 0 = none)',
    },
    'record-size': {
      parse: positiveInt,
      help: 'ProducerPerformance --record-size in bytes (default: the average CloudEvent value our relay sends)',
    },
    sides: { default: SIDES, parse: listOf(SIDES), help: 'ours, peer or both' },
    client: {
      default: 'platformatic',
      parse: (value) => {
        if (value !== 'kafkajs' && value !== 'platformatic') throw new Error('--client is kafkajs or platformatic');
        return value;
      },
      help: 'Kafka client of our bus: platformatic (PlatformaticKafkaBus, @platformatic/kafka, the runtime default) or kafkajs (KafkaBus)',
    },
    'no-kafka': {
      help: "ours only, with a bus that accepts every publish at once: the relay's own cost (read, map, checkpoint) without Kafka; not a figure against the targets",
    },
    'keep-topics': { help: 'do not delete the two topics afterwards' },
    'cpu-prof': { help: 'V8 CPU profile of our relay child in reports/cpu-prof/relay-kafka/' },
  },
);
const EVENTS = options.quick ? Math.max(1000, Math.round(options.events / 10)) : options.events;

const brokers = kafkaBrokers(serviceUrls().KAFKA_URL);
const kafkaLibs = join(root, 'infra', '.cache', 'kafka', 'libs');
const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-relay-kafka-'));
const runChild = childRunner({ bench: BENCH, log });
const admin = kafkaAdmin(brokers, 'bench-relay-kafka-admin');
const stamp = `${Date.now()}-${process.pid}`;
const topics = { ours: `bench.relay-kafka.ours.${stamp}`, peer: `bench.relay-kafka.peer.${stamp}` };
let failed = false;

try {
  log(
    `${EVENTS.toLocaleString('en')} events, ${options.partitions} partitions, client ${options.client}, brokers ${brokers.join(',')}; ${process.version}; work dir ${workDir}; ${JSON.stringify(await machineLoad())}`,
  );
  await admin.connect();
  const env = {
    ...process.env,
    ...buildOursEnv(
      ['@relapse-watch/event-store-sqlite', '@relapse-watch/messaging-core', '@relapse-watch/messaging-kafka'],
      join(workDir, 'ours-build'),
      log,
    ),
  };

  // The source log and the message size: seeding is not a figure.
  const file = join(workDir, 'source', 'events.db');
  mkdirSync(dirname(file), { recursive: true });
  log(`seeding ${EVENTS.toLocaleString('en')} events into ${file} (not timed as a figure)`);
  const seeded = await runChild(join(here, 'ours.mjs'), 'seed', { file, events: EVENTS, inFlight: 1000 }, { env });
  if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error}`);
  const sizes = seeded.result;
  log(
    `seeded in ${sizes.seconds} s; our messages: value ${sizes.valueBytes} B (CloudEvent JSON), key ${sizes.keyBytes} B, headers ${sizes.headerBytes} B`,
  );
  const recordSize = options['record-size'] ?? sizes.valueBytes;

  let ours = null;
  if (options.sides.includes('ours')) {
    await admin.createTopic(topics.ours, options.partitions);
    log(`ours: relaying to ${topics.ours}`);
    const reply = await runChild(
      join(here, 'ours.mjs'),
      'relay',
      {
        file,
        checkpointFile: join(workDir, 'source', 'checkpoints.db'),
        total: EVENTS,
        brokers,
        partitions: options.partitions,
        topic: topics.ours,
        maxBatchSize: options['relay-batch'],
        readAhead: options['read-ahead'],
        noKafka: !!options['no-kafka'],
        client: options.client,
      },
      { env, cpuProf: options['cpu-prof'] },
    );
    if (!reply.ok) {
      failed = true;
      log(`ours FAILED: ${reply.error}`);
    } else {
      ours = reply.result;
      ours.inTopic = options['no-kafka'] ? null : await admin.recordsIn(topics.ours);
      if (
        ours.events !== EVENTS ||
        (!options['no-kafka'] && ours.inTopic < EVENTS) ||
        Object.keys(ours.errors).length > 0
      )
        failed = true;
      log(
        `ours: ${ours.events} events acknowledged in ${round(ours.seconds, 2)} s, ${ours.inTopic} records in the topic, ${ours.batches} batches, errors ${JSON.stringify(ours.errors)}`,
      );
    }
  }

  let peer = null;
  if (options.sides.includes('peer') && !options['no-kafka']) {
    await admin.createTopic(topics.peer, options.partitions);
    log(`peer: ProducerPerformance, ${EVENTS} records of ${recordSize} B to ${topics.peer}`);
    peer = await producerPerformance(topics.peer, EVENTS, recordSize);
    if (peer.error) {
      failed = true;
      log(`peer FAILED: ${peer.error}`);
    } else {
      peer.inTopic = await admin.recordsIn(topics.peer);
      log(`peer: ${peer.summary}`);
    }
  }

  const oursRate = ours ? round(ours.events / ours.seconds) : null;
  const peerRate = peer && !peer.error ? peer.recordsPerSec : null;
  emit({
    case: options['no-kafka'] ? 'relay-without-kafka' : 'relay-to-kafka',
    unit: 'events/s',
    ours: oursRate,
    peer: peerRate,
    ratio: ratio(oursRate, peerRate),
    events: EVENTS,
    partitions: options.partitions,
    client: options.client,
    acks: 'all',
    source: 'SQLite event store (embedded file), to isolate Kafka',
    valueBytes: sizes.valueBytes,
    peerRecordBytes: recordSize,
    ...(ours
      ? {
          oursSeconds: round(ours.seconds, 2),
          oursBatches: ours.batches,
          oursInTopic: ours.inTopic,
          oursErrors: ours.errors,
          oursProfile: ours.profile,
          oursRssMB: ours.rssMB,
          oursKeyBytes: sizes.keyBytes,
          oursHeaderBytes: sizes.headerBytes,
          oursSetup: ours.setup,
        }
      : {}),
    ...(peer
      ? {
          peerSummary: peer.summary ?? null,
          peerAvgLatencyMs: peer.avgLatencyMs ?? null,
          peerMaxLatencyMs: peer.maxLatencyMs ?? null,
          peerInTopic: peer.inTopic ?? null,
          peerSetup: peer.setup,
        }
      : {}),
    targets: { eventsPerSec: 50_000, ratioVsProducerPerformance: 0.5 },
    load: await machineLoad(),
  });
} catch (error) {
  failed = true;
  log(`FAILED: ${error.stack ?? error}`);
} finally {
  await admin.close(options['keep-topics'] ? [] : Object.values(topics));
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

/**
 * Kafka's own producer benchmark from the kafka-tools jar that infra/kafka/install.sh put in
 * infra/.cache/kafka/libs. Its last line is the summary:
 * `N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, …`.
 */
function producerPerformance(topic, records, recordSize) {
  if (!existsSync(kafkaLibs) || !readdirSync(kafkaLibs).some((f) => /^kafka-tools-\d.*\.jar$/.test(f))) {
    return Promise.resolve({ error: `no kafka-tools jar in ${kafkaLibs} (run bash infra/up.sh kafka)` });
  }
  const version = readdirSync(kafkaLibs)
    .find((f) => /^kafka-tools-\d.*\.jar$/.test(f))
    .replace(/^kafka-tools-|\.jar$/g, '');
  const props = ['acks=all', `bootstrap.servers=${brokers.join(',')}`];
  const args = [
    '-Xmx512m',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(root, 'infra', 'kafka', 'tools-log4j2.properties')}`,
    '-cp',
    `${kafkaLibs}/*`,
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    topic,
    '--num-records',
    String(records),
    '--record-size',
    String(recordSize),
    '--throughput',
    '-1',
    '--producer-props',
    ...props,
  ];
  return new Promise((resolvePromise) => {
    const child = spawn('java', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => resolvePromise({ error: `java: ${error.message}` }));
    child.on('exit', (code) => {
      const lines = out.trim().split('\n');
      const summary = lines.reverse().find((l) => /records sent, .* records\/sec/.test(l));
      const m =
        summary &&
        /^(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency/.exec(
          summary.trim(),
        );
      if (code !== 0 || !m)
        return resolvePromise({ error: `ProducerPerformance exited ${code} without a summary line` });
      resolvePromise({
        records: Number(m[1]),
        recordsPerSec: round(Number(m[2])),
        mbPerSec: Number(m[3]),
        avgLatencyMs: Number(m[4]),
        maxLatencyMs: Number(m[5]),
        summary: summary.trim(),
        setup: {
          tool: `org.apache.kafka.tools.ProducerPerformance (kafka-tools ${version})`,
          args: `--num-records ${records} --record-size ${recordSize} --throughput -1 --producer-props ${props.join(' ')}`,
          note: 'its producer defaults otherwise (idempotent, batch.size 16384, linger.ms 5, max.in.flight 5); records without keys, random bytes',
        },
      });
    });
  });
}
