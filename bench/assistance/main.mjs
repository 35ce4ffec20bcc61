#!/usr/bin/env node
// `npm run bench -- assistance`: issue 12's benchmark of the assistance service, each case in a
// child process of its own (so each one's peak RSS and JIT state are its own):
//   cases  — monitoring cases from lead through identification and elimination (cases.mjs)
//   import — the existing caseload import, `relapse-watch cases import` (import.mjs)
// Another case joins by a script of its own and an entry in CASES and `runs` below. stdout
// carries JSON lines only (one per case, `bench: "assistance"`), progress goes to stderr; the
// exit code is 1 when a case failed. See bench/README.md, "assistance".
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listOf, parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CASES = ['cases', 'import'];
const { log } = reporter('assistance');
const options = parseOptions(
  process.argv.slice(2).flatMap(withEquals),
  'usage: npm run bench -- assistance [--cases=cases,import] [--quick] [--cases-count=N] [--count=N] [--rerun] [--cpu-prof]',
  {
    cases: { default: CASES, parse: listOf(CASES), help: 'a subset of the cases' },
    quick: { help: 'a smoke run: 5,000 cases driven, 10,000 imported' },
    'cases-count': { default: 100_000, parse: positiveInt, help: 'cases: cases driven through (16 commands each)' },
    'cases-concurrency': { default: 256, parse: positiveInt, help: 'cases: cases in flight' },
    count: { default: 100_000, parse: positiveInt, help: 'import: cases in the sheet' },
    seed: { default: '2024', parse: String, help: 'import: generator seed' },
    concurrency: { default: 1_000, parse: positiveInt, help: 'import: cases in flight' },
    'batch-cases': { default: 250, parse: positiveInt, help: 'import: cases written in one append' },
    synchronous: { default: 'FULL', parse: String, help: 'import: commit mode FULL or NORMAL' },
    format: { default: 'csv', parse: String, help: 'import: csv or xlsx' },
    rerun: { help: 'import: import the same sheet again (newEvents must be 0)' },
    'cpu-prof': { help: 'import: V8 CPU profile of the import (reports/cpu-prof/assistance-import/)' },
  },
);

const runs = {
  cases: [
    'cases.mjs',
    `--cases-count=${options.quick ? 5_000 : options['cases-count']}`,
    `--concurrency=${options['cases-concurrency']}`,
  ],
  import: [
    'import.mjs',
    `--count=${options.quick ? 10_000 : options.count}`,
    `--seed=${options.seed}`,
    `--concurrency=${options.concurrency}`,
    `--batch-cases=${options['batch-cases']}`,
    `--synchronous=${options.synchronous}`,
    `--format=${options.format}`,
    ...(options.rerun ? ['--rerun'] : []),
    ...(options['cpu-prof'] ? ['--cpu-prof'] : []),
  ],
};

let failed = false;
for (const name of options.cases) {
  const [script, ...args] = runs[name];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal));
  });
  if (code !== 0) {
    log(`${name} failed (${code})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

/** `--count 20000` as `--count=20000`, the form the shared option parser reads. */
function withEquals(arg, i, args) {
  if (
    i > 0 &&
    /^--(cases|count|cases-count|cases-concurrency|seed|concurrency|batch-cases|synchronous|format)$/.test(
      args[i - 1],
    ) &&
    !arg.startsWith('--')
  )
    return [];
  if (
    /^--(cases|count|cases-count|cases-concurrency|seed|concurrency|batch-cases|synchronous|format)$/.test(arg) &&
    i + 1 < args.length
  )
    return [`${arg}=${args[i + 1]}`];
  return [arg];
}
