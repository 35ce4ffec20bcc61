import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventStore } from '@relapse-watch/event-store-core';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { testAccessToken, TEST_ACCESS_TOKEN_ENV, TEST_CLOCK_ENV, type TestTokenClaims } from '@relapse-watch/testing';
import { keepInInbox } from '../testing/inbox-events';
import { COUNTY, scenarioEvents, scenarioHouseholds, VILLAGES } from '../testing/report-scenario';
import { reportingIdentity } from '../reporting.identity';
import { ReportingModule } from './reporting.module';
import { ReportingSubscribers } from './reporting-subscribers';
import { REPORTING_INBOX } from './reporting.tokens';

// The rows and exports over real HTTP: the reporting service on SQLite files in a temp folder,
// its inbox holding the generated scenario, callers with tokens of their own roles and areas.
const COUNTY_OFFICIAL: TestTokenClaims = { sub: 'u-county', kind: 'user', role: 'county-official', unit: COUNTY };
const ELSEWHERE: TestTokenClaims = { sub: 'u-other', kind: 'user', role: 'county-official', unit: '511902000000' };
let app: NestExpressApplication;
let url: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rw-reporting-api-'));
  const config = loadRuntimeConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...TEST_ACCESS_TOKEN_ENV,
    ...TEST_CLOCK_ENV,
  });
  app = await createServiceApp(ReportingModule, { config, identity: reportingIdentity() });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const events = scenarioEvents(scenarioHouseholds(60, 5));
  await keepInInbox(app.get<EventStore>(REPORTING_INBOX), events);
  await app.get(ReportingSubscribers).current!.waitUntil(events.length);
}, 60_000);
afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function get(path: string, claims?: TestTokenClaims) {
  const headers = claims === undefined ? {} : { authorization: `Bearer ${await testAccessToken(claims)}` };
  const res = await fetch(`${url}${path}`, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}
const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;

describe('GET /api/reporting/units/{unitCode}/rows', () => {
  it('gives a county official the rows of the county’s villages', async () => {
    const { res, bytes } = await get(
      `/api/reporting/units/${COUNTY}/rows?tier=village&year=2024&limit=2`,
      COUNTY_OFFICIAL,
    );
    expect(res.status).toBe(200);
    const page = json(bytes);
    expect(page).toMatchObject({ unitCode: COUNTY, name: '平昌县', tier: 'village', total: 3, limit: 2, offset: 0 });
    expect((page['items'] as { unitCode: string }[]).map((row) => row.unitCode)).toEqual(VILLAGES.slice(0, 2));
  });

  it('refuses a unit outside the caller’s area (403), a tier above the unit (422) and a tier that is none (400)', async () => {
    const outside = await get(`/api/reporting/units/${COUNTY}/rows`, ELSEWHERE);
    expect(outside.res.status).toBe(403);
    expect(json(outside.bytes)).toMatchObject({ code: 'access.outside-area', field: 'unitCode' });
    const above = await get(`/api/reporting/units/${COUNTY}/rows?tier=city`, COUNTY_OFFICIAL);
    expect(above.res.status).toBe(422);
    expect(json(above.bytes)).toMatchObject({ code: 'report.tier-not-below', field: 'tier' });
    const none = await get(`/api/reporting/units/${COUNTY}/rows?tier=hamlet`, COUNTY_OFFICIAL);
    expect(none.res.status).toBe(400);
    expect(JSON.stringify(json(none.bytes))).toContain('"field":"tier"');
    expect((await get(`/api/reporting/units/${COUNTY}/rows`)).res.status).toBe(401);
  });
});

describe('GET /api/reporting/units/{unitCode}/export', () => {
  it('downloads a CSV with a BOM under a Chinese file name (RFC 5987) and an ASCII fallback', async () => {
    const { res, bytes } = await get(
      `/api/reporting/units/${COUNTY}/export?format=csv&report=campaign&tier=village&year=2024`,
      COUNTY_OFFICIAL,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="${COUNTY}-village-campaign-2024.csv"`);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1];
    expect(decodeURIComponent(encoded)).toBe('平昌县-村-排查进度-2024.csv');
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(1 + 1 + VILLAGES.length);
  });

  it('downloads an XLSX workbook of every report', async () => {
    const { res, bytes } = await get(`/api/reporting/units/${COUNTY}/export?format=xlsx&year=2024`, COUNTY_OFFICIAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses a format it does not write (400, naming the field) and a unit outside the caller’s area (403), before any byte of a file', async () => {
    const pdf = await get(`/api/reporting/units/${COUNTY}/export?format=pdf`, COUNTY_OFFICIAL);
    expect(pdf.res.status).toBe(400);
    expect(pdf.res.headers.get('content-disposition')).toBeNull();
    expect(JSON.stringify(json(pdf.bytes))).toContain('"field":"format"');
    const missing = await get(`/api/reporting/units/${COUNTY}/export`, COUNTY_OFFICIAL);
    expect(missing.res.status).toBe(400);
    const report = await get(`/api/reporting/units/${COUNTY}/export?format=csv&report=everything`, COUNTY_OFFICIAL);
    expect(report.res.status).toBe(400);
    const outside = await get(`/api/reporting/units/${COUNTY}/export?format=xlsx`, ELSEWHERE);
    expect(outside.res.status).toBe(403);
    expect(outside.res.headers.get('content-disposition')).toBeNull();
    expect(json(outside.bytes)).toMatchObject({ code: 'access.outside-area', field: 'unitCode' });
  });
});

describe('the OpenAPI document', () => {
  it('announces the export as a CSV or XLSX download, its refusals and the rows as JSON', async () => {
    const doc = (await (await fetch(`${url}/docs/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const exported = doc.paths['/api/reporting/units/{unitCode}/export'].get.responses['200'];
    expect(Object.keys(exported.content ?? {}).sort()).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv; charset=utf-8',
    ]);
    for (const status of ['400', '403', '422'])
      expect(
        Object.keys(doc.paths['/api/reporting/units/{unitCode}/export'].get.responses[status].content ?? {}),
      ).toEqual(['application/json']);
    const rows = doc.paths['/api/reporting/units/{unitCode}/rows'].get.responses['200'];
    expect(Object.keys(rows.content ?? {})).toEqual(['application/json']);
  });
});
