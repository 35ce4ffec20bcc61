// bench/kafka-clients: produce and consume throughput of kafkajs 2.2.4 (the client behind our
// KafkaBus; "ours" in the figures) and @platformatic/kafka 2.x (the peer), on the same broker,
// with the same messages, batches, acks=all and fetch limits. Each client runs in child
// processes of its own (kafkajs.mjs, platformatic.mjs), one after the other.
// Run through `npm run bench -- kafka-clients` (see bench/README.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  childRunner,
  ensurePeerInstalled,
  figures,
  kafkaAdmin,
  kafkaBrokers,
  listOf,
  machineLoad,
  parseOptions,
  positiveInt,
  prefixed,
  reporter,
  serviceUrls,
  SIDES,
} from '../event-store/harness.mjs';
import { round } from '../event-store/workload.mjs';

const BENCH = 'kafka-clients';
const here = dirname(fileURLToPath(import.meta.url));
const CASES = ['produce', 'consume'];
const { log, emit } = reporter(BENCH);

const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- kafka-clients [options]
ours = kafkajs 2.2.4 (workspace), peer = @platformatic/kafka (installed on demand in
bench/peers/platformatic-kafka). Each client produces N messages to a fresh topic of its own,
then a fresh consumer group reads them back from the beginning. Needs: bash infra/up.sh kafka`,
  {
    messages: { default: 200_000, parse: positiveInt, help: 'messages per client' },
    quick: { help: 'messages ÷10 (a smoke run)' },
    size: { default: 512, parse: positiveInt, help: 'value bytes per message (key: a 36-byte UUID)' },
    batch: { default: 500, parse: positiveInt, help: 'messages per send() call' },
    'in-flight': {
      default: 1,
      parse: positiveInt,
      help: 'send() calls pending at once (1: await each, as our KafkaBus does)',
    },
    partitions: { default: 3, parse: positiveInt, help: 'partitions of each fresh topic' },
    cases: { default: CASES, parse: listOf(CASES), help: 'produce, consume (consume needs produce)' },
    sides: { default: SIDES, parse: listOf(SIDES), help: 'ours (kafkajs), peer (@platformatic/kafka) or both' },
    'cpu-prof': { help: 'V8 CPU profiles of every child in reports/cpu-prof/kafka-clients/' },
  },
);
const MESSAGES = options.quick ? Math.max(1000, Math.round(options.messages / 10)) : options.messages;
// Both consumers get the same fetch limits (kafkajs' defaults for the sizes; a shorter wait).
const FETCH = { minBytes: 1, maxBytes: 10_485_760, maxBytesPerPartition: 1_048_576, maxWaitMs: 500 };
const SCRIPTS = { ours: join(here, 'kafkajs.mjs'), peer: join(here, 'platformatic.mjs') };

const brokers = kafkaBrokers(serviceUrls().KAFKA_URL);
const runChild = childRunner({ bench: BENCH, log });
const admin = kafkaAdmin(brokers, 'bench-kafka-clients-admin');
const stamp = `${Date.now()}-${process.pid}`;
const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-kafka-clients-'));
const topics = [];
let failed = false;

try {
  if (options.sides.includes('peer'))
    ensurePeerInstalled('platformatic-kafka', [join('@platformatic', 'kafka', 'package.json')], log);
  log(
    `${MESSAGES.toLocaleString('en')} messages of ${options.size} B per client, sends of ${options.batch}, ${options['in-flight']} in flight, ${options.partitions} partitions; ${process.version}; ${JSON.stringify(await machineLoad())}`,
  );
  await admin.connect();
  const results = { produce: {}, consume: {} };
  for (const side of options.sides) {
    const topic = `bench.kafka-clients.${side}.${stamp}`;
    topics.push(topic);
    await admin.createTopic(topic, options.partitions);
    const common = { brokers, topic, messages: MESSAGES };
    const produced = await task(side, 'produce', {
      ...common,
      size: options.size,
      batch: options.batch,
      inFlight: options['in-flight'],
    });
    if (produced) {
      produced.inTopic = await admin.recordsIn(topic);
      if (produced.inTopic !== MESSAGES) {
        log(`${side}: ${produced.inTopic} records in the topic, expected ${MESSAGES}`);
        failed = true;
      }
      results.produce[side] = produced;
    }
    if (options.cases.includes('consume') && produced) {
      results.consume[side] = await task(side, 'consume', {
        ...common,
        groupId: `bench-kafka-clients-${side}-${stamp}`,
        fetch: FETCH,
      });
    }
  }
  const rate = (r, seconds = 'seconds') => (r ? round(r.messages / r[seconds]) : null);
  const fields = (side, r, extra) =>
    r ? prefixed(side, { Seconds: round(r.seconds, 2), ...extra(r), RssMB: r.rssMB, Setup: r.setup }) : {};
  if (options.cases.includes('produce')) {
    const { ours, peer } = results.produce;
    emit({
      case: 'produce',
      unit: 'msgs/s',
      ...figures(rate, ours, peer),
      ours_is: 'kafkajs',
      messages: MESSAGES,
      valueBytes: options.size,
      batch: options.batch,
      inFlight: options['in-flight'],
      partitions: options.partitions,
      acks: 'all',
      ...fields('ours', ours, (r) => ({ InTopic: r.inTopic })),
      ...fields('peer', peer, (r) => ({ InTopic: r.inTopic })),
      load: await machineLoad(),
    });
  }
  if (options.cases.includes('consume')) {
    const { ours, peer } = results.consume;
    emit({
      case: 'consume',
      unit: 'msgs/s',
      ...figures(rate, ours, peer),
      note: 'from joining a fresh group to the last message; …SteadyMsgsPerSec from the first message on',
      ours_is: 'kafkajs',
      messages: MESSAGES,
      fetch: FETCH,
      ...fields('ours', ours, (r) => ({
        Messages: r.messages,
        FirstMessageSeconds: round(r.firstMessageSeconds, 2),
        SteadyMsgsPerSec: rate(r, 'steadySeconds'),
      })),
      ...fields('peer', peer, (r) => ({
        Messages: r.messages,
        FirstMessageSeconds: round(r.firstMessageSeconds, 2),
        SteadyMsgsPerSec: rate(r, 'steadySeconds'),
      })),
      load: await machineLoad(),
    });
  }
} catch (error) {
  failed = true;
  log(`FAILED: ${error.stack ?? error}`);
} finally {
  await admin.close(topics);
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

async function task(side, name, params) {
  const reply = await runChild(SCRIPTS[side], name, params, { timeoutMs: 600_000, cpuProf: options['cpu-prof'] });
  if (!reply.ok) {
    log(`${side} ${name} FAILED: ${reply.error}`);
    failed = true;
    return null;
  }
  const r = reply.result;
  log(
    `${side} ${name}: ${r.messages} messages in ${round(r.seconds, 2)} s (${round(r.messages / r.seconds)}/s), peak RSS ${r.rssMB} MB`,
  );
  return r;
}
