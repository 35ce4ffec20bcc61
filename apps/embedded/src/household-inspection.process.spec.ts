import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { adminTestToken } from '@relapse-watch/testing';
import { PROFILE } from './access-matrix.routes.fixture';
import { newDataDir, startEmbedded } from './embedded-process.fixture';

// Issue 11, the whole-visit path in the embedded process: a campaign launched through the
// inspection's API, households registered through the registry's, learnt by the inspection over
// the in-process bus, then visited through POST …/visits as the field app does.
const VILLAGE = '511923002201';
type Answer = { status: number; body: Record<string, unknown> };

async function call(url: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminTestToken()}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function written(url: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const answer = await call(url, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A household with its head, once the inspection has learnt its members (the bus delivers asynchronously). */
async function household(url: string, health: unknown): Promise<string> {
  const created = await written(url, 'POST', '/api/registry/households', {
    villageCode: VILLAGE,
    householdNumber: `visit-${randomUUID().slice(0, 8)}`,
    status: { kind: 'ordinary' },
  });
  const householdId = String(created['id']);
  const residentId = health === null ? '511923196804120318' : '51192319700903022X';
  await written(url, 'POST', `/api/registry/households/${householdId}/members`, {
    personal: { name: '王测试', residentId },
    profile: { ...PROFILE, ...(health === null ? {} : { health }) },
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const facts = await call(url, 'GET', `/api/inspection/households/${householdId}/facts`);
    if (facts.status === 200 && (facts.body['members'] as unknown[]).length === 1) return householdId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the inspection did not learn the household');
}

/** Findings of checklist 2024.1 for every area, none finding a problem. */
const FINDINGS = {
  'relapse-risk': { answers: { 'risk-present': false, 'sudden-hardship': false } },
  income: { answers: { 'per-capita-estimate': 1_500_000, 'income-dropped': false } },
  'assistance-measures': {
    answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
  },
  'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
  'latent-risks': {
    answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
  },
  'data-quality': { answers: { 'record-matches': true, 'ledger-matches': true } },
  'policy-awareness': { answers: { 'application-guide': true } },
};

describe('a whole visit in the embedded process', () => {
  it('refuses a key-group household seen by group assessment only, completes (late) with every area, 400 with every field', async () => {
    const app = startEmbedded(newDataDir(), ['--no-demo']);
    const url = await app.url;
    // The province's line reaches the inspection's policy view (over the bus); the campaign launches on it.
    await written(url, 'PUT', '/api/registry/policies/51/2024/monitoring-threshold', {
      amountYuan: '7200',
      effectiveFrom: '2024-01-01',
      sourceDocument: '川乡振发〔2024〕1号',
    });
    const terms = {
      provinceCode: '51',
      year: 2024,
      launchedOn: '2024-09-01',
      teamsInPlaceBy: '2024-09-15',
      inspectBy: '2024-11-30',
      checklistVersion: '2024.1',
      ruleSetVersion: '51-2024.1',
      keyGroupRuleIds: ['key-group.income-drop', 'key-group.new-severe-disability'],
    };
    let launched = await call(url, 'POST', '/api/inspection/campaigns', terms);
    for (let attempt = 0; attempt < 200 && launched.status !== 201; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      launched = await call(url, 'POST', '/api/inspection/campaigns', terms);
    }
    expect(launched.status).toBe(201);
    const visits = (householdId: string) => `/api/inspection/campaigns/51-2024/households/${householdId}/visits`;
    const visit = { method: 'household-visit', contactedOn: '2024-10-14', findings: FINDINGS, complete: true };

    // A new grade-2 disability (learnt today) puts the household in a key group: a visit of its own is needed.
    const keyGroup = await household(url, { kind: 'disabled', grade: 2 });
    const byGroup = await call(url, 'POST', visits(keyGroup), { ...visit, method: 'group-assessment' });
    expect(byGroup).toMatchObject({
      status: 422,
      body: { code: 'inspection.household-visit-required', field: 'method' },
    });
    expect(byGroup.body['message']).toContain('key-group.new-severe-disability');
    expect((await call(url, 'GET', `/api/inspection/campaigns/51-2024/households/${keyGroup}`)).status).toBe(404);
    const visited = await call(url, 'POST', visits(keyGroup), visit);
    expect(visited).toMatchObject({ status: 201, body: { status: 'completed' } });
    const onTime = await call(url, 'GET', `/api/inspection/campaigns/51-2024/households/${keyGroup}`);
    expect(onTime.body['completion']).toMatchObject({ late: false, visited: true });

    // Every area answered, inspected after the campaign's deadline (2024-11-30): completed, marked late.
    const ordinary = await household(url, null);
    const late = { ...visit, method: 'online-communication', contactedOn: '2024-12-02' };
    const done = await call(url, 'POST', visits(ordinary), late);
    expect(done).toMatchObject({ status: 201, body: { status: 'completed', round: 1 } });
    const read = await call(url, 'GET', `/api/inspection/campaigns/51-2024/households/${ordinary}`);
    expect(read.body['completion']).toMatchObject({ late: true, visited: false, methods: ['online-communication'] });

    // Bad findings: every field at once, the request's shape and the checklist's questions.
    const bad = await call(url, 'POST', visits(ordinary), {
      ...visit,
      contactId: 'bad-1',
      findings: { income: { answers: { 'income-dropped': 'maybe', 'no-such-question': true } } },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((bad.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual([
      'findings.income.answers.income-dropped',
      'findings.income.answers.no-such-question',
    ]);
    expect(await app.stop()).toBe(0);
  });
});
