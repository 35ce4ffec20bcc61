// bench/event-store: our embedded SQLite event store side by side with
// @event-driven-io/emmett-sqlite, case by case. Run through `npm run bench -- event-store`
// (see bench/README.md). Every measurement runs in a child process of its own — ours.mjs or
// peer.mjs — so peak RSS and warm caches belong to one side; the two sides never run at
// the same time. stdout carries JSON lines only; progress goes to stderr.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { buildOurs } from './build-ours.mjs';
import { payloadBytes, round } from './workload.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const peerDir = resolve(here, '..', 'peers', 'emmett-sqlite');
const BENCH = 'event-store';
const CASES = ['append-batch-100', 'append-single-64w', 'read-all', 'catch-up'];
const SIDES = ['ours', 'peer'];

const USAGE = `usage: npm run bench -- event-store [--quick] [--scale=N] [--cases=a,b] [--sides=ours,peer] [--cpu-prof]
  --quick        all counts ÷10 (same as BENCH_SCALE=0.1): a smoke run
  --scale=N      multiply all counts by N (default BENCH_SCALE or 1)
  --cases=…      a subset of: ${CASES.join(', ')}
  --sides=…      ours, peer or both (default both)
  --cpu-prof     write V8 CPU profiles of our side's children to reports/cpu-prof/event-store/`;

const options = parseOptions(process.argv.slice(2));
const S = options.scale;

/** Rounds `full × scale` to a positive multiple of `multiple`. */
function scaled(full, multiple = 1) {
  return Math.max(multiple, Math.round((full * S) / multiple) * multiple);
}

// Counts at scale 1 keep a whole run near 6½ minutes on a busy 2-core machine (two thirds
// of it the peer's seeding and tuned catch-up); the peer gets smaller counts where it is
// one or two orders of magnitude slower (both are reported).
const PLAN = {
  batch: { writers: 8, eventsPerAppend: 100, oursEvents: scaled(400_000, 800), peerEvents: scaled(100_000, 800) },
  single: { writers: 64, oursAppends: scaled(200_000, 64), peerAppends: scaled(20_000, 64), peerDefaultAppends: scaled(6_400, 64), peerDefaultSeconds: Math.max(10, Math.round(20 * S)) },
  log: { streams: scaled(50_000, 10), eventsPerStream: 20, oursInFlight: 1_000 },
  read: { peerBatchSize: 1_000 },
  catchUp: { peerDefaultLimit: scaled(20_000, 100), peerTuned: { batchSize: 2_000, pullingFrequencyInMs: 0 } },
};
const LOG_EVENTS = PLAN.log.streams * PLAN.log.eventsPerStream;

const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-event-store-'));
const children = new Set();
const peakRss = { ours: null, peer: null };
let oursEnv = {};
// A failed measurement, or an error from our store, still prints its line and makes the
// run exit 1 at the end.
let failed = false;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

try {
  if (options.sides.includes('peer')) ensurePeerInstalled();
  log(`scale ${S}; work dir ${workDir}; ${process.version}`);
  if (options.sides.includes('ours')) {
    // BENCH_OURS_ROOT: another checkout whose libs/ to build ours from (to compare versions).
    const sourceRoot = resolve(process.env.BENCH_OURS_ROOT || root);
    const built = buildOurs({ sourceRoot, workspaceRoot: root, outDir: join(workDir, 'ours-build') });
    oursEnv = { BENCH_OURS_ENTRY: built.entry, NODE_PATH: built.nodePath.join(delimiter) };
    log(`ours: built ${built.packages.join(', ')} from ${sourceRoot}/libs`);
  }
  const seeded = {};
  for (const name of options.cases) {
    if (name === 'append-batch-100') await appendBatch();
    if (name === 'append-single-64w') await appendSingle();
    if (name === 'read-all') await readAll(seeded);
    if (name === 'catch-up') await catchUp(seeded);
  }
  emit({ case: 'peak-rss', unit: 'MB', ours: peakRss.ours, peer: peakRss.peer, ratio: ratio(peakRss.ours, peakRss.peer), note: 'max of process.resourceUsage().maxRSS over each side’s measured children (seeding excluded)' });
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

async function appendBatch() {
  const { writers, eventsPerAppend } = PLAN.batch;
  const task = (events, extra = {}) => ({ writers, perWriter: events / eventsPerAppend / writers, eventsPerAppend, ...extra });
  const ours = await measure('ours', 'appendToNewStreams', task(PLAN.batch.oursEvents));
  const peer = await measure('peer', 'appendToNewStreams', task(PLAN.batch.peerEvents, { setup: 'mutex' }));
  const rate = (r) => (r ? round((r.ok * eventsPerAppend) / r.seconds) : null);
  emit({
    case: 'append-batch-100',
    unit: 'events/s',
    ours: rate(ours),
    peer: rate(peer),
    ratio: ratio(rate(ours), rate(peer)),
    writers,
    eventsPerAppend,
    payloadBytes: payloadBytes(),
    ...sideFields('ours', ours, (r) => ({ Events: r.ok * eventsPerAppend, Stored: r.stored, Errors: errorCount(r), AppendP99Ms: r.latencyMs.p99 })),
    ...sideFields('peer', peer, (r) => ({ Events: r.ok * eventsPerAppend, Stored: r.stored, Errors: errorCount(r), AppendP99Ms: r.latencyMs.p99 })),
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
    const reply = await runChild('peer', 'appendToNewStreams', task(PLAN.single.peerDefaultAppends, { setup: 'default', dir, stopAfterMs: seconds * 1000, abandonAfterMs: (seconds + 20) * 1000 }), (seconds + 60) * 1000);
    rmSync(dir, { recursive: true, force: true });
    const d = reply.ok ? reply.result : null;
    if (d) log(`peer default: ${d.ok}/${d.attempted} ok, ${d.pending} pending, errors ${JSON.stringify(d.errors)}, logged root causes ${JSON.stringify(d.rootCauses)}, uncaught ${JSON.stringify(d.uncaught)}`);
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
    ours: rate(ours),
    peer: rate(peer),
    ratio: ratio(rate(ours), rate(peer)),
    writers,
    payloadBytes: payloadBytes(),
    ...sideFields('ours', ours, (r) => ({ Appends: r.ok, Stored: r.stored, P50Ms: r.latencyMs.p50, P99Ms: r.latencyMs.p99, MaxMs: r.latencyMs.max, BusyOrErrors: errorCount(r), ErrorCodes: r.errors })),
    ...sideFields('peer', peer, (r) => ({ Appends: r.ok, Stored: r.stored, P50Ms: r.latencyMs.p50, P99Ms: r.latencyMs.p99, MaxMs: r.latencyMs.max, BusyOrErrors: errorCount(r), ErrorCodes: r.errors })),
    ...(peerDefault ? { peerDefault } : {}),
  });
}

/** Seeds the 1M-event log of one side once (read-all and catch-up share it). */
async function seededLog(seeded, side) {
  if (seeded[side]) return seeded[side];
  const file = join(workDir, `log-${side}`, `${side}.db`);
  mkdirSync(dirname(file), { recursive: true });
  log(`${side}: seeding ${LOG_EVENTS.toLocaleString('en')} events (${PLAN.log.streams.toLocaleString('en')} streams × ${PLAN.log.eventsPerStream}); not timed as a figure`);
  const reply = await runChild(side, 'seed', { file, streams: PLAN.log.streams, eventsPerStream: PLAN.log.eventsPerStream, inFlight: PLAN.log.oursInFlight }, 1_800_000);
  if (!reply.ok) throw new Error(`${side} seeding failed: ${reply.error}`);
  if (reply.result.events !== LOG_EVENTS) throw new Error(`${side} seeding stored ${reply.result.events} events, expected ${LOG_EVENTS}`);
  log(`${side}: seeded in ${reply.result.seconds} s`);
  seeded[side] = { file, seconds: reply.result.seconds };
  return seeded[side];
}

async function readAll(seeded) {
  const results = {};
  for (const side of options.sides) {
    const { file } = await seededLog(seeded, side);
    results[side] = await measure(side, 'readAll', { file, total: LOG_EVENTS, batchSize: PLAN.read.peerBatchSize }, false);
  }
  const rate = (r) => (r ? round(r.events / r.seconds) : null);
  emit({
    case: 'read-all',
    unit: 'events/s',
    ours: rate(results.ours),
    peer: rate(results.peer),
    ratio: ratio(rate(results.ours), rate(results.peer)),
    events: LOG_EVENTS,
    streams: PLAN.log.streams,
    ...sideFields('ours', results.ours, (r) => ({ ChecksumOk: r.checksumOk, DbMB: r.dbMB, SeedSeconds: seeded.ours?.seconds })),
    ...sideFields('peer', results.peer, (r) => ({ ChecksumOk: r.checksumOk, DbMB: r.dbMB, SeedSeconds: seeded.peer?.seconds })),
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
    peerDefault = await measure('peer', 'catchUp', { file, limit: PLAN.catchUp.peerDefaultLimit, setup: 'default' }, false);
    peer = await measure('peer', 'catchUp', { file, limit: LOG_EVENTS, setup: 'tuned', pulling: PLAN.catchUp.peerTuned }, false);
  }
  const rate = (r) => (r ? round(r.events / r.seconds) : null);
  emit({
    case: 'catch-up',
    unit: 'events/s',
    ours: rate(ours),
    peer: rate(peer),
    ratio: ratio(rate(ours), rate(peer)),
    ratioVs: 'peer tuned',
    ...sideFields('ours', ours, (r) => ({ Events: r.events, ChecksumOk: r.checksumOk })),
    ...sideFields('peer', peer, (r) => ({ Events: r.events, ChecksumOk: r.checksumOk })),
    peerDefault: peerDefault
      ? { eventsPerSec: rate(peerDefault), events: peerDefault.events, checksumOk: peerDefault.checksumOk, setup: peerDefault.setup }
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
  const reply = await runChild(side, task, { ...params, ...(dir ? { dir } : {}) }, 1_800_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
  const rss = reply.ok ? reply.result.rssMB : reply.rssMB;
  if (rss != null) peakRss[side] = Math.max(peakRss[side] ?? 0, rss);
  if (!reply.ok) {
    log(`${side} ${task} FAILED: ${reply.error}`);
    failed = true;
    return null;
  }
  const r = reply.result;
  if (side === 'ours' && r.attempted !== undefined && (r.ok !== r.attempted || r.stored !== r.ok * params.eventsPerAppend)) {
    log(`ours ${task}: ${r.attempted - r.ok} appends failed or ${r.stored} stored for ${r.ok * params.eventsPerAppend} acknowledged — our store must have none`);
    failed = true;
  }
  if (r.checksumOk === false) {
    log(`${side} ${task}: read back the wrong events`);
    failed = true;
  }
  log(`${side} ${task}: ${describeResult(r)} (${round(r.seconds, 2)} s, peak RSS ${r.rssMB} MB)`);
  return r;
}

function describeResult(r) {
  if (r.attempted !== undefined) return `${r.ok}/${r.attempted} appends ok, p99 ${r.latencyMs.p99} ms, errors ${JSON.stringify(r.errors)}`;
  return `${r.events} events, checksum ${r.checksumOk ? 'ok' : 'WRONG'}`;
}

function caseDir(name) {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * One task in one child: `{ task, params }` goes over IPC, `{ ok, result | error }` comes
 * back. The child's stdout is sent to our stderr so nothing but JSON lines reaches stdout.
 * A child that outlives its timeout, or does not exit within 10 s of replying (a leaked
 * handle), is killed and reported.
 */
function runChild(side, task, params, timeoutMs) {
  const script = join(here, side === 'ours' ? 'ours.mjs' : 'peer.mjs');
  const execArgv = [];
  if (options.cpuProf && side === 'ours') {
    const profDir = join(root, 'reports', 'cpu-prof', BENCH);
    mkdirSync(profDir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${profDir}`); // one file per thread (the writer thread too)
  }
  const env = side === 'ours' ? { ...process.env, ...oursEnv } : process.env;
  const child = fork(script, [], { cwd: root, env, execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.add(child);
  child.stdout.pipe(process.stderr);
  return new Promise((resolvePromise) => {
    let reply = null;
    let failure = null;
    let exitGrace = null;
    const deadline = setTimeout(() => {
      failure = `timed out after ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message) => {
      reply = message;
      exitGrace = setTimeout(() => {
        log(`${side} ${task}: child did not exit 10 s after replying (open handle?) — killed`);
        child.kill('SIGKILL');
      }, 10_000);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      clearTimeout(exitGrace);
      children.delete(child);
      if (reply) resolvePromise(reply);
      else resolvePromise({ ok: false, error: failure ?? `child exited (${signal ?? code}) without a result` });
    });
    child.send({ task, params });
  });
}

/**
 * Installs the peer into its own folder when its node_modules is missing. npm runs with the
 * workspace's node_modules/.bin taken off PATH, i.e. on the machine's own Node, as the rest
 * of the workspace's installs do; sqlite3 builds from source against N-API, so the addon
 * loads on Node 24 too.
 */
function ensurePeerInstalled() {
  const marker = join(peerDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
  if (existsSync(join(peerDir, 'node_modules', '@event-driven-io', 'emmett-sqlite', 'package.json')) && existsSync(marker)) return;
  log(`installing the peer in ${peerDir} (builds sqlite3 from source, about a minute)…`);
  const binDir = join(root, 'node_modules', '.bin');
  const PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => resolve(p) !== binDir).join(delimiter);
  const npm = spawnSync('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    cwd: peerDir,
    env: { ...process.env, PATH },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (npm.status !== 0 || !existsSync(marker)) throw new Error(`peer install failed in ${peerDir} (npm exit ${npm.status})`);
  try {
    log(`peer installed: ${execFileSync('npm', ['ls', '--depth=0'], { cwd: peerDir, env: { ...process.env, PATH }, encoding: 'utf8' }).trim().split('\n').slice(1).join(', ')}`);
  } catch {
    // npm ls exits non-zero on the knowingly unmet peer range; the install itself succeeded
  }
}

/** `ours`/`peer` extra fields of one result, prefixed with the side, plus its setup and RSS. */
function sideFields(side, result, pick) {
  if (!options.sides.includes(side)) return {};
  if (!result) return { [`${side}Error`]: 'failed (see stderr)' };
  const fields = {};
  for (const [key, value] of Object.entries(pick(result))) fields[`${side}${key}`] = value;
  return { ...fields, [`${side}RssMB`]: result.rssMB, [`${side}Setup`]: result.setup };
}

function errorCount(result) {
  return Object.values(result.errors).reduce((a, b) => a + b, 0);
}

function ratio(ours, peer) {
  return ours != null && peer ? round(ours / peer, 2) : null;
}

function emit(line) {
  process.stdout.write(`${JSON.stringify({ bench: BENCH, ...line })}\n`);
}

function log(message) {
  process.stderr.write(`[${BENCH}] ${message}\n`);
}

function parseOptions(args) {
  const parsed = { scale: Number(process.env.BENCH_SCALE ?? 1), cases: CASES, sides: SIDES, cpuProf: false };
  for (const arg of args) {
    const [flag, value] = arg.split('=', 2);
    if (flag === '--quick') parsed.scale = 0.1;
    else if (flag === '--scale') parsed.scale = Number(value);
    else if (flag === '--cases') parsed.cases = value.split(',');
    else if (flag === '--sides') parsed.sides = value.split(',');
    else if (flag === '--cpu-prof') parsed.cpuProf = true;
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (!(parsed.scale > 0)) fail('scale must be a positive number');
  const badCase = parsed.cases.find((c) => !CASES.includes(c));
  if (badCase) fail(`unknown case ${badCase}`);
  parsed.cases = CASES.filter((c) => parsed.cases.includes(c));
  const badSide = parsed.sides.find((s) => !SIDES.includes(s));
  if (badSide) fail(`unknown side ${badSide}`);
  return parsed;
}

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}
