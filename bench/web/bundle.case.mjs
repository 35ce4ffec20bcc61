// Issue 14's `bundle` case: the JavaScript a browser loads for the first route, the sign-in page —
// the entry chunk, every chunk it imports statically, and the sign-in page's own lazy chunk with
// its static imports (read from Vite's manifest, web/dist/.vite). `ours` is their gzipped size in
// kB (the measure); `brotliKB` is what the gateway actually sends a browser that accepts
// brotli (the build's precompressed .br twins).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reporter, root } from '../event-store/harness.mjs';
import { buildWeb } from './build-web.mjs';

const { log, emit } = reporter('web');
const dist = join(root, 'web', 'dist');
const TARGET_KB = 300;
const FIRST_ROUTE = 'src/pages/SignInPage.tsx';
const kB = (bytes) => Math.round(bytes / 102.4) / 10;

export async function run({ build }) {
  if (build) buildWeb(log);
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (entryKey === undefined || manifest[FIRST_ROUTE] === undefined) {
    log(`the manifest has no entry or no ${FIRST_ROUTE}`);
    return false;
  }
  /** The chunk's file and those of everything it imports statically (what the browser fetches at once). */
  const staticClosure = (key, files = new Set()) => {
    const chunk = manifest[key];
    if (files.has(chunk.file)) return files;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) staticClosure(imported, files);
    return files;
  };
  const files = [...staticClosure(FIRST_ROUTE, staticClosure(entryKey))].filter((file) => file.endsWith('.js'));
  let raw = 0;
  let gzipped = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
    const twin = join(dist, `${file}.br`);
    brotli += existsSync(twin) ? readFileSync(twin).length : bytes.length;
  }
  emit({
    case: 'bundle',
    unit: 'kB',
    route: '/sign-in',
    files: files.length,
    ours: kB(gzipped),
    target: TARGET_KB,
    rawKB: kB(raw),
    gzipKB: kB(gzipped),
    brotliKB: kB(brotli),
    withinTarget: gzipped / 1024 <= TARGET_KB,
  });
  return true;
}
