import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { adminTestToken, testAccessToken } from '@relapse-watch/testing';
import { randomUUID } from 'node:crypto';
import {
  CampaignsInMemory,
  cleanFindings,
  householdFacts,
  HouseholdFactsInMemory,
  riskFindings,
  sichuanCampaign,
} from '../application/testing/household-inspection.test-support';
import { startInspectionApi, type InspectionApiHarness } from './testing/household-inspection-api.fixture';

// The household inspection over real HTTP (SQLite in a temp folder): the whole-visit path the
// field app uses — 201 completed, 422 naming the key-group rule, late after the deadline, 400
// with every field — and the officials' decisions. Campaigns and households' facts are held in
// memory here (their own sources are other parts of the service); each test makes its own household.
const clock = fixedOffsetClock(480);
const today = clock.dateAt(new Date());
const daysFrom = (days: number) => clock.dateAt(new Date(Date.now() + days * 86_400_000));
const campaigns = new CampaignsInMemory();
const households = new HouseholdFactsInMemory();
// The shipped rule sets are 2024's (Sichuan 51, Hubei 42): the campaigns are theirs, their dates around today.
const year = 2024;
const OPEN = '51-2024';
const OVERDUE = '42-2024';
let api: InspectionApiHarness;

beforeAll(async () => {
  campaigns.put(
    sichuanCampaign({
      campaignId: OPEN,
      year,
      launchedOn: daysFrom(-30),
      teamsInPlaceBy: daysFrom(-20),
      inspectBy: daysFrom(30),
    }),
  );
  campaigns.put(
    sichuanCampaign({
      campaignId: OVERDUE,
      provinceCode: '42',
      ruleSetVersion: '42-2024.1',
      year,
      launchedOn: daysFrom(-60),
      teamsInPlaceBy: daysFrom(-50),
      inspectBy: daysFrom(-1),
      keyRegions: [],
    }),
  );
  api = await startInspectionApi('rw-inspection-api-', { campaigns, households });
});
afterAll(async () => {
  await api?.close();
});

function newHousehold(overrides: Parameters<typeof householdFacts>[1] = {}): string {
  const id = randomUUID();
  households.put(householdFacts(id, overrides));
  return id;
}
const path = (householdId: string, campaignId = OPEN) =>
  `/api/inspection/campaigns/${campaignId}/households/${householdId}`;
const visit = (overrides: Record<string, unknown> = {}) => ({
  method: 'household-visit',
  contactedOn: today,
  findings: cleanFindings(),
  complete: true,
  ...overrides,
});

describe('POST …/visits (a whole visit)', () => {
  it('records a visit with every area answered: 201, completed, not late; the inspection reads back', async () => {
    const id = newHousehold();
    const res = await api.call('POST', `${path(id)}/visits`, visit());
    expect(res).toMatchObject({
      status: 201,
      body: { id, status: 'completed', round: 1, revision: 2, replayed: false },
    });
    expect(res.body.events).toEqual([
      'HouseholdInspectionOpened',
      'HouseholdContactRecorded',
      'HouseholdInspectionCompleted',
    ]);
    const read = await api.call('GET', path(id));
    expect(read).toMatchObject({
      status: 200,
      body: { status: 'completed', villageCode: '511902001001', revision: 2 },
    });
    expect(read.body.completion).toMatchObject({ late: false, visited: true, methods: ['household-visit'] });
    expect(read.body.answeredAreas).toHaveLength(7);
  });

  it('refuses a key-group household seen only by group assessment: 422 naming the rule, nothing written', async () => {
    const head = householdFacts('x').members[0];
    const id = newHousehold({
      members: [{ ...head, health: { kind: 'disabled', grade: 2 }, healthSince: daysFrom(-10) }],
    });
    const res = await api.call('POST', `${path(id)}/visits`, visit({ method: 'group-assessment' }));
    expect(res).toMatchObject({ status: 422, body: { code: 'inspection.household-visit-required', field: 'method' } });
    expect(res.body.message).toContain('key-group.new-severe-disability');
    expect((await api.call('GET', path(id))).status).toBe(404);
  });

  it('accepts a completion after the campaign’s deadline and marks it late', async () => {
    const id = newHousehold({ villageCode: '420102001001' });
    const res = await api.call('POST', `${path(id, OVERDUE)}/visits`, visit());
    expect(res).toMatchObject({ status: 201, body: { status: 'completed' } });
    expect((await api.call('GET', path(id, OVERDUE))).body.completion).toMatchObject({
      late: true,
      completedOn: today,
    });
  });

  it('400 with every field: the request’s shape and the checklist’s questions at once', async () => {
    const id = newHousehold();
    const shape = await api.call('POST', `${path(id)}/visits`, {
      method: 'phone',
      contactedOn: 'yesterday',
      findings: { income: { answers: { x: { nested: true } } }, 'no-such-area': {} },
      complete: 'yes',
    });
    expect(shape.status).toBe(400);
    expect(shape.body.code).toBe('validation.failed');
    const fields = (shape.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['method', 'contactedOn', 'findings.income.answers', 'findings.no-such-area', 'complete']),
    );

    const checklist = await api.call('POST', `${path(id)}/visits`, {
      ...visit(),
      findings: { income: { answers: { 'income-dropped': 3, 'per-capita-estimate': true, unknown: true } } },
    });
    expect(checklist).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((checklist.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'findings.income.answers.income-dropped',
      'findings.income.answers.per-capita-estimate',
      'findings.income.answers.unknown',
    ]);
  });

  it('422 listing the areas left unanswered when asked to complete', async () => {
    const id = newHousehold();
    const res = await api.call('POST', `${path(id)}/visits`, visit({ findings: cleanFindings(['income']) }));
    expect(res).toMatchObject({ status: 422, body: { code: 'inspection.areas-unanswered', field: 'findings' } });
    expect(res.body.message).toContain('relapse-risk');
  });

  it('replays a re-sent visit under its Idempotency-Key, and answers 409 on a stale If-Match', async () => {
    const id = newHousehold();
    const headers = { 'idempotency-key': `visit-${id}` };
    const first = await api.call('POST', `${path(id)}/visits`, visit({ complete: false }), headers);
    const again = await api.call('POST', `${path(id)}/visits`, visit({ complete: false }), headers);
    expect(again.body).toMatchObject({
      replayed: true,
      contactId: first.body.contactId,
      position: first.body.position,
    });
    const stale = await api.call('POST', `${path(id)}/completion`, undefined, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    const done = await api.call('POST', `${path(id)}/completion`, undefined, {
      'if-match': `"${first.body.revision}"`,
    });
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'completed', events: ['HouseholdInspectionCompleted'] },
    });
  });

  it('403 for an official of another county; 404 for an unknown household or campaign', async () => {
    const id = newHousehold();
    const elsewhere = await testAccessToken(
      { sub: 'official-x', kind: 'user', role: 'county-official', unit: '511923000000' },
      600,
    );
    const res = await api.call('POST', `${path(id)}/visits`, visit(), { authorization: `Bearer ${elsewhere}` });
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
    expect((await api.call('POST', `${path(randomUUID())}/visits`, visit())).body).toMatchObject({
      code: 'household.not-known',
    });
    expect((await api.call('POST', `${path(id, '51-1999')}/visits`, visit())).status).toBe(404);
  });
});

describe('assignment, reopening and decisions', () => {
  it('assigns, records a visit that finds a risk, accepts the suggestion, reopens for a revisit', async () => {
    const id = newHousehold();
    const assigned = await api.call('PUT', `${path(id)}/assignment`, {
      teamId: randomUUID(),
      inspectorIds: ['inspector-1'],
    });
    expect(assigned).toMatchObject({
      status: 200,
      body: { events: ['HouseholdInspectionOpened', 'HouseholdInspectionAssigned'] },
    });
    const findings = riskFindings();
    const visited = await api.call('POST', `${path(id)}/visits`, visit({ findings }));
    expect(visited.body.events).toEqual([
      'HouseholdContactRecorded',
      'InspectionSuggestionsRecorded',
      'HouseholdInspectionCompleted',
    ]);
    const { suggestions } = (await api.call('GET', path(id))).body;
    const suggestionId = suggestions[0].suggestion.suggestionId as string;
    const accepted = await api.call('POST', `${path(id)}/suggestions/${suggestionId}/acceptance`, {
      reason: '入户核实属实 / confirmed at the visit',
      category: 'sudden-severe-hardship',
      riskTypes: ['illness'],
    });
    expect(accepted).toMatchObject({ status: 200, body: { events: ['InspectionSuggestionAccepted'] } });
    const dismissed = await api.call('POST', `${path(id)}/suggestions/${suggestionId}/dismissal`, {
      reason: '改变主意 / changed mind',
    });
    expect(dismissed).toMatchObject({ status: 422, body: { code: 'suggestion.already-decided' } });
    const reopened = await api.call('POST', `${path(id)}/reopening`, { reason: '复查 / revisit' });
    expect(reopened).toMatchObject({ status: 200, body: { status: 'open', round: 2 } });
  });

  it('404 for an unknown suggestion, issue or item; 403 for an inspector deciding', async () => {
    const id = newHousehold();
    await api.call('POST', `${path(id)}/visits`, visit());
    const none = randomUUID();
    expect((await api.call('POST', `${path(id)}/suggestions/${none}/dismissal`, { reason: 'r' })).body.code).toBe(
      'suggestion.not-found',
    );
    expect(
      (await api.call('POST', `${path(id)}/data-quality-issues/${none}/resolution`, { resolution: 'r' })).status,
    ).toBe(404);
    expect(
      (await api.call('POST', `${path(id)}/rectification-items/${none}/closure`, { resolution: 'r' })).status,
    ).toBe(404);
    const inspector = await testAccessToken(
      { sub: 'inspector-1', kind: 'user', role: 'village-inspector', unit: '511902001000', villages: ['511902001001'] },
      600,
    );
    const res = await api.call(
      'POST',
      `${path(id)}/suggestions/${none}/dismissal`,
      { reason: 'r' },
      { authorization: `Bearer ${inspector}` },
    );
    expect(res).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
  });
});

describe('GET …/data-quality-issues and …/rectification-items (the lists of a unit)', () => {
  it('lists an accepted mismatch as an open issue and an open item, then the issue resolved; exports them', async () => {
    const id = newHousehold();
    const mismatch = {
      ...cleanFindings(),
      'data-quality': { answers: { 'record-matches': false, 'ledger-matches': true }, note: null, evidence: [] },
    };
    expect((await api.call('POST', `${path(id)}/visits`, visit({ findings: mismatch }))).status).toBe(201);
    const { suggestions } = (await api.call('GET', path(id))).body;
    const idOf = (ruleId: string) =>
      (suggestions as { suggestion: { suggestionId: string; ruleId: string } }[]).find(
        (s) => s.suggestion.ruleId === ruleId,
      )!.suggestion.suggestionId;
    const issueId = idOf('data-quality.record-mismatch');
    const itemId = idOf('rectification.data-quality');
    const why = { reason: '核实属实 / confirmed' };
    await api.call('POST', `${path(id)}/suggestions/${issueId}/acceptance`, why);
    const accepted = await api.call('POST', `${path(id)}/suggestions/${itemId}/acceptance`, why);
    const after = (answer: { body: Record<string, unknown> }) => ({
      'x-min-position': String(answer.body['position']),
    });
    const village = '/api/inspection/campaigns/51-2024/data-quality-issues?divisionCode=511902001001';

    const open = await api.call('GET', `${village}&status=open`, undefined, after(accepted));
    expect(open.status).toBe(200);
    expect(open.body.items).toContainEqual(
      expect.objectContaining({ id: issueId, householdId: id, status: 'open', openedOn: today, daysOpen: 0 }),
    );
    const items = await api.call(
      'GET',
      '/api/inspection/campaigns/51-2024/rectification-items?divisionCode=511902001000&ruleId=rectification.data-quality',
    );
    expect(items.body.items).toContainEqual(
      expect.objectContaining({ id: itemId, area: 'data-quality', ownerUnit: 'township', overdue: false }),
    );

    const resolved = await api.call('POST', `${path(id)}/data-quality-issues/${issueId}/resolution`, {
      resolution: '已更正 / fixed',
    });
    const closed = await api.call('GET', `${village}&status=closed`, undefined, after(resolved));
    expect(closed.body.items).toContainEqual(
      expect.objectContaining({ id: issueId, status: 'closed', closedOn: today, resolution: '已更正 / fixed' }),
    );
    expect((await api.call('GET', `${village}&status=open`)).body.items).not.toContainEqual(
      expect.objectContaining({ id: issueId }),
    );

    const file = await fetch(`${api.url}/api/inspection/campaigns/51-2024/rectification-items/export?format=csv`, {
      headers: { authorization: `Bearer ${await adminTestToken()}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toContain('rectification-items-51-2024-510000000000.csv');
    expect(await file.text()).toContain(itemId);
  });

  it('400 with the field for a bad query; 404 for an unknown campaign; 403 outside the caller’s area', async () => {
    const list = '/api/inspection/campaigns/51-2024/data-quality-issues';
    const bad = await api.call('GET', `${list}?status=pending&limit=0&divisionCode=51`);
    expect(bad).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'divisionCode',
      'limit',
      'status',
    ]);
    const format = await api.call('GET', '/api/inspection/campaigns/51-2024/rectification-items/export?format=pdf');
    expect(format).toMatchObject({ status: 400, body: { field: 'format' } });
    expect((await api.call('GET', '/api/inspection/campaigns/51-2099/data-quality-issues')).status).toBe(404);
    const elsewhere = await testAccessToken(
      { sub: 'official-x', kind: 'user', role: 'county-official', unit: '511923000000' },
      600,
    );
    const res = await api.call('GET', `${list}?divisionCode=511902001001`, undefined, {
      authorization: `Bearer ${elsewhere}`,
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'divisionCode' } });
  });
});
