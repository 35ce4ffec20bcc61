#!/usr/bin/env node
// `npm run bench -- assistance`: issue 12's benchmark of the assistance service, each case in a
// child process of its own (so each one's peak RSS and JIT state are its own):
//   cases — monitoring cases from lead through identification and elimination (cases.mjs)
// stdout carries JSON lines only (one per case, `bench: "assistance"`), progress goes to stderr;
// the exit code is 1 when a case failed. See bench/README.md, "assistance".
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listOf, parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CASES = ['cases'];
const { log } = reporter('assistance');
const options = parseOptions(
  process.argv.slice(2),
  'usage: npm run bench -- assistance [--cases=cases] [--cases-count=N] [--concurrency=N] [--quick]',
  {
    cases: { default: CASES, parse: listOf(CASES), help: 'a subset of the cases' },
    quick: { help: 'a smoke run: 5,000 cases' },
    'cases-count': { default: 100_000, parse: positiveInt, help: 'cases: cases driven through (16 commands each)' },
    concurrency: { default: 256, parse: positiveInt, help: 'cases: cases in flight at once' },
  },
);

const runs = {
  cases: [
    'cases.mjs',
    `--cases-count=${options.quick ? 5_000 : options['cases-count']}`,
    `--concurrency=${options.concurrency}`,
  ],
};

let failed = false;
for (const name of options.cases) {
  const [script, ...args] = runs[name];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    log(`${name} failed (exit ${code})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
