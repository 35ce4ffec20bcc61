import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import { testAccessToken } from '@relapse-watch/testing';
import { HEAD, SPOUSE } from '../domain/testing/household.fixtures';
import { startRegistryApi, type RegistryApiHarness } from './testing/registry-api.fixture';

// The registry's part of a household's audit trail over real HTTP (SQLite files, the sealing
// event store and key store of the runtime): who, when, what, why and the correlation id of
// every change and every unmasked read; erased people read 已删除 / erased, never in clear.
const VILLAGE = '511923002201';
let api: RegistryApiHarness;
let auditor: string;
let county: string;

beforeAll(async () => {
  api = await startRegistryApi('rw-registry-audit-api-');
  auditor = `Bearer ${await testAccessToken({ sub: 'aud-1', kind: 'user', role: 'auditor', unit: '510000000000' })}`;
  county = `Bearer ${await testAccessToken({ sub: 'cty-1', kind: 'user', role: 'county-official', unit: '511923000000' })}`;
});
afterAll(async () => {
  await api?.close();
});

const member = (m: typeof HEAD) => ({ personal: m.personal, profile: m.profile });
let sequence = 100;
/** A fixture member under a resident ID of their own: one person belongs to one household only. */
function person(m: typeof HEAD): typeof HEAD {
  const first17 = `${m.personal.residentId.slice(0, 14)}${++sequence}`;
  return { ...m, personal: { name: m.personal.name, residentId: `${first17}${residentIdCheckCharacter(first17)}` } };
}

async function household(correlationId: string): Promise<string> {
  const headers = { 'x-correlation-id': correlationId };
  const created = await api.call(
    'POST',
    '/api/registry/households',
    { villageCode: VILLAGE, householdNumber: `audit-${randomUUID()}`, status: { kind: 'ordinary' } },
    headers,
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await api.call('POST', `/api/registry/households/${id}/members`, member(person(HEAD)), headers)).status).toBe(
    201,
  );
  expect(
    (await api.call('POST', `/api/registry/households/${id}/members`, member(person(SPOUSE)), headers)).status,
  ).toBe(201);
  return id;
}

describe('GET /api/registry/audit/households/{householdId}', () => {
  it('lists every change with who, when, what and the correlation id, to an auditor', async () => {
    const correlationId = randomUUID();
    const id = await household(correlationId);
    const read = await api.call(
      'GET',
      `/api/registry/households/${id}/personal-data?reason=${encodeURIComponent('核对 / check')}`,
      undefined,
      { authorization: auditor },
    );
    expect(read.status).toBe(200);
    const res = await api.call('GET', `/api/registry/audit/households/${id}`, undefined, { authorization: auditor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId: id, context: 'registry' });
    const entries = res.body.entries as Record<string, unknown>[];
    expect(entries.map((e) => e.eventType)).toEqual([
      'HouseholdRegistered',
      'MemberAdded',
      'MemberAdded',
      'PersonalDataDisclosed',
    ]);
    expect(entries[0]).toMatchObject({
      context: 'registry',
      streamId: `registry-household-${id}`,
      actor: { userId: 'test-admin', role: 'administrator' },
      correlationId,
      causationId: null,
      reason: null,
      erased: false,
      summary: { zh: expect.stringContaining(VILLAGE), en: expect.stringContaining('household registered') },
    });
    expect(entries[3]).toMatchObject({
      streamId: `registry-disclosure-${id}`,
      actor: { userId: 'aud-1', role: 'auditor' },
      reason: '核对 / check',
    });
    const positions = entries.map((e) => e.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const e of entries) expect(Date.parse(e.recordedAt as string)).not.toBeNaN();
    const body = JSON.stringify(res.body);
    for (const value of [HEAD.personal.name, HEAD.personal.residentId, SPOUSE.personal.name])
      expect(body).not.toContain(value);
  });

  it('shows an erased household’s personal entries as erased, and the erasure with its reason', async () => {
    const id = await household(randomUUID());
    const erased = await api.call('POST', `/api/registry/households/${id}/erasure`, {
      reason: '本人申请 / asked by the household',
    });
    expect(erased.status).toBe(200);
    const res = await api.call('GET', `/api/registry/audit/households/${id}`, undefined, { authorization: auditor });
    expect(res.status).toBe(200);
    const entries = res.body.entries as {
      eventType: string;
      erased: boolean;
      reason: string | null;
      summary: { zh: string; en: string };
    }[];
    expect(entries.map((e) => [e.eventType, e.erased])).toEqual([
      ['HouseholdRegistered', false],
      ['MemberAdded', true],
      ['MemberAdded', true],
      ['HouseholdPersonalDataErased', false],
    ]);
    expect(entries[1].summary.zh).toContain('已删除');
    expect(entries[1].summary.en).toContain('erased');
    expect(entries[3].reason).toBe('本人申请 / asked by the household');
    expect(JSON.stringify(res.body)).not.toContain('$sealed');
  });

  it('refuses a role without audit.read, a caller without a token, a malformed id; 404 for an unknown household', async () => {
    const id = await household(randomUUID());
    const path = `/api/registry/audit/households/${id}`;
    expect(await api.call('GET', path, undefined, { authorization: county })).toMatchObject({
      status: 403,
      body: { code: 'access.permission-denied' },
    });
    expect((await api.call('GET', path, undefined, { authorization: '' })).status).toBe(401);
    expect(await api.call('GET', '/api/registry/audit/households/not-a-uuid')).toMatchObject({
      status: 400,
      body: { code: 'validation.failed', field: 'householdId' },
    });
    expect(await api.call('GET', `/api/registry/audit/households/${randomUUID()}`)).toMatchObject({
      status: 404,
      body: { code: 'audit.household-unknown', field: 'householdId' },
    });
  });
});
