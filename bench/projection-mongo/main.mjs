// bench/projection-mongo: rebuild of a read model from N events (default 1,000,000) into
// FerretDB (MONGODB_URL, or MONGODB_PG_URL with --backend=pg), events/s, with our ProjectionRunner and MongoReadStore and a
// household-summary projection. The events are seeded first into our SQLite event store (not
// a figure); the rebuild writes into a fresh database, dropped afterwards. No peer: the line
// carries the target and a profile of where the time went. The store cases (store-cases.mjs)
// measure MongoReadStore's writes and reads directly: first writes, rollup updates, getMany, find.
// Run through `npm run bench -- projection-mongo` (see bench/README.md).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildOursEnv,
  childRunner,
  listOf,
  machineLoad,
  parseOptions,
  positiveInt,
  reporter,
  serviceUrl,
} from '../event-store/harness.mjs';
import { EVENTS_PER_HOUSEHOLD, round } from '../event-store/workload.mjs';
import { runStoreCases, STORE_CASES } from './store-cases.mjs';

const BACKENDS = { sqlite: ['MONGODB_URL', 'ferretdb'], pg: ['MONGODB_PG_URL', 'ferretdb-pg'] };
const sizes = (value) => value.split(',').map(positiveInt);

const BENCH = 'projection-mongo';
const here = dirname(fileURLToPath(import.meta.url));
const { log, emit } = reporter(BENCH);

const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- projection-mongo [options]
Seeds N events (households of 20) into a SQLite event store, then rebuilds a household
summary read model with ProjectionRunner into a fresh FerretDB database (MONGODB_URL). The
store cases time MongoReadStore alone (bench/README.md).
Needs: bash infra/up.sh ferretdb (--backend=pg: bash infra/up.sh ferretdb-pg)`,
  {
    backend: {
      default: 'sqlite',
      parse: (v) => {
        if (!(v in BACKENDS)) throw new Error('sqlite or pg');
        return v;
      },
      help: 'FerretDB on SQLite (MONGODB_URL) or on PostgreSQL (MONGODB_PG_URL)',
    },
    cases: {
      default: ['rebuild', ...STORE_CASES],
      parse: listOf(['rebuild', ...STORE_CASES]),
      help: 'a subset of the cases',
    },
    docs: { default: 40_000, parse: positiveInt, help: 'bulk-insert: new documents per batch size' },
    'insert-batches': { default: [500, 2_000, 10_000], parse: sizes, help: 'bulk-insert: documents per applyBatch' },
    'rollup-events': {
      default: 50_000,
      parse: positiveInt,
      help: 'rollup: events per batch size, each updating 5 of ~40,000 tier documents',
    },
    'rollup-batches': { default: [100, 500, 2_000, 10_000], parse: sizes, help: 'rollup: events per applyBatch' },
    'budget-s': {
      default: 120,
      parse: positiveInt,
      help: 'a store case stops a size after this many seconds (a slow backend) and says so',
    },
    reads: { default: 50, parse: positiveInt, help: 'get-many, find-indexed: calls' },
    events: {
      default: 1_000_000,
      parse: positiveInt,
      help: 'events in the log (rounded down to whole households of 20)',
    },
    quick: { help: 'events ÷10 (a smoke run)' },
    'appends-per-household': {
      default: 1,
      parse: (v) => {
        const n = positiveInt(v);
        if (![1, 2, 4, 5, 10, 20].includes(n)) throw new Error('one of 1, 2, 4, 5, 10, 20');
        return n;
      },
      help: '1: a household’s 20 events adjacent in the log; more: spread over rounds, so documents are updated, not only inserted',
    },
    wave: {
      default: 1000,
      parse: positiveInt,
      help: 'households seeded together (their rounds interleave when appends-per-household > 1)',
    },
    'batch-events': { default: 500, parse: positiveInt, help: 'ProjectionRunner maxBatchEvents (its default is 500)' },
    'cpu-prof': { help: 'V8 CPU profile of the rebuild child in reports/cpu-prof/projection-mongo/' },
  },
);
const HOUSEHOLDS = Math.max(
  1,
  Math.floor((options.quick ? options.events / 10 : options.events) / EVENTS_PER_HOUSEHOLD),
);
const EVENTS = HOUSEHOLDS * EVENTS_PER_HOUSEHOLD;

const url = serviceUrl(...BACKENDS[options.backend]);
if (options.quick)
  for (const k of ['docs', 'rollup-events', 'reads']) options[k] = Math.max(1, Math.floor(options[k] / 10));
const runChild = childRunner({ bench: BENCH, log });
const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-projection-mongo-'));
let failed = false;

try {
  log(
    `${EVENTS.toLocaleString('en')} events (${HOUSEHOLDS.toLocaleString('en')} households × 20, ${options['appends-per-household']} append(s) each); ${process.version}; ${JSON.stringify(await machineLoad())}`,
  );
  const env = {
    ...process.env,
    ...buildOursEnv(
      ['@relapse-watch/event-store-sqlite', '@relapse-watch/read-store-core', '@relapse-watch/read-store-mongodb'],
      join(workDir, 'ours-build'),
      log,
    ),
  };
  if (options.cases.includes('rebuild')) await rebuildCase(env);
  const storeCases = options.cases.filter((c) => c !== 'rebuild');
  if (storeCases.length > 0) {
    const ok = await runStoreCases({
      here,
      runChild,
      env,
      url,
      backend: options.backend,
      cases: storeCases,
      o: options,
      emit,
      log,
    });
    if (!ok) failed = true;
  }
} catch (error) {
  failed = true;
  log(`FAILED: ${error.stack ?? error}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

/** The rebuild case: seeds the SQLite log, then rebuilds the household summary into FerretDB. */
async function rebuildCase(env) {
  const file = join(workDir, 'log', 'events.db');
  mkdirSync(dirname(file), { recursive: true });
  log('seeding the SQLite event store (not timed as a figure)');
  const seeded = await runChild(
    join(here, 'ours.mjs'),
    'seed',
    { file, households: HOUSEHOLDS, appendsPerHousehold: options['appends-per-household'], wave: options.wave },
    { env },
  );
  if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error}`);
  if (seeded.result.events !== EVENTS) throw new Error(`seeded ${seeded.result.events} events, expected ${EVENTS}`);
  log(`seeded in ${seeded.result.seconds} s; rebuilding into FerretDB`);
  const database = `bench_projection_${process.pid}`;
  const reply = await runChild(
    join(here, 'ours.mjs'),
    'rebuild',
    { file, url, database, total: EVENTS, households: HOUSEHOLDS, maxBatchEvents: options['batch-events'] },
    { env, cpuProf: options['cpu-prof'], timeoutMs: 3 * 3_600_000 },
  );
  if (!reply.ok) throw new Error(`rebuild failed: ${reply.error}`);
  const r = reply.result;
  if (!r.documentsOk || r.error) failed = true;
  const rate = round(r.events / r.seconds);
  log(`rebuilt ${r.events} events into ${r.documents} documents in ${round(r.seconds, 1)} s: ${rate} events/s`);
  emit({
    case: 'rebuild',
    backend: options.backend,
    unit: 'events/s',
    ours: rate,
    peer: null,
    ratio: null,
    target: 20_000,
    events: r.events,
    households: HOUSEHOLDS,
    appendsPerHousehold: options['appends-per-household'],
    seconds: round(r.seconds, 2),
    documents: r.documents,
    documentsOk: r.documentsOk,
    runnerStats: r.stats,
    runnerError: r.error,
    profile: r.profile,
    rssMB: r.rssMB,
    seedSeconds: seeded.result.seconds,
    setup: r.setup,
    load: await machineLoad(),
  });
}
