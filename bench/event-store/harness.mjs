// Helpers shared by the benchmarks (event-store, event-store-postgres, relay-kafka,
// kafka-clients, projection-mongo, id-validation): option parsing, one task per child process
// over IPC, on-demand peer installs, the local services' URLs, our packages built for the
// children, and the JSON-lines / stderr conventions of bench/README.md. The child side of the
// protocol is `serveOneTask` in workload.mjs.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { buildOurs } from './build-ours.mjs';
import { round } from './workload.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `log(message)` to stderr and `emit(line)` as one JSON line on stdout, tagged with the bench. */
export function reporter(bench) {
  return {
    log: (message) => process.stderr.write(`[${bench}] ${message}\n`),
    emit: (line) => process.stdout.write(`${JSON.stringify({ bench, ...line })}\n`),
  };
}

export function ratio(ours, peer) {
  return ours != null && peer ? round(ours / peer, 2) : null;
}

/** The `ours`, `peer` and `ratio` fields of a JSON line, each side's figure `rate(result)`. */
export function figures(rate, ours, peer) {
  const oursFigure = rate(ours);
  const peerFigure = rate(peer);
  return { ours: oursFigure, peer: peerFigure, ratio: ratio(oursFigure, peerFigure) };
}

/** The `peak-rss` line of a side-by-side run: the max over each side's measured children. */
export function peakRssLine(peakRss) {
  return {
    case: 'peak-rss',
    unit: 'MB',
    ...figures((mb) => mb, peakRss.ours, peakRss.peer),
    note: 'max of process.resourceUsage().maxRSS over each side’s measured children (seeding excluded)',
  };
}

/** `prefixed('ours', { RssMB: 1 })` → `{ oursRssMB: 1 }`: one side's fields of a JSON line. */
export function prefixed(side, fields) {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [`${side}${key}`, value]));
}

/**
 * One side's fields of a JSON line: `pick(result)`, its peak RSS and its setup, prefixed with
 * the side; `…Error` when it failed; nothing when the side is not among `sides`.
 */
export function sideFields(sides, side, result, pick) {
  if (!sides.includes(side)) return {};
  if (!result) return { [`${side}Error`]: 'failed (see stderr)' };
  return prefixed(side, { ...pick(result), RssMB: result.rssMB, Setup: result.setup });
}

/** Errors of a concurrentWriters run (workload.mjs), all codes together. */
export function errorCount(result) {
  return Object.values(result.errors).reduce((a, b) => a + b, 0);
}

/** `scaledBy(scale)(full, multiple)`: `full × scale` rounded to a positive multiple of `multiple`. */
export function scaledBy(scale) {
  return (full, multiple = 1) => Math.max(multiple, Math.round((full * scale) / multiple) * multiple);
}

/**
 * Parses `--flag` / `--flag=value` options. `spec` maps a flag name (without `--`) to
 * `{ default, parse?, help }`; a spec without `parse` is a boolean switch. `--help` prints
 * `usage` and the options and exits 0; an unknown option exits 1.
 */
export function parseOptions(args, usage, spec) {
  const help = `${usage}\n${Object.entries(spec)
    .map(
      ([name, s]) =>
        `  --${(s.parse ? `${name}=…` : name).padEnd(20)} ${s.help}${s.parse && s.default !== undefined ? ` (default ${Array.isArray(s.default) ? s.default.join(',') : s.default})` : ''}`,
    )
    .join('\n')}`;
  const parsed = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, s.default ?? (s.parse ? undefined : false)]),
  );
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const value = eq === -1 ? undefined : arg.slice(eq + 1);
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${help}\n`);
      process.exit(0);
    }
    const name = flag.replace(/^--/, '');
    const s = spec[name];
    if (!flag.startsWith('--') || !s) usageError(`unknown option ${arg}`, help);
    if (!s.parse) parsed[name] = true;
    else {
      if (value === undefined) usageError(`${flag} needs a value (${flag}=…)`, help);
      try {
        parsed[name] = s.parse(value);
      } catch (error) {
        usageError(`${flag}: ${error.message}`, help);
      }
    }
  }
  return parsed;
}

/** The two sides of a side-by-side benchmark. */
export const SIDES = ['ours', 'peer'];

/** The cases of the event-store benchmarks (event-store, event-store-postgres). */
export const STORE_CASES = ['append-batch-100', 'append-single-64w', 'read-all', 'catch-up'];

/** Options the event-store benchmarks share: `--quick`, `--scale`, `--cases`, `--sides` (for {@link parseOptions}). */
export function storeBenchOptions() {
  return {
    quick: { help: 'all counts ÷10 (same as --scale=0.1): a smoke run' },
    scale: {
      default: Number(process.env.BENCH_SCALE ?? 1),
      parse: positiveNumber,
      help: 'multiply all counts (BENCH_SCALE)',
    },
    cases: { default: STORE_CASES, parse: listOf(STORE_CASES), help: 'a subset of the cases' },
    sides: { default: SIDES, parse: listOf(SIDES), help: 'ours, peer or both' },
  };
}

function usageError(message, help) {
  process.stderr.write(`${message}\n${help}\n`);
  process.exit(1);
}

/** Option parsers. */
const wholeNumberFrom = (min) => (value) => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${value} is not a whole number from ${min}`);
  return n;
};
export const positiveInt = wholeNumberFrom(1);
export const nonNegativeInt = wholeNumberFrom(0);
export const positiveNumber = (value) => {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${value} is not a positive number`);
  return n;
};
export const listOf = (allowed) => (value) => {
  const items = value.split(',').filter(Boolean);
  const bad = items.find((item) => !allowed.includes(item));
  if (bad) throw new Error(`unknown ${bad}; one or more of ${allowed.join(', ')}`);
  return allowed.filter((item) => items.includes(item));
};

/**
 * The services' URLs: what infra/env.sh prints, overridden by the same variables in the
 * environment. Throws when a needed one is missing.
 */
export function serviceUrls() {
  const urls = {};
  try {
    const out = execFileSync('bash', [join(root, 'infra', 'env.sh')], { encoding: 'utf8' });
    for (const line of out.split('\n')) {
      const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
      if (m) urls[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
    }
  } catch {
    // fall back to the environment alone
  }
  for (const key of ['KAFKA_URL', 'MONGODB_URL', 'POSTGRES_URL']) if (process.env[key]) urls[key] = process.env[key];
  return urls;
}

/** One service's URL (`POSTGRES_URL`, `MONGODB_URL`); a missing one ends the run with exit 1. */
export function serviceUrl(key, service) {
  const url = serviceUrls()[key];
  if (!url) {
    process.stderr.write(`${key} is missing (start it: bash infra/up.sh ${service})\n`);
    process.exit(1);
  }
  return url;
}

/** `kafka://a:1,b:2` → `['a:1', 'b:2']`. */
export function kafkaBrokers(url) {
  const m = /^kafka:\/\/([^/?#]+)\/?$/.exec(url ?? '');
  if (!m) throw new Error('KAFKA_URL is missing or not kafka://host:port (start it: bash infra/up.sh kafka)');
  return m[1].split(',');
}

/**
 * Builds our workspace packages (build-ours.mjs) into `outDir` and returns the environment
 * our children need: `BENCH_OURS_ENTRIES` (JSON, package name → entry file) and NODE_PATH.
 * `BENCH_OURS_ROOT=/path/to/checkout` builds them from another checkout's libs/.
 */
export function buildOursEnv(entryPackages, outDir, log) {
  const sourceRoot = resolve(process.env.BENCH_OURS_ROOT || root);
  const built = buildOurs({ sourceRoot, workspaceRoot: root, outDir, entryPackages });
  log(`ours: built ${built.packages.join(', ')} from ${sourceRoot}/libs`);
  return { BENCH_OURS_ENTRIES: JSON.stringify(built.entries), NODE_PATH: built.nodePath.join(delimiter) };
}

/** require() from the workspace root: its node_modules (kafkajs, pg, mongodb…). */
export const requireWorkspace = createRequire(join(root, 'package.json'));

/** A Kafka admin client on `brokers`, with the topic helpers relay-kafka and kafka-clients use. */
export function kafkaAdmin(brokers, clientId) {
  const { Kafka, logLevel } = requireWorkspace('kafkajs');
  const admin = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING }).admin();
  return {
    connect: () => admin.connect(),
    createTopic: (topic, numPartitions) =>
      admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions, replicationFactor: 1 }] }),
    /** Records in a topic: the sum of its partitions' high watermarks (a fresh topic starts at 0). */
    recordsIn: async (topic) => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0),
    /** Deletes `topics` (when any) and disconnects; never throws. */
    close: async (topics = []) => {
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 }).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
}

/** In a child: requires one of the packages built by {@link buildOursEnv}. */
export function requireOurs(require, name) {
  const entries = JSON.parse(process.env.BENCH_OURS_ENTRIES ?? '{}');
  if (!entries[name]) throw new Error(`${name} was not built for this child (BENCH_OURS_ENTRIES)`);
  return require(entries[name]);
}

/** `bench/peers/<name>`: a peer's own folder, outside the workspace install. */
export function peerDir(name) {
  return join(root, 'bench', 'peers', name);
}

/** In a peer's child: `require` and the installed `version(package)` of bench/peers/<name>. */
export function peerPackages(name) {
  const dir = peerDir(name);
  return {
    require: createRequire(join(dir, 'package.json')),
    version: (pkg) =>
      JSON.parse(readFileSync(join(dir, 'node_modules', ...pkg.split('/'), 'package.json'), 'utf8')).version,
  };
}

/**
 * Installs the peer `name` into `bench/peers/<name>` when one of `markers` (paths inside its
 * node_modules) is missing, with `npm install --no-audit --no-fund [...npmArgs]` on the
 * machine's own Node (the workspace's node_modules/.bin taken off PATH, like the other
 * installs); the folder's package.json pins exact versions. Its node_modules and lock file
 * are git-ignored. `note` is added to the progress line (e.g. a slow native build).
 */
export function ensurePeerInstalled(name, markers, log, { npmArgs = [], note } = {}) {
  const dir = peerDir(name);
  const installed = () => markers.every((marker) => existsSync(join(dir, 'node_modules', marker)));
  if (installed()) return;
  log(`installing the peer in ${dir}${note ? ` (${note})` : ''}…`);
  const binDir = join(root, 'node_modules', '.bin');
  const PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => resolve(p) !== binDir)
    .join(delimiter);
  const npm = spawnSync('npm', ['install', ...npmArgs, '--no-audit', '--no-fund'], {
    cwd: dir,
    env: { ...process.env, PATH },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (npm.status !== 0 || !installed()) throw new Error(`peer install failed in ${dir} (npm exit ${npm.status})`);
  try {
    log(
      `peer installed: ${execFileSync('npm', ['ls', '--depth=0'], {
        cwd: dir,
        env: { ...process.env, PATH },
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .slice(1)
        .join(', ')}`,
    );
  } catch {
    // npm ls exits non-zero on an unmet peer range; the install itself succeeded
  }
}

/**
 * Runs child scripts, one task each: `{ task, params }` goes over IPC, `{ ok, result | error }`
 * comes back (workload.mjs `serveOneTask`). The child's stdout goes to our stderr so only
 * JSON lines reach stdout. A child that outlives its timeout, or does not exit within 10 s
 * of replying (a leaked handle), is killed and reported (as `label`, by default the task).
 * On SIGINT / SIGTERM the children are killed and `onSignal()` runs before the exit.
 */
export function childRunner({ bench, log, onSignal }) {
  const children = new Set();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      onSignal?.();
      process.exit(130);
    });
  }
  return function runChild(
    script,
    task,
    params,
    { env = process.env, timeoutMs = 1_800_000, cpuProf = false, label = task } = {},
  ) {
    const execArgv = [];
    if (cpuProf) {
      const profDir = join(root, 'reports', 'cpu-prof', bench);
      mkdirSync(profDir, { recursive: true });
      execArgv.push('--cpu-prof', `--cpu-prof-dir=${profDir}`); // one file per thread (a store's writer thread too)
    }
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
          log(`${label}: child did not exit 10 s after replying (open handle?) — killed`);
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
  };
}

/**
 * One side's reply to a measured task: folds its peak RSS into `peakRss[side]` and logs the
 * outcome. Returns the result, or null when the task failed; `onFailure()` runs then, and
 * when the result read back the wrong events (`checksumOk: false`).
 */
export function takeResult(side, task, reply, { log, peakRss, onFailure }) {
  const rss = reply.ok ? reply.result.rssMB : reply.rssMB;
  if (rss != null) peakRss[side] = Math.max(peakRss[side] ?? 0, rss);
  if (!reply.ok) {
    log(`${side} ${task} FAILED: ${reply.error}`);
    onFailure();
    return null;
  }
  const r = reply.result;
  if (r.checksumOk === false) {
    log(`${side} ${task}: read back the wrong events`);
    onFailure();
  }
  const what =
    r.attempted !== undefined
      ? `${r.ok}/${r.attempted} appends ok, p99 ${r.latencyMs.p99} ms, errors ${JSON.stringify(r.errors)}`
      : `${r.events} events, checksum ${r.checksumOk ? 'ok' : 'WRONG'}`;
  log(`${side} ${task}: ${what} (${round(r.seconds, 2)} s, peak RSS ${r.rssMB} MB)`);
  return r;
}

/**
 * For our store, which must lose nothing: a message when an append failed or the events
 * stored differ from those acknowledged, else null.
 */
export function lostAppends(r, eventsPerAppend) {
  if (r.ok === r.attempted && r.stored === r.ok * eventsPerAppend) return null;
  return `${r.attempted - r.ok} appends failed or ${r.stored} stored for ${r.ok * eventsPerAppend} acknowledged — our store must have none`;
}

/** Load average and CPU count, printed with each run: the figures are only as quiet as the machine. */
export async function machineLoad() {
  const os = await import('node:os');
  return { loadAvg1m: round(os.loadavg()[0], 2), cpus: os.cpus().length };
}

/** CPU time of a process so far, in ms: utime + stime, fields 14 and 15 of /proc/<pid>/stat (stat(5)), in clock ticks of 100 a second. */
export function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
