// Orchestrator helpers shared by the benchmarks that came after bench/event-store
// (relay-kafka, kafka-clients, event-store-postgres, projection-mongo): option parsing, one
// task per child process over IPC, on-demand peer installs, the local services' URLs, and
// the JSON-lines / stderr conventions of bench/README.md. The child side of the protocol is
// `serveOneTask` in workload.mjs. (bench/event-store/main.mjs predates this file and keeps
// its own copies.)
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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

/**
 * Parses `--flag` / `--flag=value` options. `spec` maps a flag name (without `--`) to
 * `{ default, parse?, help }`; a spec without `parse` is a boolean switch. `--help` prints
 * `usage` and the options and exits 0; an unknown option exits 1.
 */
export function parseOptions(args, usage, spec) {
  const help = `${usage}\n${Object.entries(spec)
    .map(([name, s]) => `  --${(s.parse ? `${name}=…` : name).padEnd(20)} ${s.help}${s.parse && s.default !== undefined ? ` (default ${Array.isArray(s.default) ? s.default.join(',') : s.default})` : ''}`)
    .join('\n')}`;
  const parsed = Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, s.default ?? (s.parse ? undefined : false)]));
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

function usageError(message, help) {
  process.stderr.write(`${message}\n${help}\n`);
  process.exit(1);
}

/** Option parsers. */
export const positiveInt = (value) => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${value} is not a whole number from 1`);
  return n;
};
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

/** In a child: requires one of the packages built by {@link buildOursEnv}. */
export function requireOurs(require, name) {
  const entries = JSON.parse(process.env.BENCH_OURS_ENTRIES ?? '{}');
  if (!entries[name]) throw new Error(`${name} was not built for this child (BENCH_OURS_ENTRIES)`);
  return require(entries[name]);
}

/**
 * Installs a peer into `bench/peers/<name>` when `marker` (a path inside its node_modules)
 * is missing, with `npm install --no-audit --no-fund` on the machine's own Node (the
 * workspace's node_modules/.bin taken off PATH, like the other installs); the folder's
 * package.json pins exact versions. Its node_modules and lock file are git-ignored.
 */
export function ensurePeerInstalled(peerDir, marker, log, extraArgs = []) {
  if (existsSync(join(peerDir, 'node_modules', marker))) return;
  log(`installing the peer in ${peerDir}…`);
  const binDir = join(root, 'node_modules', '.bin');
  const PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => resolve(p) !== binDir).join(delimiter);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...extraArgs], {
    cwd: peerDir,
    env: { ...process.env, PATH },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (npm.status !== 0 || !existsSync(join(peerDir, 'node_modules', marker))) throw new Error(`peer install failed in ${peerDir} (npm exit ${npm.status})`);
  try {
    log(`peer installed: ${execFileSync('npm', ['ls', '--depth=0'], { cwd: peerDir, env: { ...process.env, PATH }, encoding: 'utf8' }).trim().split('\n').slice(1).join(', ')}`);
  } catch {
    // npm ls exits non-zero on an unmet peer range; the install itself succeeded
  }
}

/**
 * Runs child scripts, one task each: `{ task, params }` goes over IPC, `{ ok, result | error }`
 * comes back (workload.mjs `serveOneTask`). The child's stdout goes to our stderr so only
 * JSON lines reach stdout. A child that outlives its timeout, or does not exit within 10 s
 * of replying (a leaked handle), is killed and reported.
 */
export function childRunner({ bench, log }) {
  const children = new Set();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    });
  }
  return function runChild(script, task, params, { env = process.env, timeoutMs = 1_800_000, cpuProf = false } = {}) {
    const execArgv = [];
    if (cpuProf) {
      const profDir = join(root, 'reports', 'cpu-prof', bench);
      mkdirSync(profDir, { recursive: true });
      execArgv.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
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
          log(`${task}: child did not exit 10 s after replying (open handle?) — killed`);
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

/** Load average and CPU count, printed with each run: the figures are only as quiet as the machine. */
export async function machineLoad() {
  const os = await import('node:os');
  return { loadAvg1m: round(os.loadavg()[0], 2), cpus: os.cpus().length };
}
