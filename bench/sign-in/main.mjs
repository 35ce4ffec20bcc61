// bench/sign-in: POST /api/auth/sign-in over HTTP against the gateway in embedded mode, with
// argon2id at OWASP's recommended cost (m = 19 MiB, t = 2, p = 1: the gateway's defaults), the
// issue's target being p99 ≤ 150 ms. Builds the project (tsc -b, as `npm start`), adds users
// with `relapse-watch users add` on a fresh data folder, starts services/gateway/dist/main.js,
// sets each user's password, then times sign-ins: sequential, then with some concurrency.
// Each sign-in verifies the hash, writes the session's first event and signs a JWT.
// stdout carries JSON lines only; progress goes to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH = 'sign-in';
const TARGET = { p99Ms: 150 };
const USAGE = `usage: npm run bench -- sign-in [--sign-ins N] [--concurrency C] [--users U]
  --sign-ins N     sign-ins per case (default 400, at least 200)
  --concurrency C  requests in flight in the concurrent case (default 8)
  --users U        distinct users signing in (default 20)`;

const options = parseOptions(process.argv.slice(2));
const dataDir = mkdtempSync(join(tmpdir(), 'relapse-bench-sign-in-'));
let gateway = null;
let failed = false;
try {
  log(`build (tsc -b tsconfig.build.json); ${process.version}`);
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json']);
  const env = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const passwords = new Map();
  for (let i = 0; i < options.users; i++) {
    const name = `bench.user${i}`;
    const out = run(
      process.execPath,
      [
        join(root, 'apps/cli/dist/main.js'),
        'users',
        'add',
        '--sign-in-name',
        name,
        '--role',
        'county-official',
        '--unit',
        '511923000000',
        '--reason',
        'bench',
      ],
      env,
    );
    passwords.set(name, /: \S+ ([A-Za-z2-9]{16})$/m.exec(out)[1]);
  }
  log(`added ${options.users} users in ${dataDir}`);
  const started = await startGateway({ ...env, PORT: '0', LOG_LEVEL: 'info' });
  gateway = started.child;
  const url = started.url;
  const names = [...passwords.keys()];
  for (const name of names) {
    const password = `bench-passphrase-${names.indexOf(name)}`;
    const res = await post(`${url}/api/auth/password`, {
      signInName: name,
      password: passwords.get(name),
      newPassword: password,
    });
    if (res.status !== 204) throw new Error(`password change for ${name}: ${res.status}`);
    passwords.set(name, password);
  }
  // Warm-up: JIT, the first argon2 allocations, SQLite pages.
  await signIns(url, names, passwords, 20, 1);
  for (const [label, concurrency] of [
    ['sequential', 1],
    ['concurrent', options.concurrency],
  ]) {
    const timings = await signIns(url, names, passwords, options.signIns, concurrency);
    emit(figures(label, concurrency, timings));
  }
} catch (error) {
  failed = true;
  log(`failed: ${error.stack ?? error}`);
} finally {
  gateway?.kill('SIGTERM');
  if (gateway) await new Promise((r) => gateway.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function signIns(url, names, passwords, count, concurrency) {
  const timings = [];
  let next = 0;
  let wallStart = performance.now();
  async function worker() {
    while (next < count) {
      const name = names[next++ % names.length];
      const t0 = performance.now();
      const res = await post(`${url}/api/auth/sign-in`, { signInName: name, password: passwords.get(name) });
      timings.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`sign-in of ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  wallStart = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  timings.wallMs = performance.now() - wallStart;
  return timings;
}

function figures(label, concurrency, timings) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const p99 = at(0.99);
  return {
    bench: BENCH,
    case: label,
    signIns: sorted.length,
    concurrency,
    p50Ms: round(at(0.5)),
    p99Ms: round(p99),
    maxMs: round(sorted[sorted.length - 1]),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    signInsPerSecond: Math.round(sorted.length / (timings.wallMs / 1000)),
    target: TARGET,
    meetsTarget: p99 <= TARGET.p99Ms,
    setup: {
      argon2id: { memoryKib: 19456, iterations: 2, parallelism: 1 },
      users: options.users,
      mode: 'embedded (SQLite)',
      node: process.version,
    },
  };
}

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function startGateway(env) {
  const child = spawn(process.execPath, [join(root, 'services/gateway/dist/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line);
      if (typeof entry.url === 'string') resolvePromise({ child, url: entry.url });
    });
    child.once('exit', (code) => reject(new Error(`gateway exited ${code} before listening`)));
  });
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.slice(0, 3).join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function parseOptions(args) {
  const parsed = { signIns: 400, concurrency: 8, users: 20 };
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const key = { '--sign-ins': 'signIns', '--concurrency': 'concurrency', '--users': 'users' }[flag];
    if (key === undefined || !/^\d+$/.test(value ?? '')) {
      process.stderr.write(`${USAGE}\n`);
      process.exit(1);
    }
    parsed[key] = Number(value);
    i++;
  }
  if (parsed.signIns < 200) parsed.signIns = 200;
  return parsed;
}

function emit(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function log(message) {
  process.stderr.write(`[${BENCH}] ${message}\n`);
}

function round(n) {
  return Math.round(n * 100) / 100;
}
