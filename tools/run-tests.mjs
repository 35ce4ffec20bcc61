#!/usr/bin/env node
// `npm test`: check the formatting (Prettier, with lint), lint, typecheck and test every
// project through Nx, then print the one
// line CI reads — `N passed, N failed` — summed over all Jest runs. A suite that could
// not run at all (a syntax error, a failing import) counts as one failed test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports', 'jest');
fs.rmSync(reports, { recursive: true, force: true });

console.log(`node ${process.version}`);
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['lint', 'typecheck', 'test'];
// Prettier covers the whole tree, also the files outside any project (tools/, bench/, infra/).
const format = targets.includes('lint')
  ? spawnSync('npx', ['prettier', '--check', '.', '--log-level=warn'], { cwd: root, stdio: 'inherit' })
  : { status: 0 };
if (format.status !== 0)
  console.error('Formatting differs from Prettier: run `npm run format`. / 格式不符，请运行 npm run format。');
const nx = spawnSync('npx', ['nx', 'run-many', '-t', ...targets, '--outputStyle=stream', '--skipRemoteCache'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(reports)) {
  for (const file of fs.readdirSync(reports)) {
    const r = JSON.parse(fs.readFileSync(path.join(reports, file), 'utf8'));
    passed += r.passed;
    failed += r.failed + r.failedSuites;
    skipped += r.skipped;
  }
}
const status = format.status === 0 ? (nx.status ?? 1) : 1;
if (status !== 0 && failed === 0) failed = 1; // lint or typecheck failed, or a project crashed before reporting
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
