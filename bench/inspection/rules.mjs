#!/usr/bin/env node
// bench/inspection, case `rules` (run through bench/inspection/main.mjs): libs/inspection-rules over 1,000,000 seeded households — for each,
// selectKeyGroups and evaluateHousehold under Sichuan's 2024 rule set (51-2024.1). Households are
// generated in chunks (generation is not timed) so memory stays small; the timed figure covers
// both calls for every household. Issue 11's target: ≥ 200,000 households/s on one core.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseOptions, positiveInt, reporter, root } from '../event-store/harness.mjs';
import { peakRssMB } from '../event-store/workload.mjs';
import { generator } from './households.mjs';

const { log, emit } = reporter('inspection');
const options = parseOptions(process.argv.slice(2), 'usage: rules.mjs [--quick] [--households=N] [--chunk=N]', {
  quick: { help: '100,000 households instead of 1,000,000' },
  households: { default: 1_000_000, parse: positiveInt, help: 'households evaluated' },
  chunk: { default: 10_000, parse: positiveInt, help: 'households generated at a time' },
});
const total = options.quick ? 100_000 : options.households;

execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'libs/inspection-rules/tsconfig.lib.json'], {
  cwd: root,
  stdio: 'inherit',
});
const rules = createRequire(import.meta.url)(path.join(root, 'libs/inspection-rules/dist/index.js'));
const ruleSet = rules.ruleSetOf('51', 2024);
const today = '2024-08-20';
const { household } = generator(0x51_2024);

const byKind = { 'at-risk': 0, 'data-quality': 0, rectification: 0 };
const byRule = new Map();
let keyGroupHouseholds = 0;
let keyGroupSelections = 0;
let nanoseconds = 0n;

// Warm the JIT on a chunk of its own (not counted).
const warm = Array.from({ length: 20_000 }, (_, i) => household(-i - 1));
for (const [facts, findings] of warm) {
  rules.selectKeyGroups(facts, ruleSet, today, findings);
  rules.evaluateHousehold({ facts, findings, ruleSet, today });
}

// The results are counted as they come, not kept: a consumer records them and lets them go, and
// keeping a chunk's results alive would make the collector promote them inside the timed loop.
const count = (ruleId) => byRule.set(ruleId, (byRule.get(ruleId) ?? 0) + 1);
for (let done = 0; done < total;) {
  const size = Math.min(options.chunk, total - done);
  const households = new Array(size);
  const findings = new Array(size);
  for (let i = 0; i < size; i++) [households[i], findings[i]] = household(done + i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < size; i++) {
    const selections = rules.selectKeyGroups(households[i], ruleSet, today, findings[i]);
    const suggestions = rules.evaluateHousehold({ facts: households[i], findings: findings[i], ruleSet, today });
    if (selections.length > 0) keyGroupHouseholds++;
    keyGroupSelections += selections.length;
    for (let s = 0; s < selections.length; s++) count(selections[s].ruleId);
    for (let s = 0; s < suggestions.length; s++) {
      byKind[suggestions[s].kind]++;
      count(suggestions[s].ruleId);
    }
  }
  nanoseconds += process.hrtime.bigint() - start;
  done += size;
  if (done % 100_000 === 0 || done === total) log(`${done.toLocaleString('en')} households`);
}

const seconds = Number(nanoseconds) / 1e9;
emit({
  case: 'rules',
  unit: 'households/s',
  ours: Math.round(total / seconds),
  households: total,
  seconds: Math.round(seconds * 1000) / 1000,
  ruleSetVersion: ruleSet.version,
  keyGroupHouseholds,
  keyGroupSelections,
  suggestions: byKind,
  byRule: Object.fromEntries([...byRule].sort(([a], [b]) => a.localeCompare(b))),
  target: 200_000,
});
emit({ case: 'rules-peak-rss', unit: 'MB', ours: peakRssMB() });
