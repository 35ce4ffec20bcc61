import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootSpecApp, type SpecApp } from '../testing/runtime-spec.harness';

// What a stack trace or a server path looks like in a body: `    at fn (/srv/x.ts:1:2)`.
const STACK_SIGNS = [
  /\n\s+at /,
  /\bat .*\(.*:\d+:\d+\)/,
  /node_modules/,
  /\.[cm]?[jt]s:\d+/,
  /\/(work|srv|home|tmp)\//,
];

async function raw(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function expectNoStackTrace(text: string): void {
  for (const sign of STACK_SIGNS) expect(text).not.toMatch(sign);
}

describe('hardening: security headers, Swagger UI under the CSP, no stack traces', () => {
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp();
  });
  afterAll(() => spec.dispose());

  it('every answer, errors included, carries helmet headers and no X-Powered-By', async () => {
    for (const path of ['/health/live', '/no/such/route']) {
      const { headers } = await raw(`${spec.url}${path}`);
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toContain('max-age=');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('the Swagger UI page and every script and stylesheet it names load from our own origin', async () => {
    const page = await raw(`${spec.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // script-src 'self' admits no inline script: every <script> must name a file.
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const attributes of scripts) expect(attributes).toMatch(/src=/);
    const assets = [
      ...page.text.matchAll(/<script[^>]*src=["']([^"']+)["']/g),
      ...page.text.matchAll(/<link[^>]*href=["']([^"']+)["']/g),
    ].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/swagger-ui-bundle\.js$/)]));
    for (const asset of assets) {
      // Resolved as the browser does, against the page's own URL.
      const url = new URL(asset, `${spec.url}/docs`);
      expect(url.origin).toBe(spec.url);
      const loaded = await raw(url.href);
      expect([asset, loaded.status]).toEqual([asset, 200]);
      expect(loaded.text.length).toBeGreaterThan(0);
    }
    const init = await raw(`${spec.url}/docs/swagger-ui-init.js`);
    expect(init.text).toContain('"validatorUrl": null');
    const document = await raw(`${spec.url}/docs/openapi.json`);
    expect(document.status).toBe(200);
  });

  it('no stack trace in any error answer: malformed JSON, too large, 404, 405, undecodable path, 500', async () => {
    const json = { 'content-type': 'application/json' };
    const answers = [
      [400, await raw(`${spec.url}/test/items/a`, { method: 'POST', headers: json, body: '{"title": ' })],
      [
        413,
        await raw(`${spec.url}/test/items/a`, { method: 'POST', headers: json, body: `"${'x'.repeat(1_100_000)}"` }),
      ],
      [404, await raw(`${spec.url}/no/such/route`)],
      [405, await raw(`${spec.url}/test/items/a`)],
      [400, await raw(`${spec.url}/test/items/%E0%A4%A`, { method: 'POST', headers: json, body: '{}' })],
      [500, await raw(`${spec.url}/test/boom`, { method: 'POST', headers: json, body: '{}' })],
    ] as const;
    for (const [status, answer] of answers) {
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(answer.text)).toMatchObject({
        code: expect.any(String),
        message: expect.stringContaining(' / '),
      });
      expectNoStackTrace(answer.text);
    }
  });

  it('a request without a body type the API parses reaches the handler with no body and is refused', async () => {
    const form = await raw(`${spec.url}/test/items/a`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=x&count=1',
    });
    expect(form.status).toBe(400);
    expect(JSON.parse(form.text)).toMatchObject({ code: 'validation.failed' });
  });

  it('without CORS_ORIGINS no CORS header is sent, and a preflight is not answered for anyone', async () => {
    const origin = 'https://dashboard.example.gov.cn';
    const simple = await raw(`${spec.url}/health/live`, { headers: { origin } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await raw(`${spec.url}/test/items/a`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('hardening: CORS allow-list from CORS_ORIGINS', () => {
  const allowed = 'https://dashboard.example.gov.cn';
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp(undefined, { CORS_ORIGINS: `${allowed}, http://127.0.0.1:5173` });
  });
  afterAll(() => spec.dispose());

  it('an allowed origin gets its own origin back, may read the correlation id, and Vary: Origin', async () => {
    const res = await raw(`${spec.url}/test/missing`, { headers: { origin: allowed } });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Correlation-Id');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('a preflight from an allowed origin is answered 204 with the methods and headers the API reads', async () => {
    const res = await raw(`${spec.url}/test/items/a`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('another origin gets no CORS header, and its preflight is refused 403 with the common error body', async () => {
    const other = 'https://evil.example.com';
    const simple = await raw(`${spec.url}/health/live`, { headers: { origin: other } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await raw(`${spec.url}/test/items/a`, {
      method: 'OPTIONS',
      headers: { origin: other, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(JSON.parse(preflight.text)).toMatchObject({ code: 'cors.origin-not-allowed', field: 'Origin' });
  });
});
