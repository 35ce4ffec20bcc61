#!/usr/bin/env node
// `npm run bench -- reporting [--case=<name>]`: issue 13's reporting benchmark, a dispatcher over
// case modules. Each case is a module exporting `run(options)` that prints its JSON lines
// (`bench: "reporting"`, `case`, `ours`, …) on stdout and its progress on stderr, and resolves
// true when it ran to the end. The cases share their generated logs within a run (datasets.mjs).
// See bench/README.md, "reporting".
import { parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const CASES = {
  'rebuild-sqlite': () => import('./rebuild-sqlite.case.mjs'),
  'rebuild-mongo': () => import('./rebuild-mongo.case.mjs'),
  'tier-summary': () => import('./tier-summary-run.case.mjs'),
  'as-of': () => import('./as-of-run.case.mjs'),
  'audit-verify': () => import('./audit-verify.case.mjs'),
};

const { log } = reporter('reporting');
const options = parseOptions(
  process.argv.slice(2).flatMap(withEquals),
  `usage: npm run bench -- reporting [--case=${Object.keys(CASES).join('|')}] [--events=N] [--store=sqlite|postgres] [--threads=N] [--quick]`,
  {
    case: { default: 'all', parse: oneCase, help: 'one case, or all' },
    events: {
      default: 1_000_000,
      parse: positiveInt,
      help: 'rebuild-*, as-of: events in the inbox log; audit-verify: events written, sealed and verified',
    },
    households: { default: 1_000_000, parse: positiveInt, help: 'tier-summary: households of the province' },
    inbox: { default: '', parse: String, help: 'rebuild-*, as-of: an inbox log written before, instead of a new one' },
    store: { default: 'sqlite', parse: (v) => oneOf(v, ['sqlite', 'postgres']), help: 'audit-verify: the event store' },
    'seal-interval': { default: 10_000, parse: positiveInt, help: 'audit-verify: events per seal' },
    threads: {
      default: undefined,
      parse: positiveInt,
      help: "audit-verify: verify's worker threads; rebuild-*: folding threads (default 2); 1: all on one thread",
    },
    quick: { help: 'a smoke run: 50,000 events' },
  },
);

let failed = false;
for (const name of options.case === 'all' ? Object.keys(CASES) : [options.case]) {
  const { run } = await CASES[name]();
  const quick = options.quick ? { events: 50_000, households: 50_000 } : {};
  const ok = await run({ ...options, ...quick }).catch((error) => {
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

function oneOf(value, allowed) {
  if (!allowed.includes(value)) throw new Error(`must be one of ${allowed.join(', ')}`);
  return value;
}

/** `--case audit-verify` as `--case=audit-verify`, the form the shared option parser reads. */
function withEquals(arg, i, args) {
  if (
    i > 0 &&
    /^--(case|events|households|inbox|store|seal-interval|threads)$/.test(args[i - 1]) &&
    !arg.startsWith('--')
  )
    return [];
  if (
    /^--(case|events|households|inbox|store|seal-interval|threads)$/.test(arg) &&
    i + 1 < args.length &&
    !args[i + 1].startsWith('--')
  )
    return [`${arg}=${args[i + 1]}`];
  return [arg];
}
