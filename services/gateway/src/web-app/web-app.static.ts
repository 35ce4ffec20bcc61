import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Paths the API, its documents and probes own: never answered with the app. */
const RESERVED_PREFIXES = ['/api', '/docs', '/health', '/metrics'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names every file under assets/ by its content hash: a changed file is a new URL, so a
// browser may keep one for a year. index.html names the current hashes and must be asked anew.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** True when the path belongs to the API side of the gateway. */
export function isReservedPath(path: string): boolean {
  const lower = path.toLowerCase();
  return RESERVED_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}

/**
 * Serves the built dashboard from `distDir`: its files as they are, and index.html for any other
 * GET of a path without a file extension, so the app's own routes (`/households/…`) survive a
 * reload. The API's paths, other methods, dot-files and missing files with an extension pass on
 * to the next handler (the API's 404 in the common error body).
 */
export function webAppMiddleware(distDir: string) {
  const root = normalize(distDir + sep);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return next();
    // Express strips a mount point from req.url; the path the browser asked for is originalUrl.
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    let path: string;
    try {
      path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    } catch {
      return next(); // a malformed escape: not one of our files
    }
    if (isReservedPath(path) || path.includes('\0')) return next();
    const segments = path.split('/').filter((s) => s !== '');
    if (segments.some((s) => s.startsWith('.'))) return next();
    const file = normalize(join(root, ...segments));
    const encodings = acceptedEncodings(req.headers['accept-encoding']);
    if (file.startsWith(root) && isFile(file))
      return send(res, method, file, segments[0] === 'assets' ? IMMUTABLE : REVALIDATE, encodings);
    if (extname(path) !== '') return next();
    send(res, method, join(root, 'index.html'), REVALIDATE, encodings);
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The precompressed twins the build writes beside each text file (`web/scripts/precompress.mjs`),
 * best first: brotli, then gzip. A file without a twin goes out as it is.
 */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The content codings the browser accepts (`Accept-Encoding`, a coding with `q=0` refused). */
export function acceptedEncodings(header: string | string[] | undefined): ReadonlySet<string> {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding !== '' && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(coding);
  }
  return accepted;
}

function send(
  res: ServerResponse,
  method: string,
  file: string,
  cacheControl: string,
  encodings: ReadonlySet<string>,
): void {
  const twin = PRECOMPRESSED.find(
    ({ encoding, suffix }) => (encodings.has(encoding) || encodings.has('*')) && isFile(file + suffix),
  );
  const body = twin === undefined ? file : file + twin.suffix;
  const { size } = statSync(body);
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cacheControl);
  // Caches keep one answer per coding: the same URL is brotli for one browser, plain for a script.
  if (isFile(file + PRECOMPRESSED[0].suffix) || isFile(file + PRECOMPRESSED[1].suffix))
    res.setHeader('Vary', 'Accept-Encoding');
  if (twin !== undefined) res.setHeader('Content-Encoding', twin.encoding);
  if (method === 'HEAD') return void res.end();
  createReadStream(body)
    .on('error', () => res.destroy())
    .pipe(res);
}
