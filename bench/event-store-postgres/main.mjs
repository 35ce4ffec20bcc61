// bench/event-store-postgres: our PostgreSQL event store side by side with
// @event-driven-io/emmett-postgresql 0.42.0, case by case, on the local PostgreSQL. The cases
// and the events are bench/event-store's (workload.mjs). Every measurement runs in a child
// process of its own (ours.mjs or peer.mjs) on a fresh database that this script creates and
// drops; the two sides never run at the same time. Run through
// `npm run bench -- event-store-postgres` (see bench/README.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import {
  buildOursEnv,
  childRunner,
  ensurePeerInstalled,
  errorCount,
  figures,
  lostAppends,
  machineLoad,
  parseOptions,
  peakRssLine,
  positiveInt,
  reporter,
  requireWorkspace,
  scaledBy,
  serviceUrl,
  sideFields as sharedSideFields,
  storeBenchOptions,
  takeResult,
} from '../event-store/harness.mjs';
import { payloadBytes, round } from '../event-store/workload.mjs';

const BENCH = 'event-store-postgres';
const here = dirname(fileURLToPath(import.meta.url));
const { log, emit } = reporter(BENCH);

const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- event-store-postgres [options]
ours = @relapse-watch/event-store-postgres, peer = @event-driven-io/emmett-postgresql 0.42.0
(installed on demand in bench/peers/emmett-postgresql), each case on a fresh database of
POSTGRES_URL. Needs: bash infra/up.sh postgres`,
  {
    ...storeBenchOptions(),
    'seed-in-flight': {
      default: 1,
      parse: positiveInt,
      help: 'appends in flight while seeding the read cases’ log; above 1 the peer reads back duplicates and misses events (see bench/README.md)',
    },
    'pool-size': {
      default: 10,
      parse: positiveInt,
      help: 'our store’s pool (its default; the peer’s pg pool default is 10 too)',
    },
    'cpu-prof': { help: 'V8 CPU profiles of our children in reports/cpu-prof/event-store-postgres/' },
  },
);
const S = options.quick ? 0.1 : options.scale;
const scaled = scaledBy(S);

// Counts at scale 1: both sides about 10-30 s per case on a 2-core machine.
const PLAN = {
  batch: { writers: 8, eventsPerAppend: 100, oursEvents: scaled(100_000, 800), peerEvents: scaled(100_000, 800) },
  single: { writers: 64, oursAppends: scaled(19_200, 64), peerAppends: scaled(12_800, 64) },
  log: { streams: scaled(10_000, 10), eventsPerStream: 20, inFlight: options['seed-in-flight'] },
  read: { peerBatchSize: 1_000 },
  catchUp: { peerPulling: { batchSize: 1_000, pullingFrequencyInMs: 0 } },
};
const LOG_EVENTS = PLAN.log.streams * PLAN.log.eventsPerStream;

const adminUrl = serviceUrl('POSTGRES_URL', 'postgres');
const { Client } = requireWorkspace('pg');
const runChild = childRunner({ bench: BENCH, log });
const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-event-store-postgres-'));
const databases = new Set();
const peakRss = { ours: null, peer: null };
let oursEnv = {};
let failed = false;
let serverVersion = null;

try {
  if (options.sides.includes('peer'))
    ensurePeerInstalled('emmett-postgresql', [join('@event-driven-io', 'emmett-postgresql', 'package.json')], log);
  serverVersion = (await sql(adminUrl, 'SHOW server_version'))[0].server_version;
  log(`scale ${S}; PostgreSQL ${serverVersion}; ${process.version}; ${JSON.stringify(await machineLoad())}`);
  if (options.sides.includes('ours'))
    oursEnv = buildOursEnv(['@relapse-watch/event-store-postgres'], join(workDir, 'ours-build'), log);
  const seeded = {};
  for (const name of options.cases) {
    if (name === 'append-batch-100')
      await appendCase(
        name,
        PLAN.batch.writers,
        PLAN.batch.eventsPerAppend,
        PLAN.batch.oursEvents / PLAN.batch.eventsPerAppend,
        PLAN.batch.peerEvents / PLAN.batch.eventsPerAppend,
      );
    if (name === 'append-single-64w')
      await appendCase(name, PLAN.single.writers, 1, PLAN.single.oursAppends, PLAN.single.peerAppends);
    if (name === 'read-all') await readCase(name, seeded);
    if (name === 'catch-up') await readCase(name, seeded);
  }
  emit(peakRssLine(peakRss));
} catch (error) {
  failed = true;
  log(`FAILED: ${error.stack ?? error}`);
} finally {
  for (const db of databases) await dropDatabase(db).catch((error) => log(`could not drop ${db}: ${error.message}`));
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

async function appendCase(name, writers, eventsPerAppend, oursAppends, peerAppends) {
  const results = {};
  for (const [side, appends] of [
    ['ours', oursAppends],
    ['peer', peerAppends],
  ]) {
    if (!options.sides.includes(side)) continue;
    const db = await freshDatabase(`${side}_${name}`);
    results[side] = await measure(side, 'appendToNewStreams', {
      url: db.url,
      writers,
      perWriter: appends / writers,
      eventsPerAppend,
    });
    if (results[side]) results[side].stored = await storedEvents(side, db.url);
    const lost = side === 'ours' && results[side] ? lostAppends(results[side], eventsPerAppend) : null;
    if (lost) {
      log(`ours: ${lost}`);
      failed = true;
    }
    await dropDatabase(db.name);
  }
  const rate = (r) => (r ? round((r.ok * eventsPerAppend) / r.seconds) : null);
  const pick = (r) => ({
    Events: r.ok * eventsPerAppend,
    Stored: r.stored,
    Errors: errorCount(r),
    ErrorCodes: r.errors,
    P50Ms: r.latencyMs.p50,
    P99Ms: r.latencyMs.p99,
    MaxMs: r.latencyMs.max,
  });
  emit({
    case: name,
    unit: eventsPerAppend === 1 ? 'appends/s' : 'events/s',
    ...figures(rate, results.ours, results.peer),
    writers,
    eventsPerAppend,
    payloadBytes: payloadBytes(),
    ...sideFields('ours', results.ours, pick),
    ...sideFields('peer', results.peer, pick),
    durability: 'synchronous_commit=on (server default) on both sides',
    postgres: serverVersion,
  });
}

/** Seeds one side's log once (read-all and catch-up share it), in a database kept for both cases. */
async function seededLog(seeded, side) {
  if (seeded[side]) return seeded[side];
  const db = await freshDatabase(`${side}_log`);
  // Seeding is not a figure: no fsync per commit while it runs; reset before reading.
  await sql(adminUrl, `ALTER DATABASE ${db.name} SET synchronous_commit = off`);
  log(
    `${side}: seeding ${LOG_EVENTS.toLocaleString('en')} events (${PLAN.log.streams.toLocaleString('en')} streams × ${PLAN.log.eventsPerStream}); not timed as a figure`,
  );
  const reply = await runSide(side, 'seed', {
    url: db.url,
    streams: PLAN.log.streams,
    eventsPerStream: PLAN.log.eventsPerStream,
    inFlight: PLAN.log.inFlight,
  });
  if (!reply.ok) throw new Error(`${side} seeding failed: ${reply.error}`);
  await sql(adminUrl, `ALTER DATABASE ${db.name} RESET synchronous_commit`);
  const stored = await storedEvents(side, db.url);
  if (stored !== LOG_EVENTS) throw new Error(`${side} seeding stored ${stored} events, expected ${LOG_EVENTS}`);
  log(`${side}: seeded in ${reply.result.seconds} s`);
  seeded[side] = { ...db, seconds: reply.result.seconds };
  return seeded[side];
}

async function readCase(name, seeded) {
  const results = {};
  for (const side of options.sides) {
    const { url } = await seededLog(seeded, side);
    if (name === 'read-all')
      results[side] = await measure(side, 'readAll', { url, total: LOG_EVENTS, batchSize: PLAN.read.peerBatchSize });
    else
      results[side] = await measure(
        side,
        'catchUp',
        side === 'ours' ? { url, total: LOG_EVENTS } : { url, limit: LOG_EVENTS, pulling: PLAN.catchUp.peerPulling },
      );
  }
  const rate = (r) => (r ? round(r.events / r.seconds) : null);
  const pick = (r) => ({ Events: r.events, ChecksumOk: r.checksumOk });
  emit({
    case: name,
    unit: 'events/s',
    ...figures(rate, results.ours, results.peer),
    events: LOG_EVENTS,
    streams: PLAN.log.streams,
    ...sideFields('ours', results.ours, (r) => ({ ...pick(r), SeedSeconds: seeded.ours?.seconds })),
    ...sideFields('peer', results.peer, (r) => ({ ...pick(r), SeedSeconds: seeded.peer?.seconds })),
    postgres: serverVersion,
  });
}

/** One task of one side (ours.mjs or peer.mjs) in a child of its own, with the pool size. */
function runSide(side, task, params, { cpuProf = false } = {}) {
  const env = side === 'ours' ? { ...process.env, ...oursEnv } : process.env;
  return runChild(
    join(here, `${side}.mjs`),
    task,
    { poolSize: options['pool-size'], ...params },
    { env, cpuProf, label: `${side} ${task}` },
  );
}

async function measure(side, task, params) {
  const reply = await runSide(side, task, params, { cpuProf: options['cpu-prof'] && side === 'ours' });
  return takeResult(side, task, reply, { log, peakRss, onFailure: () => (failed = true) });
}

/** One side's fields of a line (harness.mjs `sideFields`), with its seconds after the picked ones. */
function sideFields(side, result, pick) {
  return sharedSideFields(options.sides, side, result, (r) => ({ ...pick(r), Seconds: round(r.seconds, 2) }));
}

async function sql(url, text) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function freshDatabase(label) {
  const name = `bench_esp_${label.replace(/[^a-z0-9]+/g, '_')}_${process.pid}`;
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(adminUrl, `CREATE DATABASE ${name}`);
  databases.add(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropDatabase(name) {
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  databases.delete(name);
}

async function storedEvents(side, url) {
  const rows = await sql(
    url,
    side === 'ours'
      ? 'SELECT count(*)::int AS n FROM event_store.events'
      : 'SELECT count(*)::int AS n FROM emt_messages',
  );
  return rows[0].n;
}
