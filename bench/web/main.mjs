#!/usr/bin/env node
// `npm run bench -- web [--case=bundle|first-render]`: issue 14's web benchmark, a dispatcher over
// case modules (each exports `run(options)`, prints its JSON lines on stdout and progress on
// stderr, and resolves true when it ran to the end). See bench/README.md, "web".
import { parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const CASES = {
  bundle: () => import('./bundle.case.mjs'),
  'first-render': () => import('./first-render.case.mjs'),
};

const { log } = reporter('web');
const options = parseOptions(
  process.argv.slice(2),
  `usage: npm run bench -- web [--case=${Object.keys(CASES).join('|')}] [--households=N] [--runs=N] [--no-build] [--trace] [--quick]`,
  {
    case: { default: 'all', parse: oneCase, help: 'one case, or all' },
    households: { default: 1_000_000, parse: positiveInt, help: 'first-render: households of the generated province' },
    runs: { default: 5, parse: positiveInt, help: 'first-render: sign-ins measured, each in a fresh browser context' },
    'no-build': { help: 'use the existing builds (web/dist, each project’s dist/) instead of building first' },
    trace: { help: 'first-render: log each run’s requests after the click (path, ms asked–done, kB)' },
    quick: { help: 'a smoke run: 20,000 households, 2 runs' },
  },
);

let failed = false;
for (const name of options.case === 'all' ? Object.keys(CASES) : [options.case]) {
  const { run } = await CASES[name]();
  const quick = options.quick ? { households: 20_000, runs: 2 } : {};
  const ok = await run({ ...options, build: !options['no-build'], ...quick }).catch((error) => {
    log(`${name} failed: ${error.stack ?? error}`);
    return false;
  });
  if (!ok) failed = true;
}
process.exit(failed ? 1 : 0);

function oneCase(value) {
  if (value !== 'all' && !(value in CASES)) throw new Error(`unknown case ${value} (${Object.keys(CASES).join(', ')})`);
  return value;
}
