// bench/authz: what authorization adds to a registry command (issue 10: "authorization adds
// ≤ 10 % to a registry command's latency"). PUT income over HTTP on the embedded app, one
// request at a time, with the real access guard (EdDSA token verified) and the registry's
// division check (`guarded`), against the same app with the guard swapped for a pass-through one
// in a bench-only composition (side.ts): as the administrator, so no check bites (`bypassed`),
// and as the county official, so only the division check runs (`checked`). Each side serves
// from a process of its own; this driver sends one request at a time, interleaving the sides
// with the order rotating, so drift on a shared machine hits every side alike.
// stdout carries JSON lines only; progress goes to stderr.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const BENCH = 'authz';
const TARGET_OVERHEAD = 0.1;
const USAGE = `usage: npm run bench -- authz [--requests N] [--warmup N] [--households N] [--rounds N]
  --requests N    timed PUT income requests per side and round (default 2000)
  --warmup N      untimed requests first (default 300)
  --households N  households the requests go round (default 200)
  --rounds N      rounds; each runs every side, the order reversed every other round (default 2)`;

const options = parseOptions(process.argv.slice(2));
// A failed or interrupted run leaves no app behind.
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
const SIDES = ['guarded', 'checked', 'bypassed'];
const all = { guarded: [], checked: [], bypassed: [] };
for (let round = 0; round < options.rounds; round++) {
  log(`round ${round + 1}/${options.rounds}: starting ${SIDES.join(', ')}…`);
  const sides = await Promise.all(SIDES.map(startSide));
  try {
    for (let i = 0; i < options.warmup + options.requests; i++) {
      // Interleaved, the order rotating: drift on a shared machine hits every side alike.
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length];
        const ms = await putIncome(side, i);
        if (i >= options.warmup) all[side.side].push(ms);
      }
    }
  } finally {
    await Promise.all(sides.map((side) => side.stop()));
  }
  for (const side of SIDES) {
    const latencies = all[side].slice(-options.requests);
    log(`  ${side}: p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p99 ${percentile(latencies, 0.99).toFixed(3)} ms`);
  }
}
const figures = Object.fromEntries(Object.entries(all).map(([side, latencies]) => [side, summary(latencies)]));
for (const [side, f] of Object.entries(figures)) emit({ bench: BENCH, case: 'put-income', side, ...f });
const ratio = (side, key) => round(figures[side][key] / figures.bypassed[key] - 1, 4);
const overheadOf = (side) => ({ p50: ratio(side, 'p50Ms'), p99: ratio(side, 'p99Ms'), mean: ratio(side, 'meanMs') });
const overhead = overheadOf('guarded');
emit({
  bench: BENCH,
  case: 'overhead',
  overhead,
  divisionCheckOnly: overheadOf('checked'),
  target: TARGET_OVERHEAD,
  withinTarget: overhead.p50 <= TARGET_OVERHEAD && overhead.p99 <= TARGET_OVERHEAD,
  node: process.version,
});

async function putIncome(side, i) {
  const started = performance.now();
  const res = await globalThis.fetch(
    `${side.url}/api/registry/households/${side.householdIds[i % side.householdIds.length]}/income`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${side.token}` },
      body: JSON.stringify({
        period: { kind: 'calendar-year', year: 2000 + (i % 25) },
        components: {
          wagesYuan: String(1000 + i),
          grossBusinessYuan: 0,
          propertyYuan: 0,
          transferYuan: 0,
          productionCostsYuan: 0,
        },
      }),
    },
  );
  const answer = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${side.side}: PUT income ${res.status} ${answer}`);
  return ms;
}

function startSide(side) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '--conditions=@relapse-watch/source',
        join(here, 'side.ts'),
        side,
        String(options.households),
      ],
      {
        cwd: root,
        env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(root, 'apps/embedded/tsconfig.json') },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.add(child);
    const exited = new Promise((r) => child.once('exit', r)).finally(() => children.delete(child));
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolvePromise({
        ...JSON.parse(line),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      }),
    );
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`${side} exited ${code} before it was ready`)));
  });
}

function summary(latencies) {
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return {
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 0.5), 3),
    p90Ms: round(percentile(latencies, 0.9), 3),
    p99Ms: round(percentile(latencies, 0.99), 3),
    meanMs: round(mean, 3),
  };
}

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function parseOptions(argv) {
  const parsed = { requests: 2000, warmup: 300, households: 200, rounds: 2 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const name = flag.replace(/^--/, '');
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!(name in parsed)) {
      process.stderr.write(`unknown option ${flag}\n${USAGE}\n`);
      process.exit(1);
    }
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) {
      process.stderr.write(`${flag} needs a positive integer\n${USAGE}\n`);
      process.exit(1);
    }
    parsed[name] = value;
  }
  if (parsed.requests < 2000) log(`note: ${parsed.requests} requests per side and round (the target asks for ≥ 2,000)`);
  return parsed;
}

function emit(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function log(line) {
  process.stderr.write(`[${BENCH}] ${line}\n`);
}
