#!/usr/bin/env node
// bench/assistance, case `import` (run through bench/assistance/main.mjs): issue 12's existing
// caseload import, `relapse-watch cases import`, against its target of ≥ 5,000 cases/s embedded
// with peak RSS ≤ 500 MB. Generates N households with the registry's `generate`, a caseload over
// them with `cases generate --share 1` (every household a case, about two measures each), then
// imports it into a fresh embedded event store in a child process of its own, and counts what
// the store holds with node:sqlite. stdout carries JSON lines only; progress goes to stderr.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { buildOurs } from '../event-store/build-ours.mjs';
import { parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const TARGET = { casesPerSecond: 5_000, peakRssMB: 500 };
const { log, emit } = reporter('assistance');
const options = parseOptions(
  process.argv.slice(2),
  'usage: import.mjs [--count=N] [--seed=S] [--concurrency=N] [--batch-cases=N] [--synchronous=FULL|NORMAL] [--format=csv|xlsx] [--rerun] [--cpu-prof]',
  {
    count: { default: 100_000, parse: positiveInt, help: 'cases in the sheet (one per generated household)' },
    seed: { default: '2024', parse: String, help: 'generator seed (households and cases)' },
    concurrency: { default: 1_000, parse: positiveInt, help: 'cases in flight in the import' },
    'batch-cases': { default: 250, parse: positiveInt, help: 'cases written in one multi-stream append' },
    synchronous: { default: 'FULL', parse: (v) => oneOf(v.toUpperCase(), ['FULL', 'NORMAL']), help: 'commit mode' },
    format: { default: 'csv', parse: (v) => oneOf(v, ['csv', 'xlsx']), help: 'sheet format' },
    rerun: { help: 'import the same sheet again and report the idempotent re-run (newEvents must be 0)' },
    'cpu-prof': { help: 'V8 CPU profiles of the import (reports/cpu-prof/assistance-import/)' },
  },
);

const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-assistance-import-'));
let child = null;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    child?.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });

let failed = false;
try {
  log(`import: ${options.count} cases, seed ${options.seed}, synchronous ${options.synchronous}; ${process.version}`);
  // As a deployed CLI runs: built JavaScript, not under a TypeScript loader.
  const ours = buildOurs({
    sourceRoot: root,
    workspaceRoot: root,
    outDir: join(workDir, 'build'),
    entryPackages: ['@relapse-watch/assistance', '@relapse-watch/household-registry'],
  });
  const clis = [
    join(dirname(ours.entries['@relapse-watch/household-registry']), 'cli', 'cli.js'),
    join(dirname(ours.entries['@relapse-watch/assistance']), 'cli', 'assistance-cli.js'),
  ];
  const env = { ...process.env, NODE_PATH: ours.nodePath.join(delimiter), DATA_DIR: join(workDir, 'data') };
  const households = join(workDir, 'households.csv');
  const sheet = join(workDir, `caseload.${options.format}`);
  const store = join(workDir, 'events.db');
  const run = (args, profile = false) => measure(clis, args, env, profile);

  const generated = await run([
    'generate',
    '--province',
    '51',
    '--households',
    String(options.count),
    '--seed',
    options.seed,
    '--out',
    households,
  ]);
  if (generated.code !== 0) throw new Error('generate failed');
  const cases = await run([
    'cases',
    'generate',
    '--households',
    households,
    '--share',
    '1',
    '--seed',
    options.seed,
    '--out',
    sheet,
  ]);
  if (cases.code !== 0) throw new Error('cases generate failed');
  log(
    `caseload ${sheet} (${(statSync(sheet).size / 1e6).toFixed(1)} MB) in ${(generated.seconds + cases.seconds).toFixed(1)} s`,
  );

  const importArgs = [
    'cases',
    'import',
    sheet,
    '--event-store',
    `sqlite:${store}`,
    '--concurrency',
    String(options.concurrency),
    '--batch-cases',
    String(options['batch-cases']),
    '--synchronous',
    options.synchronous,
    '--no-progress-file',
  ];
  const first = await run(importArgs, options['cpu-prof']);
  const stored = countStored(store);
  emit(figures('import', first, stored));
  if (first.code !== 0 || stored.cases !== options.count) failed = true;
  if (options.rerun) {
    const again = await run(importArgs);
    const after = countStored(store);
    emit({ ...figures('import-rerun', again, after), newEvents: after.events - stored.events });
    if (again.code !== 0 || after.events !== stored.events) failed = true;
  }
} catch (error) {
  failed = true;
  log(`failed: ${error.stack ?? error}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function figures(name, run, stored) {
  const rate = Math.round(options.count / run.seconds);
  return {
    case: name,
    unit: 'cases/s',
    ours: rate,
    peakRssMB: run.maxRssMB,
    cases: options.count,
    casesStored: stored.cases,
    measures: stored.measures,
    events: stored.events,
    seconds: Math.round(run.seconds * 100) / 100,
    // CPU of the import process (both threads) per 1,000 cases: steadier than the rate when other work shares the cores.
    cpuMsPerThousandCases: Math.round((run.cpuSeconds / options.count) * 1e6),
    eventsPerSecond: Math.round(stored.events / run.seconds),
    target: TARGET,
    // Only a complete import counts: a run that failed early is fast and small.
    meetsTarget:
      run.code === 0 &&
      stored.cases === options.count &&
      rate >= TARGET.casesPerSecond &&
      run.maxRssMB <= TARGET.peakRssMB,
    setup: {
      concurrency: options.concurrency,
      batchCases: options['batch-cases'],
      synchronous: options.synchronous,
      format: options.format,
      seed: options.seed,
      node: process.version,
    },
    summary: run.summary,
    exitCode: run.code,
  };
}

/** Runs the built commands in a child of its own; resolves with its JSON line. */
function measure(clis, args, env, cpuProf) {
  const profDir = join(root, 'reports', 'cpu-prof', 'assistance-import');
  if (cpuProf) mkdirSync(profDir, { recursive: true });
  // The V8 flag the CLI runs with (its shebang and `npm run relapse-watch`), so the figures are its own.
  const flags = ['--max-semi-space-size=8', ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])];
  return new Promise((resolvePromise, reject) => {
    child = spawn(process.execPath, [...flags, join(here, 'cli-child.mjs'), ...clis, ...args], {
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

/** What the store holds: imported cases, their measures, events in all. */
function countStored(path) {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const byType = Object.fromEntries(
      db
        .prepare('SELECT type, COUNT(*) AS n FROM events GROUP BY type')
        .all()
        .map((r) => [r.type, Number(r.n)]),
    );
    const measures = Number(
      db
        .prepare(
          "SELECT COALESCE(SUM(json_array_length(data, '$.measures')), 0) AS n FROM events WHERE type = 'AssistancePlanImported'",
        )
        .get().n,
    );
    return {
      cases: byType.MonitoringCaseImported ?? 0,
      measures,
      events: Object.values(byType).reduce((a, b) => a + b, 0),
    };
  } finally {
    db.close();
  }
}

function oneOf(value, allowed) {
  if (!allowed.includes(value)) throw new Error(`one of ${allowed.join(', ')}`);
  return value;
}
