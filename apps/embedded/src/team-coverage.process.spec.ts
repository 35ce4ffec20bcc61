import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { adminTestToken } from '@relapse-watch/testing';
import { newDataDir, startEmbedded } from './embedded-process.fixture';

// Issue 11, item 3 (team coverage drives the village inspector's access), in embedded mode: a
// team formed through the inspection's HTTP API reaches the gateway as InspectionTeamFormed over
// the in-process bus; the inspector's next sign-in carries the team's village, and they reach its
// households. Disbanding the team takes the village away again.
const TOWNSHIP = '511923002000';
const VILLAGE = '511923002201';
const OTHER_VILLAGE = '511923002202';
const PASSWORD = 'Inspector-Pingchang-2026!';

type Answer = { status: number; body: Record<string, unknown> };

async function call(url: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token ?? (await adminTestToken())}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
}

async function written(url: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const answer = await call(url, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The first answer `done` accepts, trying every 100 ms (the bus delivers asynchronously); the last one otherwise. */
async function eventually(attempt: () => Promise<Answer>, done: (a: Answer) => boolean): Promise<Answer> {
  let last: Answer = { status: 0, body: {} };
  for (let i = 0; i < 200; i++) {
    last = await attempt();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

async function signIn(url: string, signInName: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signInName, password: PASSWORD }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || body.access_token === undefined) throw new Error(`sign-in: ${res.status}`);
  return body.access_token;
}

describe('team coverage drives the village inspector’s access, in the embedded process', () => {
  it('a team formed with the inspector gives them its village from their next sign-in; disbanding takes it away', async () => {
    const app = startEmbedded(newDataDir(), ['--no-demo']);
    const url = await app.url;
    const household = async (village: string) =>
      String(
        (
          await written(url, 'POST', '/api/registry/households', {
            villageCode: village,
            householdNumber: `cov-${randomUUID().slice(0, 8)}`,
            status: { kind: 'ordinary' },
          })
        )['id'],
      );
    const inTeamVillage = await household(VILLAGE);
    const elsewhere = await household(OTHER_VILLAGE);

    // The inspector, as an administrator adds one: no villages yet.
    const signInName = `inspector.${randomUUID().slice(0, 8)}`;
    const added = await written(url, 'POST', '/api/auth/users', {
      signInName,
      role: 'village-inspector',
      unitCode: TOWNSHIP,
      reason: '新任排查员 / new inspector',
    });
    const userId = String((added['user'] as { userId: string }).userId);
    await written(url, 'POST', '/api/auth/password', {
      signInName,
      password: added['oneTimePassword'],
      newPassword: PASSWORD,
    });
    const before = await signIn(url, signInName);
    expect((await call(url, 'GET', `/api/registry/households/${inTeamVillage}`, undefined, before)).status).toBe(403);

    // The province's line reaches the inspection's policy view; the campaign launches on it.
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
      inspectBy: '2024-12-15',
      checklistVersion: '2024.1',
      ruleSetVersion: '51-2024.1',
      keyGroupRuleIds: ['key-group.income-drop'],
    };
    const launched = await eventually(
      () => call(url, 'POST', '/api/inspection/campaigns', terms),
      (a) => a.status === 201,
    );
    expect(launched.status).toBe(201);

    const team = await written(url, 'POST', '/api/inspection/campaigns/51-2024/teams', {
      name: '坪河排查一组',
      townshipCode: TOWNSHIP,
      villageCodes: [VILLAGE],
      members: [{ userId, role: 'grid-worker' }],
    });
    const villagesOfInspector = () =>
      call(url, 'GET', '/api/auth/users').then((a) => {
        const users = (a.body as unknown as { userId: string; villageCodes: string[] }[]) ?? [];
        const user = Array.isArray(users) ? users.find((u) => u.userId === userId) : undefined;
        return { status: a.status, body: { villageCodes: user?.villageCodes ?? [] } };
      });
    const assigned = await eventually(villagesOfInspector, (a) => (a.body['villageCodes'] as string[]).length > 0);
    expect(assigned.body['villageCodes']).toEqual([VILLAGE]);

    const after = await signIn(url, signInName);
    expect((await call(url, 'GET', `/api/registry/households/${inTeamVillage}`, undefined, after)).status).toBe(200);
    expect((await call(url, 'GET', `/api/registry/households/${elsewhere}`, undefined, after)).status).toBe(403);

    await written(url, 'POST', `/api/inspection/teams/${String(team['id'])}/disbandment`, { reason: '人员调整' });
    const cleared = await eventually(villagesOfInspector, (a) => (a.body['villageCodes'] as string[]).length === 0);
    expect(cleared.body['villageCodes']).toEqual([]);
    const afterDisband = await signIn(url, signInName);
    expect((await call(url, 'GET', `/api/registry/households/${inTeamVillage}`, undefined, afterDisband)).status).toBe(
      403,
    );

    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { info: Record<string, unknown> };
    expect(ready.info['consumer:gateway']).toMatchObject({ status: 'up', group: 'gateway' });
    expect(await app.stop()).toBe(0);
  }, 120_000);
});
