// bench/event-store: our embedded SQLite event store side by side with
// @event-driven-io/emmett-sqlite, case by case. Run through `npm run bench -- event-store`
// (see bench/README.md). Every measurement runs in a child process of its own — ours.mjs or
// peer.mjs — so peak RSS and warm caches belong to one side; the two sides never run at
// the same time. stdout carries JSON lines only; progress goes to stderr.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildOursEnv,
  childRunner,
  ensurePeerInstalled,
  errorCount,
  figures,
  lostAppends,
  parseOptions,
  peakRssLine,
  reporter,
  scaledBy,
  sideFields,
  storeBenchOptions,
  takeResult,
} from './harness.mjs';
import { payloadBytes, round } from './workload.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BENCH = 'event-store';
const { log, emit } = reporter(BENCH);

const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- event-store [--quick] [--scale=N] [--cases=a,b] [--sides=ours,peer] [--cpu-prof]
ours = @relapse-watch/event-store-sqlite, peer = @event-driven-io/emmett-sqlite 0.42.4
(installed on demand in bench/peers/emmett-sqlite), each case on a fresh temporary folder`,
  {
    ...storeBenchOptions(),
    'cpu-prof': { help: 'write V8 CPU profiles of our side’s children to reports/cpu-prof/event-store/' },
  },
);
const S = options.quick ? 0.1 : options.scale;
const scaled = scaledBy(S);

// Counts at scale 1 keep a whole run near 6½ minutes on a busy 2-core machine (two thirds
// of it the peer's seeding and tuned catch-up); the peer gets smaller counts where it is
// one or two orders of magnitude slower (both are reported).
const PLAN = {
  batch: { writers: 8, eventsPerAppend: 100, oursEvents: scaled(400_000, 800), peerEvents: scaled(100_000, 800) },
  single: {
    writers: 64,
    oursAppends: scaled(200_000, 64),
    peerAppends: scaled(20_000, 64),
    peerDefaultAppends: scaled(6_400, 64),
    peerDefaultSeconds: Math.max(10, Math.round(20 * S)),
  },
  log: { streams: scaled(50_000, 10), eventsPerStream: 20, oursInFlight: 1_000 },
  read: { peerBatchSize: 1_000 },
  catchUp: { peerDefaultLimit: scaled(20_000, 100), peerTuned: { batchSize: 2_000, pullingFrequencyInMs: 0 } },
};
const LOG_EVENTS = PLAN.log.streams * PLAN.log.eventsPerStream;

const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-event-store-'));
const runChild = childRunner({ bench: BENCH, log, onSignal: () => rmSync(workDir, { recursive: true, force: true }) });
const peakRss = { ours: null, peer: null };
let oursEnv = {};
// A failed measurement, or an error from our store, still prints its line and makes the
// run exit 1 at the end.
let failed = false;

try {
  // The peer's sqlite3 builds from source against N-API, so the addon loads on Node 24 too.
  // --legacy-peer-deps: emmett-sqlite 0.42.4 asks for an emmett the registry does not have.
  if (options.sides.includes('peer')) {
    ensurePeerInstalled(
      'emmett-sqlite',
      [
        join('@event-driven-io', 'emmett-sqlite', 'package.json'),
        join('sqlite3', 'build', 'Release', 'node_sqlite3.node'),
      ],
      log,
      { npmArgs: ['--legacy-peer-deps'], note: 'builds sqlite3 from source, about a minute' },
    );
  }
  log(`scale ${S}; work dir ${workDir}; ${process.version}`);
  // BENCH_OURS_ROOT: another checkout whose libs/ to build ours from (to compare versions).
  if (options.sides.includes('ours'))
    oursEnv = buildOursEnv(['@relapse-watch/event-store-sqlite'], join(workDir, 'ours-build'), log);
  const seeded = {};
  for (const name of options.cases) {
    if (name === 'append-batch-100') await appendBatch();
    if (name === 'append-single-64w') await appendSingle();
    if (name === 'read-all') await readAll(seeded);
    if (name === 'catch-up') await catchUp(seeded);
  }
  emit(peakRssLine(peakRss));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

async function appendBatch() {
  const { writers, eventsPerAppend } = PLAN.batch;
  const task = (events, extra = {}) => ({
    writers,
    perWriter: events / eventsPerAppend / writers,
    eventsPerAppend,
    ...extra,
  });
  const ours = await measure('ours', 'appendToNewStreams', task(PLAN.batch.oursEvents));
  const peer = await measure('peer', 'appendToNewStreams', task(PLAN.batch.peerEvents, { setup: 'mutex' }));
  const rate = (r) => (r ? round((r.ok * eventsPerAppend) / r.seconds) : null);
  emit({
    case: 'append-batch-100',
    unit: 'events/s',
    ...figures(rate, ours, peer),
    writers,
    eventsPerAppend,
    payloadBytes: payloadBytes(),
    ...sideFields(options.sides, 'ours', ours, (r) => ({
      Events: r.ok * eventsPerAppend,
      Stored: r.stored,
      Errors: errorCount(r),
      AppendP99Ms: r.latencyMs.p99,
    })),
    ...sideFields(options.sides, 'peer', peer, (r) => ({
      Events: r.ok * eventsPerAppend,
      Stored: r.stored,
      Errors: errorCount(r),
      AppendP99Ms: r.latencyMs.p99,
    })),
  });
}

async function appendSingle() {
  const { writers } = PLAN.single;
  const task = (appends, extra = {}) => ({ writers, perWriter: appends / writers, eventsPerAppend: 1, ...extra });
  const rate = (r) => (r ? round(r.ok / r.seconds) : null);
  const ours = await measure('ours', 'appendToNewStreams', task(PLAN.single.oursAppends));
  const peer = await measure('peer', 'appendToNewStreams', task(PLAN.single.peerAppends, { setup: 'mutex' }));
  // The peer's documented default setup, guarded: its own child with its own timeout, so a
  // crash or a hang costs this sub-run only. It stalls under this load, so it runs for a
  // fixed time: appends stop starting after peerDefaultSeconds, and those still in flight
  // 20 s later are reported as pending.
  let peerDefault = null;
  if (options.sides.includes('peer')) {
    const seconds = PLAN.single.peerDefaultSeconds;
    log(`peer default setup under ${writers} writers: guarded sub-run of ${seconds} s`);
    const dir = caseDir('peer-default');
    const reply = await runSide(
      'peer',
      'appendToNewStreams',
      task(PLAN.single.peerDefaultAppends, {
        setup: 'default',
        dir,
        stopAfterMs: seconds * 1000,
        abandonAfterMs: (seconds + 20) * 1000,
      }),
      (seconds + 60) * 1000,
    );
    rmSync(dir, { recursive: true, force: true });
    const d = reply.ok ? reply.result : null;
    if (d)
      log(
        `peer default: ${d.ok}/${d.attempted} ok, ${d.pending} pending, errors ${JSON.stringify(d.errors)}, logged root causes ${JSON.stringify(d.rootCauses)}, uncaught ${JSON.stringify(d.uncaught)}`,
      );
    else log(`peer default: ${reply.error}`);
    peerDefault = d
      ? {
          attempted: d.attempted,
          ok: d.ok,
          pending: d.pending,
          stored: d.stored,
          errors: errorCount(d),
          errorCodes: d.errors,
          rootCauses: d.rootCauses,
          uncaught: d.uncaught,
          appendsPerSec: round(d.ok / d.seconds, 2),
          p99Ms: d.latencyMs.p99,
          seconds: round(d.seconds, 1),
          setup: d.setup,
        }
      : { error: reply.error };
  }
  emit({
    case: 'append-single-64w',
    unit: 'appends/s',
    ...figures(rate, ours, peer),
    writers,
    payloadBytes: payloadBytes(),
    ...sideFields(options.sides, 'ours', ours, (r) => ({
      Appends: r.ok,
      Stored: r.stored,
      P50Ms: r.latencyMs.p50,
      P99Ms: r.latencyMs.p99,
      MaxMs: r.latencyMs.max,
      BusyOrErrors: errorCount(r),
      ErrorCodes: r.errors,
    })),
    ...sideFields(options.sides, 'peer', peer, (r) => ({
      Appends: r.ok,
      Stored: r.stored,
      P50Ms: r.latencyMs.p50,
      P99Ms: r.latencyMs.p99,
      MaxMs: r.latencyMs.max,
      BusyOrErrors: errorCount(r),
      ErrorCodes: r.errors,
    })),
    ...(peerDefault ? { peerDefault } : {}),
  });
}

/** Seeds the 1M-event log of one side once (read-all and catch-up share it). */
async function seededLog(seeded, side) {
  if (seeded[side]) return seeded[side];
  const file = join(workDir, `log-${side}`, `${side}.db`);
  mkdirSync(dirname(file), { recursive: true });
  log(
    `${side}: seeding ${LOG_EVENTS.toLocaleString('en')} events (${PLAN.log.streams.toLocaleString('en')} streams × ${PLAN.log.eventsPerStream}); not timed as a figure`,
  );
  const reply = await runSide(
    side,
    'seed',
    { file, streams: PLAN.log.streams, eventsPerStream: PLAN.log.eventsPerStream, inFlight: PLAN.log.oursInFlight },
    1_800_000,
  );
  if (!reply.ok) throw new Error(`${side} seeding failed: ${reply.error}`);
  if (reply.result.events !== LOG_EVENTS)
    throw new Error(`${side} seeding stored ${reply.result.events} events, expected ${LOG_EVENTS}`);
  log(`${side}: seeded in ${reply.result.seconds} s`);
  seeded[side] = { file, seconds: reply.result.seconds };
  return seeded[side];
}

async function readAll(seeded) {
  const results = {};
  for (const side of options.sides) {
    const { file } = await seededLog(seeded, side);
    results[side] = await measure(
      side,
      'readAll',
      { file, total: LOG_EVENTS, batchSize: PLAN.read.peerBatchSize },
      false,
    );
  }
  const rate = (r) => (r ? round(r.events / r.seconds) : null);
  emit({
    case: 'read-all',
    unit: 'events/s',
    ...figures(rate, results.ours, results.peer),
    events: LOG_EVENTS,
    streams: PLAN.log.streams,
    ...sideFields(options.sides, 'ours', results.ours, (r) => ({
      ChecksumOk: r.checksumOk,
      DbMB: r.dbMB,
      SeedSeconds: seeded.ours?.seconds,
    })),
    ...sideFields(options.sides, 'peer', results.peer, (r) => ({
      ChecksumOk: r.checksumOk,
      DbMB: r.dbMB,
      SeedSeconds: seeded.peer?.seconds,
    })),
  });
}

async function catchUp(seeded) {
  let ours = null;
  let peerDefault = null;
  let peer = null;
  if (options.sides.includes('ours')) {
    const { file } = await seededLog(seeded, 'ours');
    ours = await measure('ours', 'catchUp', { file, total: LOG_EVENTS }, false);
  }
  if (options.sides.includes('peer')) {
    const { file } = await seededLog(seeded, 'peer');
    // At its defaults the peer pauses 50 ms per 100 events: over the whole log that would
    // take ten minutes, so the default run starts from zero and stops after its own limit
    // (reported). The tuned run covers the whole log, as ours does.
    peerDefault = await measure(
      'peer',
      'catchUp',
      { file, limit: PLAN.catchUp.peerDefaultLimit, setup: 'default' },
      false,
    );
    peer = await measure(
      'peer',
      'catchUp',
      { file, limit: LOG_EVENTS, setup: 'tuned', pulling: PLAN.catchUp.peerTuned },
      false,
    );
  }
  const rate = (r) => (r ? round(r.events / r.seconds) : null);
  emit({
    case: 'catch-up',
    unit: 'events/s',
    ...figures(rate, ours, peer),
    ratioVs: 'peer tuned',
    ...sideFields(options.sides, 'ours', ours, (r) => ({ Events: r.events, ChecksumOk: r.checksumOk })),
    ...sideFields(options.sides, 'peer', peer, (r) => ({ Events: r.events, ChecksumOk: r.checksumOk })),
    peerDefault: peerDefault
      ? {
          eventsPerSec: rate(peerDefault),
          events: peerDefault.events,
          checksumOk: peerDefault.checksumOk,
          setup: peerDefault.setup,
        }
      : null,
  });
}

/**
 * Runs one measured task of one side in a fresh child and folds its peak RSS into the
 * side's. Returns the result, or null when the side is not selected or failed (logged).
 */
async function measure(side, task, params, ownDir = true) {
  if (!options.sides.includes(side)) return null;
  const dir = ownDir ? caseDir(`${side}-${task}`) : undefined;
  const reply = await runSide(side, task, { ...params, ...(dir ? { dir } : {}) }, 1_800_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
  const r = takeResult(side, task, reply, { log, peakRss, onFailure: () => (failed = true) });
  const lost = side === 'ours' && r?.attempted !== undefined ? lostAppends(r, params.eventsPerAppend) : null;
  if (lost) {
    log(`ours ${task}: ${lost}`);
    failed = true;
  }
  return r;
}

function caseDir(name) {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One task of one side (ours.mjs or peer.mjs) in a child of its own. */
function runSide(side, task, params, timeoutMs) {
  const env = side === 'ours' ? { ...process.env, ...oursEnv } : process.env;
  return runChild(join(here, `${side}.mjs`), task, params, {
    env,
    timeoutMs,
    cpuProf: options['cpu-prof'] && side === 'ours',
    label: `${side} ${task}`,
  });
}
