#!/usr/bin/env node
// `npm test`: check the formatting (Prettier, with lint), lint, typecheck and test every
// project through Nx, then print the one
// line CI reads — `N passed, N failed` — summed over all Jest runs. A suite that could
// not run at all (a syntax error, a failing import) counts as one failed test.
//
// When tests run, every log line of the run is scanned at the end for personal data (resident
// ID numbers, mobile phones, the demo county's names): the services' loggers copy their lines
// into reports/logs (RELAPSE_WATCH_TEST_LOG_DIR, inherited by every process the specs spawn),
// and the Nx/Jest output itself is kept there too. The scan counts as one test: passed when
// clean, failed on any hit, printed as file:line rule — never the value.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports', 'jest');
const logs = path.join(root, 'reports', 'logs');
fs.rmSync(reports, { recursive: true, force: true });
fs.rmSync(logs, { recursive: true, force: true });
fs.mkdirSync(logs, { recursive: true });

console.log(`node ${process.version}`);
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['lint', 'typecheck', 'test'];
// Prettier covers the whole tree, also the files outside any project (tools/, bench/, infra/).
const format = targets.includes('lint')
  ? spawnSync('npx', ['prettier', '--check', '.', '--log-level=warn'], { cwd: root, stdio: 'inherit' })
  : { status: 0 };
if (format.status !== 0)
  console.error('Formatting differs from Prettier: run `npm run format`. / 格式不符，请运行 npm run format。');
const nx = await runTeed(
  'npx',
  ['nx', 'run-many', '-t', ...targets, '--outputStyle=stream', '--skipRemoteCache'],
  { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', RELAPSE_WATCH_TEST_LOG_DIR: logs },
  path.join(logs, 'nx-run.output.log'),
);

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
let scanFailed = false;
if (targets.includes('test')) {
  scanFailed = !scanLogsForPersonalData();
  if (scanFailed) failed += 1;
  else passed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 && !scanFailed ? 0 : 1);

/** Runs a command with its output both shown and kept in `file`. */
function runTeed(command, args, env, file) {
  const kept = fs.openSync(file, 'a');
  const child = spawn(command, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    fs.writeSync(kept, chunk);
  });
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    fs.writeSync(kept, chunk);
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      fs.closeSync(kept);
      resolve({ status: code });
    }),
  );
}

/** The demo's names from its generator (same seed), then the scan of everything under reports/logs. */
function scanLogsForPersonalData() {
  const fromSource = (script, project, args = []) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', script, ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: path.join(project, 'tsconfig.json') },
    });
  const names = fromSource('services/household-registry/src/demo/demo-names.main.ts', 'services/household-registry');
  if (names.status !== 0) {
    console.error(`演示姓名生成失败 / the demo names could not be generated: ${names.stderr.trim()}`);
    return false;
  }
  const namesFile = path.join(root, 'reports', 'demo-names.txt');
  fs.writeFileSync(namesFile, names.stdout);
  const scan = fromSource('libs/testing/src/log-scan/personal-data-scan.main.ts', 'libs/testing', [logs, namesFile]);
  process.stdout.write(scan.stdout);
  process.stderr.write(scan.stderr);
  return scan.status === 0;
}
