// bench/registry-import: the household sheet import of the registry (issue 9: "Import ≥ 5,000
// households/s embedded with peak RSS ≤ 500 MB"). Generates a sheet of N synthetic Sichuan
// households with `relapse-watch generate`, then imports it with `relapse-watch households
// import` into a fresh embedded event store, in a child process of its own, and prints
// households/s and peak RSS. Run through `npm run bench -- registry-import` (bench/README.md).
// stdout carries JSON lines only; progress goes to stderr.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { buildOurs } from '../event-store/build-ours.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const BENCH = 'registry-import';
const TARGET = { householdsPerSecond: 5_000, peakRssMB: 500 };

const USAGE = `usage: npm run bench -- registry-import [--households N] [--seed S] [--concurrency N] [--synchronous FULL|NORMAL] [--format csv|xlsx] [--rerun] [--no-unsealed] [--cpu-prof] [--quick]
  --households N   households to generate and import (default 100000; --quick: 10000)
  --seed S         generator seed (default 2024)
  --concurrency N  households in flight in the import (default 512)
  --synchronous M  event store commit mode (default FULL)
  --format F       sheet format (default csv)
  --rerun          import the same sheet a second time and report the idempotent re-run too
  --no-unsealed    skip the side-by-side case without encryption (personal data in clear, as before issue 10)
  --cpu-prof       write V8 CPU profiles of the import (main and writer threads) to reports/cpu-prof/registry-import/`;

const options = parseOptions(process.argv.slice(2));
const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-registry-import-'));
let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    child?.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

let failed = false;
try {
  log(
    `${options.households} households, seed ${options.seed}, concurrency ${options.concurrency}, synchronous ${options.synchronous}; work dir ${workDir}; ${process.version}`,
  );
  // As a deployed CLI runs: built JavaScript, not under a TypeScript loader (+80 MB of RSS).
  const ours = buildOurs({
    sourceRoot: root,
    workspaceRoot: root,
    outDir: join(workDir, 'build'),
    entryPackages: ['@relapse-watch/household-registry'],
  });
  const built = { ...ours, cli: join(dirname(ours.entry), 'cli', 'cli.js') };
  log(`built ${built.packages.length} packages (${built.packages.join(', ')})`);
  const env = {
    ...process.env,
    NODE_PATH: built.nodePath.join(delimiter),
    RESIDENT_ID_SALT: 'bench-registry-import-salt-0123456789',
  };
  const sheet = join(workDir, `sheet.${options.format}`);
  const store = join(workDir, 'events.db');
  // The key store and the master key the CLI makes, in the work dir (not the repository's data/).
  const sealedEnv = { ...env, DATA_DIR: join(workDir, 'data') };

  const generated = await measure(
    built.cli,
    [
      'generate',
      '--province',
      '51',
      '--households',
      String(options.households),
      '--seed',
      options.seed,
      '--out',
      sheet,
    ],
    env,
    false,
  );
  log(`generated ${sheet} (${(statSync(sheet).size / 1e6).toFixed(1)} MB) in ${generated.seconds.toFixed(1)} s`);

  const importArgs = [
    'households',
    'import',
    sheet,
    '--event-store',
    `sqlite:${store}`,
    '--concurrency',
    String(options.concurrency),
    '--synchronous',
    options.synchronous,
    '--no-progress-file',
  ];
  const first = await measure(built.cli, importArgs, sealedEnv, options.cpuProf);
  const stored = countStored(store);
  const line = figures('first-import', first, stored);
  emit(line);
  if (first.code !== 0 || stored.households !== options.households) failed = true;

  if (options.rerun) {
    const again = await measure(built.cli, importArgs, sealedEnv, false);
    const after = countStored(store);
    emit({ ...figures('re-run', again, after), newEvents: after.events - stored.events });
    if (again.code !== 0 || after.events !== stored.events) failed = true;
  }
  if (options.unsealed) {
    // The same import into a fresh store without the sealing step: what encryption costs.
    const plainStore = join(workDir, 'events-unsealed.db');
    const plainArgs = importArgs.map((a) => (a === `sqlite:${store}` ? `sqlite:${plainStore}` : a));
    const plain = await measure(built.cli, plainArgs, { ...env, BENCH_UNSEALED: '1' }, false);
    const plainStored = countStored(plainStore);
    emit({
      ...figures('first-import-unsealed', plain, plainStored),
      encryptionCost: round(first.seconds / plain.seconds),
    });
    if (plain.code !== 0 || plainStored.households !== options.households) failed = true;
  }
} catch (error) {
  failed = true;
  log(`failed: ${error.stack ?? error}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function figures(phase, run, stored) {
  return {
    bench: BENCH,
    case: phase,
    households: options.households,
    householdsStored: stored.households,
    members: stored.members,
    events: stored.events,
    seconds: round(run.seconds),
    householdsPerSecond: Math.round(options.households / run.seconds),
    eventsPerSecond: Math.round(stored.events / run.seconds),
    peakRssMB: run.maxRssMB,
    target: TARGET,
    // Only a complete import counts: a run that failed early is fast and small.
    meetsTarget:
      run.code === 0 &&
      stored.households === options.households &&
      options.households / run.seconds >= TARGET.householdsPerSecond &&
      run.maxRssMB <= TARGET.peakRssMB,
    setup: {
      concurrency: options.concurrency,
      synchronous: options.synchronous,
      format: options.format,
      seed: options.seed,
      node: process.version,
    },
    summary: run.summary,
    exitCode: run.code,
  };
}

/** Runs the built CLI in a child of its own; resolves with its JSON line. */
function measure(cli, args, env, cpuProf) {
  const profDir = join(root, 'reports', 'cpu-prof', BENCH);
  if (cpuProf) mkdirSync(profDir, { recursive: true });
  // The V8 flag the CLI runs with (its shebang and `npm run relapse-watch`), so the figures are its own.
  const flags = ['--max-semi-space-size=8', ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])];
  return new Promise((resolvePromise, reject) => {
    child = spawn(process.execPath, [...flags, join(here, 'import-child.mjs'), cli, ...args], {
      cwd: workDir,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      const line = out.trim().split('\n').pop();
      if (!line) return reject(new Error(`child ended (${code ?? signal}) without a result`));
      resolvePromise(JSON.parse(line));
    });
  });
}

/** What the store holds: households registered, members added, events in all. */
function countStored(path) {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const byType = Object.fromEntries(
      db
        .prepare('SELECT type, COUNT(*) AS n FROM events GROUP BY type')
        .all()
        .map((r) => [r.type, Number(r.n)]),
    );
    const events = Object.values(byType).reduce((a, b) => a + b, 0);
    // The fast path registers a household with all its members in one HouseholdImported.
    const importedMembers = Number(
      db
        .prepare(
          "SELECT COALESCE(SUM(json_array_length(data, '$.members')), 0) AS n FROM events WHERE type = 'HouseholdImported'",
        )
        .get().n,
    );
    return {
      households: (byType.HouseholdRegistered ?? 0) + (byType.HouseholdImported ?? 0),
      members: (byType.MemberAdded ?? 0) + importedMembers,
      events,
    };
  } finally {
    db.close();
  }
}

function parseOptions(argv) {
  const result = {
    households: 100_000,
    seed: '2024',
    concurrency: 512,
    synchronous: 'FULL',
    format: 'csv',
    rerun: false,
    unsealed: true,
    cpuProf: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (flag === '--households') result.households = Number(value());
    else if (flag === '--quick') result.households = 10_000;
    else if (flag === '--seed') result.seed = value();
    else if (flag === '--concurrency') result.concurrency = Number(value());
    else if (flag === '--synchronous') result.synchronous = value().toUpperCase();
    else if (flag === '--format') result.format = value();
    else if (flag === '--rerun') result.rerun = true;
    else if (flag === '--no-unsealed') result.unsealed = false;
    else if (flag === '--cpu-prof') result.cpuProf = true;
    else {
      process.stderr.write(`unknown option ${argv[i]}\n${USAGE}\n`);
      process.exit(1);
    }
  }
  if (!Number.isInteger(result.households) || result.households < 1 || !['csv', 'xlsx'].includes(result.format)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(1);
  }
  return result;
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
