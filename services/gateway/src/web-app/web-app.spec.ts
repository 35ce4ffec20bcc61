import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { AppModule } from '../app.module';
import { gatewayIdentity } from '../gateway.identity';
import { loadWebAppConfig } from './web-app.config';

// The dashboard at `/` of the whole gateway app, beside the API: a stand-in build of three files.
const INDEX = '<!doctype html><title>dashboard</title><script type="module" src="/assets/app-3f9a1c.js"></script>';
const SCRIPT = 'console.log("app");';
// A chunk with the precompressed twins the build writes beside it (web/scripts/precompress.mjs).
const CHUNK = `export const labels = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `户${i}`))};`;

/** GET with the given Accept-Encoding, the body's bytes as they came over the wire. */
function rawGet(url: string, acceptEncoding: string | undefined) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, {
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web app served by the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-web-app-spec-'));
  const distDir = join(dataDir, 'dist');
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    mkdirSync(join(distDir, '.vite'));
    writeFileSync(join(distDir, 'index.html'), INDEX);
    writeFileSync(join(distDir, 'assets', 'app-3f9a1c.js'), SCRIPT);
    writeFileSync(join(distDir, 'assets', 'chunk-77d0e2.js'), CHUNK);
    writeFileSync(join(distDir, 'assets', 'chunk-77d0e2.js.br'), brotliCompressSync(CHUNK));
    writeFileSync(join(distDir, 'assets', 'chunk-77d0e2.js.gz'), gzipSync(CHUNK));
    writeFileSync(join(distDir, '.vite', 'manifest.json'), '{}');
    // WebAppModule reads its folder at start, like every config: the spec sets it for this app only.
    process.env['WEB_DIST_DIR'] = distDir;
    const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
    app = await createServiceApp(AppModule, { config, identity: gatewayIdentity() });
    delete process.env['WEB_DIST_DIR'];
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers / with index.html, asked anew each time, under the API’s Content Security Policy', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toBe(INDEX);
  });

  it('answers the app’s own routes with index.html, so a reload of /households/… works', async () => {
    for (const path of ['/households', '/households/0f8a5bc4-e2be-5878-879f-7278b3585c1a', '/sign-in?x=1']) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.status, await res.text()]).toEqual([path, 200, INDEX]);
    }
  });

  it('serves hashed assets for a year, immutable', async () => {
    const res = await fetch(`${url}/assets/app-3f9a1c.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(SCRIPT);
  });

  it('sends the brotli or gzip twin of a file to a browser that accepts it, and the plain file to others', async () => {
    const chunk = `${url}/assets/chunk-77d0e2.js`;
    const br = await rawGet(chunk, 'gzip, deflate, br, zstd');
    expect([br.status, br.headers['content-encoding'], br.headers['vary']]).toEqual([200, 'br', 'Accept-Encoding']);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(CHUNK.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(CHUNK);

    const gzip = await rawGet(chunk, 'gzip;q=1.0, br;q=0');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(CHUNK);

    for (const accept of [undefined, 'identity', 'deflate']) {
      const plain = await rawGet(chunk, accept);
      expect([accept, plain.headers['content-encoding'], plain.headers['vary'], plain.body.toString()]).toEqual([
        accept,
        undefined,
        'Accept-Encoding',
        CHUNK,
      ]);
    }
    // A file without twins goes out as it is, whatever the browser accepts.
    const script = await rawGet(`${url}/assets/app-3f9a1c.js`, 'br, gzip');
    expect([script.headers['content-encoding'], script.headers['vary'], script.body.toString()]).toEqual([
      undefined,
      undefined,
      SCRIPT,
    ]);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(INDEX.length));
    expect(await res.text()).toBe('');
  });

  it('leaves a missing asset, a dot-file, a path outside the folder and other methods to the API’s 404', async () => {
    for (const [method, path] of [
      ['GET', '/assets/missing-1a2b3c.js'],
      ['GET', '/.vite/manifest.json'],
      ['GET', '/%2e%2e/package.json'],
      ['GET', '/assets/..%2f..%2fpackage.json'],
      ['POST', '/'],
      ['DELETE', '/households'],
    ]) {
      const res = await fetch(`${url}${path}`, { method });
      expect([method, path, res.status, res.headers.get('content-type')]).toEqual([
        method,
        path,
        404,
        'application/json; charset=utf-8',
      ]);
    }
  });

  it('leaves /api, /health, /metrics and /docs to the API', async () => {
    const unknownApi = await fetch(`${url}/api/no-such-route`);
    expect(unknownApi.status).toBe(404);
    expect(((await unknownApi.json()) as { code: string }).code).toBe('not-found');
    expect((await fetch(`${url}/health/live`)).headers.get('content-type')).toContain('application/json');
    expect(await (await fetch(`${url}/metrics`)).text()).not.toBe(INDEX);
    expect(await (await fetch(`${url}/docs`)).text()).not.toBe(INDEX);
  });
});

describe('loadWebAppConfig', () => {
  it('takes an absolute WEB_DIST_DIR holding index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-web-dist-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    try {
      expect(loadWebAppConfig({ WEB_DIST_DIR: dir })).toEqual({ distDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a relative WEB_DIST_DIR and a folder without a build', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rw-web-dist-'));
    try {
      for (const value of ['web/dist', empty]) {
        expect(() => loadWebAppConfig({ WEB_DIST_DIR: value })).toThrow(ConfigError);
        try {
          loadWebAppConfig({ WEB_DIST_DIR: value });
        } catch (error) {
          expect((error as ConfigError).variable).toBe('WEB_DIST_DIR');
        }
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
