import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { testAccessToken, type TestTokenClaims } from '@relapse-watch/testing';
import { householdStreamId } from '../domain/household/household.decider';
import { householdIdFor } from '../application/registry-ids';
import { startRegistryApi, type ApiResponse, type RegistryApiHarness } from './testing/registry-api.fixture';

// Division-scoped authorization where the registry handles commands and queries: a county
// official of 平昌县 (511923) against a household of 仪陇县 (511324), over real HTTP.
const PINGCHANG = '511923000000';
const TOWNSHIP = '511923002000';
const VILLAGE = '511923002201';
const NEIGHBOUR_VILLAGE = '511923002202';
const YILONG = '511324000000';
let OUTSIDE_VILLAGE: string;
let api: RegistryApiHarness;
let events: EventStore;
let run = 0;

const county = { sub: 'u-county', kind: 'user', role: 'county-official', unit: PINGCHANG } as const;
const inspector: TestTokenClaims = {
  sub: 'u-insp',
  kind: 'user',
  role: 'village-inspector',
  unit: TOWNSHIP,
  villages: [VILLAGE],
};
const auditor = { sub: 'u-audit', kind: 'user', role: 'auditor', unit: '510000000000' } as const;
const province = { sub: 'u-prov', kind: 'user', role: 'province-official', unit: '510000000000' } as const;

async function as(claims: TestTokenClaims, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  return api.call(method, path, body, { authorization: `Bearer ${await testAccessToken(claims)}` });
}

async function register(village: string, claims?: TestTokenClaims): Promise<ApiResponse> {
  const body = { villageCode: village, householdNumber: `acc-${++run}-${Date.now()}`, status: { kind: 'ordinary' } };
  return claims === undefined
    ? api.call('POST', '/api/registry/households', body)
    : as(claims, 'POST', '/api/registry/households', body);
}

async function streamOf(householdId: string): Promise<StoredEvent[]> {
  const read: StoredEvent[] = [];
  for await (const e of events.readStream(householdStreamId(householdId))) read.push(e);
  return read;
}

beforeAll(async () => {
  api = await startRegistryApi('rw-registry-access-');
  events = api.app.get<EventStore>(EVENT_STORE);
  const townships = await api.call('GET', `/api/registry/divisions/${YILONG}/children`);
  const villages = await api.call('GET', `/api/registry/divisions/${townships.body[0].code}/children`);
  OUTSIDE_VILLAGE = villages.body[0].code as string;
});
afterAll(async () => {
  await api?.close();
});

describe('sign-in is required', () => {
  it('answers a read and a command without a token with 401, and writes nothing', async () => {
    expect((await api.call('GET', '/api/registry/households', undefined, { authorization: '' })).status).toBe(401);
    const number = `acc-anon-${Date.now()}`;
    const res = await api.call(
      'POST',
      '/api/registry/households',
      { villageCode: VILLAGE, householdNumber: number, status: { kind: 'ordinary' } },
      { authorization: '' },
    );
    expect(res).toMatchObject({ status: 401, body: { code: 'auth.token-missing' } });
    expect(await streamOf(householdIdFor(VILLAGE, number))).toEqual([]);
  });
});

describe('commands inside and outside the caller’s area', () => {
  it('records the official who registered a household of their county as its actor', async () => {
    const res = await register(VILLAGE, county);
    expect(res.status).toBe(201);
    const [registered] = await streamOf(res.body.id as string);
    expect(registered.metadata.actor).toEqual({ userId: 'u-county', role: 'county-official' });
  });

  it('refuses to register a household in another county with 403 access.outside-area, and writes nothing', async () => {
    const number = `acc-out-${Date.now()}`;
    const body = { villageCode: OUTSIDE_VILLAGE, householdNumber: number, status: { kind: 'ordinary' } };
    const res = await as(county, 'POST', '/api/registry/households', body);
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'villageCode' } });
    expect(await streamOf(householdIdFor(OUTSIDE_VILLAGE, number))).toEqual([]);
  });

  it('refuses a change to a household of another county with 403, its stream unchanged', async () => {
    const id = (await register(OUTSIDE_VILLAGE)).body.id as string;
    const before = await streamOf(id);
    const flags = { relocatedToResettlementSite: true, urbanHukou: false };
    const res = await as(county, 'PUT', `/api/registry/households/${id}/flags`, flags);
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'householdId' } });
    const member = await as(
      inspector,
      'DELETE',
      `/api/registry/households/${id}/members/0190f5a2-0000-7000-8000-000000000000?reason=married-out`,
    );
    expect(member).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
    expect(await streamOf(id)).toEqual(before);
    expect((await as(county, 'GET', `/api/registry/households/${id}`)).body).toMatchObject({
      code: 'access.outside-area',
    });
  });

  it('limits a village inspector to their villages: the next village of the same township is outside', async () => {
    expect((await register(VILLAGE, inspector)).status).toBe(201);
    expect((await register(NEIGHBOUR_VILLAGE, inspector)).body).toMatchObject({ code: 'access.outside-area' });
  });

  it('lets the auditor read anywhere and change nothing (403 access.permission-denied)', async () => {
    const id = (await register(OUTSIDE_VILLAGE)).body.id as string;
    expect((await as(auditor, 'GET', `/api/registry/households/${id}`)).status).toBe(200);
    expect((await register(VILLAGE, auditor)).body).toMatchObject({ code: 'access.permission-denied' });
  });

  it('gives the province’s policy to its province official only', async () => {
    const line = { amountYuan: 7600, effectiveFrom: '2026-01-01', sourceDocument: 'doc' };
    const path = (p: string) => `/api/registry/policies/${p}/2026/monitoring-threshold`;
    expect((await as(province, 'PUT', path('51'), line)).status).toBe(200);
    expect((await as(province, 'PUT', path('50'), line)).body).toMatchObject({
      code: 'access.outside-area',
      field: 'provinceCode',
    });
    expect((await as(county, 'PUT', path('51'), line)).body).toMatchObject({ code: 'access.permission-denied' });
  });
});

describe('lists are filtered by the caller’s area', () => {
  it('lists only households of the caller’s county, with a total that counts only those', async () => {
    const inside = (await register(VILLAGE)).body.id as string;
    const outside = (await register(OUTSIDE_VILLAGE)).body.id as string;
    const everyone = await api.call('GET', '/api/registry/households?limit=500');
    const mine = await as(county, 'GET', '/api/registry/households?limit=500');
    const ids = (page: ApiResponse) =>
      page.body.items.map((h: { household: { householdId: string } }) => h.household.householdId);
    expect(ids(everyone)).toEqual(expect.arrayContaining([inside, outside]));
    expect(ids(mine)).toContain(inside);
    expect(ids(mine)).not.toContain(outside);
    expect(mine.body.items.every((h: { countyCode: string }) => h.countyCode === PINGCHANG)).toBe(true);
    const county511923 = await api.call('GET', `/api/registry/households?divisionCode=${PINGCHANG}&limit=500`);
    expect(mine.body.total).toBe(county511923.body.total);
    expect(mine.body.total).toBeLessThan(everyone.body.total);
  });

  it('refuses an explicit filter outside the area with 403, and narrows one that contains the area', async () => {
    const other = await as(county, 'GET', `/api/registry/households?divisionCode=${YILONG}`);
    expect(other).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'divisionCode' } });
    await register(NEIGHBOUR_VILLAGE);
    const township = await as(inspector, 'GET', `/api/registry/households?divisionCode=${TOWNSHIP}&limit=500`);
    expect(township.status).toBe(200);
    expect(township.body.total).toBeGreaterThan(0);
    expect(township.body.items.every((h: { villageCode: string }) => h.villageCode === VILLAGE)).toBe(true);
  });
});
