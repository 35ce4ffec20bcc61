import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { testAccessToken, type TestTokenClaims } from '@relapse-watch/testing';
import type { RegistryCommands } from '../application/registry-commands';
import { OPERATOR } from '@relapse-watch/access';
import { disclosureStreamId } from '../domain/personal-data-disclosure/personal-data-disclosure';
import { HEAD, SPOUSE } from '../domain/testing/household.fixtures';
import { HOUSEHOLD_REGISTER_RUNNER, REGISTRY_COMMANDS } from './registry.tokens';
import { startRegistryApi, type RegistryApiHarness } from './testing/registry-api.fixture';
import type { ProjectionRunner } from '@relapse-watch/read-store-core';

// The unmasked read of a household's people: who may, what is recorded, and that the ordinary
// reads mask the numbers. Households of 平昌县 (511923): VILLAGE inside a township official's
// area, the household is set up through the use cases (the routes' own rules are the matrix's).
const VILLAGE = '511923002201';
const TOWNSHIP = '511923002000';
const OTHER_TOWNSHIP = '511923101000';
let api: RegistryApiHarness;
let householdId: string;
let headId: string;

const township = (unit: string): TestTokenClaims => ({ sub: 'u-town', kind: 'user', role: 'township-official', unit });
const bearer = async (claims: TestTokenClaims) => ({ authorization: `Bearer ${await testAccessToken(claims)}` });

beforeAll(async () => {
  api = await startRegistryApi('rw-personal-data-');
  const commands = api.app.get<RegistryCommands>(REGISTRY_COMMANDS);
  const ctx = { caller: OPERATOR, correlationId: 'spec' };
  const registered = await commands.register(
    { villageCode: VILLAGE, householdNumber: 'pd-1', status: { kind: 'ordinary' } },
    ctx,
  );
  householdId = registered.state.kind === 'registered' ? registered.state.householdId : '';
  headId = (await commands.addMember(householdId, { personal: HEAD.personal, profile: HEAD.profile }, ctx)).createdId;
  await commands.addMember(householdId, { personal: SPOUSE.personal, profile: SPOUSE.profile }, ctx);
  await api.app
    .get<ProjectionRunner<unknown>>(HOUSEHOLD_REGISTER_RUNNER)
    .waitUntilCaughtUp(await api.app.get<EventStore>(EVENT_STORE).headPosition());
});
afterAll(async () => {
  await api?.close();
});

async function disclosures(): Promise<{ data: Record<string, unknown>; actor: unknown }[]> {
  const out: { data: Record<string, unknown>; actor: unknown }[] = [];
  for await (const e of api.app.get<EventStore>(EVENT_STORE).readStream(disclosureStreamId(householdId)))
    out.push({ data: e.data as Record<string, unknown>, actor: e.metadata.actor });
  return out;
}

describe('GET /api/registry/households/:id/personal-data', () => {
  it('hands the plain names and numbers to an official of the area, and records who, what and why first', async () => {
    const path = `/api/registry/households/${householdId}/personal-data?reason=${encodeURIComponent('入户核查 / home check')}`;
    const res = await api.call('GET', path, undefined, await bearer(township(TOWNSHIP)));
    expect(res.status).toBe(200);
    expect(res.body.members).toEqual([
      { memberId: headId, erased: false, name: HEAD.personal.name, residentId: HEAD.personal.residentId },
      expect.objectContaining({ erased: false, name: SPOUSE.personal.name, residentId: SPOUSE.personal.residentId }),
    ]);
    expect(await disclosures()).toEqual([
      {
        data: {
          householdId,
          memberIds: res.body.members.map((m: { memberId: string }) => m.memberId),
          fields: ['name', 'residentId'],
          reason: '入户核查 / home check',
        },
        actor: { userId: 'u-town', role: 'township-official' },
      },
    ]);
  });

  it('gives one member when asked, and 404 for a member the household lacks', async () => {
    const headers = await bearer(township(TOWNSHIP));
    const one = await api.call(
      'GET',
      `/api/registry/households/${householdId}/personal-data?reason=check&memberId=${headId}`,
      undefined,
      headers,
    );
    expect(one.body.members).toHaveLength(1);
    const none = await api.call(
      'GET',
      `/api/registry/households/${householdId}/personal-data?reason=check&memberId=nobody`,
      undefined,
      headers,
    );
    expect(none).toMatchObject({ status: 404, body: { code: 'member.not-found' } });
  });

  it('refuses the township next door with access.outside-area and records nothing', async () => {
    const before = (await disclosures()).length;
    const res = await api.call(
      'GET',
      `/api/registry/households/${householdId}/personal-data?reason=curious`,
      undefined,
      await bearer(township(OTHER_TOWNSHIP)),
    );
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
    expect(await disclosures()).toHaveLength(before);
  });

  it('needs a reason, a token, and the personal.read permission or scope', async () => {
    const base = `/api/registry/households/${householdId}/personal-data`;
    const noReason = await api.call('GET', base, undefined, await bearer(township(TOWNSHIP)));
    expect(noReason).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect(new Set(noReason.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
    expect((await api.call('GET', `${base}?reason=x`, undefined, { authorization: '' })).status).toBe(401);
    const client = await bearer({ sub: 'civil-affairs', kind: 'client', role: 'client', scope: 'registry.read' });
    expect(await api.call('GET', `${base}?reason=x`, undefined, client)).toMatchObject({
      status: 403,
      body: { code: 'access.permission-denied' },
    });
    const entitled = await bearer({ sub: 'health', kind: 'client', role: 'client', scope: 'personal.read' });
    expect(
      (await api.call('GET', `${base}?reason=${encodeURIComponent('医保参保核对')}`, undefined, entitled)).status,
    ).toBe(200);
  });
});
