#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>/main.mjs on the project's Node 24
// and passes the options through. A benchmark prints JSON lines on stdout (its figures) and
// progress on stderr; it is a script that prints figures, never a timed test (STYLE.md).
// Without a name, lists the benchmarks; an unknown name lists them and exits 1.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');

const available = existsSync(benchDir)
  ? readdirSync(benchDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(benchDir, entry.name, 'main.mjs')))
      .map((entry) => entry.name)
      .sort()
  : [];

const [name, ...args] = process.argv.slice(2);
const listing = `benchmarks: ${available.join(', ') || '(none)'}\nusage: npm run bench -- <name> [options]  (npm run bench -- <name> --help for its options)\n`;

if (!name || name === '--help' || name === '-h') {
  process.stdout.write(listing);
  process.exit(0);
}
if (!available.includes(name)) {
  process.stderr.write(`unknown benchmark "${name}"\n${listing}`);
  process.exit(1);
}

// npm scripts put node_modules/.bin first on PATH, so process.execPath is the pinned Node 24
// there; run directly with the machine's older Node, prefer the pinned one all the same.
const pinned = path.join(root, 'node_modules', '.bin', 'node');
const node = Number(process.versions.node.split('.')[0]) >= 24 || !existsSync(pinned) ? process.execPath : pinned;

const child = spawn(node, [path.join(benchDir, name, 'main.mjs'), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
