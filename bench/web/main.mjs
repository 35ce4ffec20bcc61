// bench/web (issue 14): case `bundle` — the gzipped JavaScript a browser loads for the first
// route, the sign-in page: the entry chunk, every chunk it imports statically, and the sign-in
// page's own lazy chunk with its static imports (read from Vite's manifest, web/dist/.vite).
// Builds the web app first (`npm run build -w @relapse-watch/web`) unless --no-build.
// Case `first-render` (sign-in to a rendered province overview on 1,000,000 households over a
// simulated slow 4G) waits for the reporting service's overview page: not measured yet.
// stdout carries JSON lines only; progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'web', 'dist');
const BENCH = 'web';
const TARGET = { bundleKB: 300 };
const FIRST_ROUTE = 'src/pages/SignInPage.tsx';
const USAGE = `usage: npm run bench -- web [--no-build]
  --no-build   weigh the existing web/dist instead of building it first`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--no-build');
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown[0]}\n${USAGE}\n`);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  process.stderr.write('[web] building the web app (vite build)\n');
  const build = spawnSync('npm', ['run', 'build', '-w', '@relapse-watch/web'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (entryKey === undefined || manifest[FIRST_ROUTE] === undefined) {
  process.stderr.write(`[web] the manifest has no entry or no ${FIRST_ROUTE}\n`);
  process.exit(1);
}

/** The chunk's file and those of everything it imports statically (what the browser fetches at once). */
function staticClosure(key, files = new Set()) {
  const chunk = manifest[key];
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, files);
  return files;
}

const files = [...staticClosure(FIRST_ROUTE, staticClosure(entryKey))].filter((file) => file.endsWith('.js'));
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const line = {
  bench: BENCH,
  case: 'bundle',
  side: 'ours',
  route: '/sign-in',
  files: files.length,
  rawKB: Math.round(raw / 102.4) / 10,
  gzipKB: Math.round(gzipped / 102.4) / 10,
  targetKB: TARGET.bundleKB,
  withinTarget: gzipped / 1024 <= TARGET.bundleKB,
};
process.stdout.write(`${JSON.stringify(line)}\n`);
