#!/usr/bin/env node
// `npm run bench -- id-validation`: resident ID numbers (GB 11643) checked per second by the
// domain kernel — the fast boolean check and the full parse with its problem list — over
// 1,000,000 generated IDs of which one in ten is corrupted. Issue 4's target: ≥ 1,000,000/s.
// Prints JSON lines on stdout only; builds the kernel with tsc first (incremental, fast).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseOptions, positiveInt, reporter, root } from '../event-store/harness.mjs';
import { peakRssMB } from '../event-store/workload.mjs';

const { log, emit } = reporter('id-validation');
const options = parseOptions(process.argv.slice(2), 'usage: npm run bench -- id-validation [--quick] [--rounds=N]', {
  quick: { help: '100,000 IDs instead of 1,000,000' },
  rounds: { default: 5, parse: positiveInt, help: 'measured rounds after the warm-up; the median is printed' },
});
const count = options.quick ? 100_000 : 1_000_000;
const { rounds } = options;

execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'libs/domain-kernel/tsconfig.lib.json'], {
  cwd: root,
  stdio: 'inherit',
});
const kernel = createRequire(import.meta.url)(path.join(root, 'libs/domain-kernel/dist/index.js'));

// Every registration prefix since 1980 (the registry's shipped table, 7,119 GB/T 2260 codes of
// all provinces, retired ones included): the predicate is a Set lookup over the full history, as
// the registry gives it, and the IDs are spread over all of them.
const table = JSON.parse(
  gunzipSync(readFileSync(path.join(root, 'services/household-registry/reference/registration-prefixes.json.gz'))),
);
const counties = table.prefixes.map(([code]) => code);
const known = new Set(counties);
const rules = { today: '2026-11-29', isKnownDivision: (prefix) => known.has(prefix) };

// Deterministic generator (mulberry32) so every run checks the same IDs.
let seed = 0x51_2024;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pad = (n, width) => String(n).padStart(width, '0');
const ids = new Array(count);
let corrupted = 0;
for (let i = 0; i < count; i++) {
  const birth = `${1930 + Math.floor(random() * 90)}${pad(1 + Math.floor(random() * 12), 2)}${pad(1 + Math.floor(random() * 28), 2)}`;
  const first17 = counties[Math.floor(random() * counties.length)] + birth + pad(Math.floor(random() * 1000), 3);
  let id = first17 + kernel.residentIdCheckCharacter(first17);
  if (i % 10 === 9) {
    id = first17 + (id[17] === '0' ? '1' : '0');
    corrupted++;
  }
  ids[i] = id;
}

function measure(check) {
  const rates = [];
  let accepted = 0;
  for (let round = 0; round < rounds + 1; round++) {
    accepted = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < ids.length; i++) if (check(ids[i])) accepted++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) rates.push(ids.length / seconds); // round 0 warms the JIT
  }
  rates.sort((a, b) => a - b);
  return {
    median: Math.round(rates[Math.floor(rates.length / 2)]),
    best: Math.round(rates[rates.length - 1]),
    accepted,
  };
}

const cases = {
  'is-valid': (id) => kernel.isValidResidentId(id, rules),
  parse: (id) => kernel.parseResidentId(id, rules).ok,
};
for (const [name, check] of Object.entries(cases)) {
  const r = measure(check);
  if (r.accepted !== count - corrupted) {
    log(`${name}: accepted ${r.accepted}, expected ${count - corrupted}`);
    process.exit(1);
  }
  emit({
    case: name,
    unit: 'IDs/s',
    ours: r.median,
    best: r.best,
    ids: count,
    corrupted,
    prefixes: known.size,
    rounds,
    target: 1_000_000,
  });
}
emit({ case: 'peak-rss', unit: 'MB', ours: peakRssMB() });
