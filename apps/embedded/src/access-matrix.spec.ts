import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { claimsOf, USER_ROLES, type Principal, type UserRole } from '@relapse-watch/access';
import { runCli } from '@relapse-watch/household-registry';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { CampaignCommands, INSPECTION_OPERATOR, TEAM_COMMANDS, type TeamCommands } from '@relapse-watch/inspection';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { adminTestToken, TEST_ACCESS_TOKEN_ENV, testAccessToken } from '@relapse-watch/testing';
import { PROFILE, ROUTE_RULES, type MatrixRequest, type RouteRule, type Target } from './access-matrix.routes.fixture';
import { embeddedIdentity } from './embedded.identity';
import { EmbeddedModule } from './embedded.module';

// Issue 10, item 3: every route of the served OpenAPI document × every role (and a client
// system) × a target inside and one outside the caller's area. Households live in two counties
// of two provinces (平昌县, Sichuan, and a county of Chongqing), so every area-bound role has an
// outside: no outside access may succeed, a role without the permission gets 403
// access.permission-denied, and no token gets 401.
const PINGCHANG = '511923000000';
const TOWNSHIP = '511923002000';
const VILLAGE = '511923002201';

let app: NestExpressApplication;
let url: string;
let dataDir: string;
let inside: Target;
let outside: Target;
let admin: string;

interface Answer {
  readonly status: number;
  readonly code?: string;
}

async function send(method: string, request: MatrixRequest, token?: string): Promise<Answer> {
  const res = await fetch(`${url}${request.path}`, {
    method,
    headers: {
      'content-type': request.form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(request.body === undefined
      ? {}
      : {
          body: request.form
            ? new URLSearchParams(request.body as Record<string, string>).toString()
            : JSON.stringify(request.body),
        }),
  });
  const text = await res.text();
  const code = res.headers.get('content-type')?.includes('json')
    ? (JSON.parse(text) as { code?: string }).code
    : undefined;
  return { status: res.status, ...(typeof code === 'string' ? { code } : {}) };
}

async function asAdmin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`seeding ${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** The first unit down the tree from `code` to the village tier. */
async function firstVillageUnder(code: string): Promise<string> {
  let unit = code;
  while (!/^\d{9}(?!000)\d{3}$/.test(unit)) {
    const children = (await asAdmin('GET', `/api/registry/divisions/${unit}/children`)) as unknown as {
      code: string;
    }[];
    unit = children[0].code;
  }
  return unit;
}

/**
 * Waits until the inspection has learnt of the household from the registry's events (the in-process
 * bus delivers after the registry's answer), so its facts route answers by the access rules alone.
 */
async function factsArrived(householdId: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const res = await fetch(`${url}/api/inspection/households/${householdId}/facts`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    if (res.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the inspection never learnt of household ${householdId}`);
}

/** A household with its head and a key region of its province: what the routes address. */
async function targetIn(villageCode: string, countyCode: string): Promise<Target> {
  const provinceCode = `${villageCode.slice(0, 2)}0000000000`;
  const household = await asAdmin('POST', '/api/registry/households', {
    villageCode,
    householdNumber: 'matrix-seed',
    status: { kind: 'ordinary' },
  });
  const householdId = String(household['id']);
  const residentId = villageCode.startsWith('51') ? '51192319700903022X' : '511923194201250157';
  const head = await asAdmin('POST', `/api/registry/households/${householdId}/members`, {
    personal: { name: '李测试', residentId },
    profile: PROFILE,
  });
  const region = await asAdmin('POST', `/api/registry/policies/${villageCode.slice(0, 2)}/2026/key-regions`, {
    kind: 'major-natural-disaster',
    divisionCodes: [countyCode],
    reason: '洪灾',
    effectiveFrom: '2026-07-01',
  });
  await factsArrived(householdId);
  const { campaignId, teamId } = await campaignAndTeamIn(villageCode);
  const caseId = await caseOf(householdId);
  return {
    provinceCode,
    countyCode,
    villageCode,
    householdId,
    memberId: String(head['createdId']),
    regionId: String(region['createdId']),
    campaignId,
    teamId,
    caseId,
  };
}

/**
 * The household's monitoring case, opened by a cadre's lead as the administrator once the
 * assistance service has learnt of the household (404 `household.unknown` until its view has it).
 */
async function caseOf(householdId: string): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const res = await fetch(`${url}/api/assistance/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ householdId, source: 'cadre-inspection', referenceId: 'matrix-seed' }),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status === 201 && body.id !== undefined) return body.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the assistance service never learnt of household ${householdId}`);
}

/**
 * The province's 2026 campaign and a team covering the village, made through the inspection's
 * use cases as the operator: the launch route looks the lines up in the inspection's policy view
 * (which this seed does not wait for) and the rule sets in the rules library (none for Chongqing).
 */
async function campaignAndTeamIn(villageCode: string): Promise<{ campaignId: string; teamId: string }> {
  const provinceCode = villageCode.slice(0, 2);
  const ctx = { caller: INSPECTION_OPERATOR, correlationId: 'matrix-seed' };
  const policy = { lines: { monitoringThresholdFen: 760000, inspectionFilterLineFen: null }, keyRegions: [] };
  const campaigns = new CampaignCommands({
    store: app.get<EventStore>(EVENT_STORE),
    clock: fixedOffsetClock(480),
    policy: { inForce: () => Promise.resolve(policy) },
    // No rule set ships for Chongqing: the seed takes every version as known.
    rules: { keyGroupRuleIdsOf: () => [], hasChecklist: () => true },
  });
  await campaigns.launch(
    {
      provinceCode,
      year: 2026,
      launchedOn: '2026-09-01',
      teamsInPlaceBy: '2026-09-15',
      inspectBy: '2026-12-15',
      checklistVersion: '2026.1',
      ruleSetVersion: `${provinceCode}-2026.1`,
      keyGroupRuleIds: [],
    },
    ctx,
  );
  const team = await app.get<TeamCommands>(TEAM_COMMANDS, { strict: false }).form(
    {
      campaignId: `${provinceCode}-2026`,
      name: '矩阵种子组',
      townshipCode: `${villageCode.slice(0, 9)}000`,
      villageCodes: [villageCode],
      members: [{ userId: 'matrix-seed', role: 'official' }],
    },
    ctx,
  );
  return { campaignId: `${provinceCode}-2026`, teamId: team.createdId };
}

/** Each role's principal: home units that hold the inside target and not the outside one. */
function userOf(role: UserRole): Principal {
  const unit: Record<UserRole, string> = {
    'province-official': '510000000000',
    'city-official': '511900000000',
    'county-official': PINGCHANG,
    'township-official': TOWNSHIP,
    'village-inspector': TOWNSHIP,
    auditor: '510000000000',
    administrator: '510000000000',
  };
  return {
    kind: 'user',
    id: `matrix-${role}`,
    role,
    unitCode: unit[role],
    villageCodes: role === 'village-inspector' ? [VILLAGE] : [],
  };
}

const CALLERS: readonly Principal[] = [
  ...USER_ROLES.map(userOf),
  {
    kind: 'client',
    id: 'matrix-client',
    role: 'client',
    unitCode: '510000000000',
    scopes: ['registry.read', 'registry.write'],
  },
  // A department's system (health insurance): it may send warnings and nothing else.
  { kind: 'client', id: 'matrix-warnings', role: 'client', unitCode: '510000000000', scopes: ['warning.submit'] },
];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rw-access-matrix-'));
  // Chongqing's tree (only Sichuan's extract ships): the province official needs an outside too.
  const cli: string[] = [];
  const io = { out: (l: string) => cli.push(l), err: (l: string) => cli.push(l), cwd: dataDir };
  const args = ['divisions', 'import', '--province', '50', '--from-package', '--read-store', 'sqlite:read.db'];
  if ((await runCli(args, io)) !== 0) throw new Error(`divisions import failed:\n${cli.join('\n')}`);
  process.env['REGISTRY_PROVINCES'] = '51,50';
  const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
  app = await createServiceApp(EmbeddedModule.forRoot({ demo: 'none' }), { config, identity: embeddedIdentity() });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  admin = await adminTestToken();
  inside = await targetIn(VILLAGE, PINGCHANG);
  const chongqingVillage = await firstVillageUnder('500000000000');
  outside = await targetIn(chongqingVillage, `${chongqingVillage.slice(0, 6)}000000`);
}, 120_000);
afterAll(async () => {
  await app?.close();
  delete process.env['REGISTRY_PROVINCES'];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** `METHOD path` of every operation the served document lists. */
async function documentedRoutes(): Promise<string[]> {
  const doc = (await (await fetch(`${url}/docs/openapi.json`)).json()) as { paths: Record<string, object> };
  const methods = ['get', 'put', 'post', 'delete', 'patch'];
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => methods.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe('the access matrix', () => {
  it('lists exactly the routes of the OpenAPI document', async () => {
    expect((await documentedRoutes()).sort()).toEqual(Object.keys(ROUTE_RULES).sort());
  });

  it('never lets an outside access succeed; refuses a missing permission with 403 and no token with 401', async () => {
    const refusals: string[] = [];
    let cells = 0;
    let outsideCells = 0;
    let outsideSuccesses = 0;
    let n = 0;
    const tokens = new Map<Principal, string>();
    for (const caller of CALLERS) tokens.set(caller, await testAccessToken({ ...claimsOf(caller) }, 600));

    for (const [route, rule] of Object.entries(ROUTE_RULES)) {
      const method = route.split(' ')[0];
      const unsigned = await send(method, rule.request(inside, ++n));
      cells++;
      if (rule.access !== 'public' && unsigned.status !== 401) refusals.push(`${route} no token → ${unsigned.status}`);
      if (rule.access === 'public') {
        const wrong =
          rule.unsignedStatus === undefined ? unsigned.status >= 400 : unsigned.status !== rule.unsignedStatus;
        if (wrong) refusals.push(`${route} public → ${unsigned.status}`);
      }
      if (rule.access === 'public') continue;

      for (const caller of CALLERS) {
        for (const side of ['inside', 'outside'] as const) {
          if (side === 'outside' && rule.area === 'none') continue;
          const target = side === 'inside' ? inside : outside;
          const answer = await send(method, rule.request(target, ++n), tokens.get(caller));
          cells++;
          const who = `${route} ${caller.role} ${side}`;
          const expected = expectation(caller, rule, side);
          if (side === 'outside' && !EVERYWHERE.includes(caller.role)) {
            outsideCells++;
            if (answer.status < 300) outsideSuccesses++;
          }
          // 400 would mean the table builds a malformed request, which proves nothing about access.
          if (expected === 'allowed' && [400, 401, 403].includes(answer.status))
            refusals.push(`${who}: expected allowed, got ${answer.status} ${answer.code}`);
          if (expected !== 'allowed' && (answer.status !== 403 || answer.code !== expected))
            refusals.push(`${who}: expected 403 ${expected}, got ${answer.status} ${answer.code ?? ''}`);
        }
      }
    }
    console.log(
      `access matrix: ${Object.keys(ROUTE_RULES).length} routes × ${CALLERS.length} callers × inside/outside: ` +
        `${cells} cells, ${outsideCells} outside cells, ${outsideSuccesses} outside successes`,
    );
    expect(refusals).toEqual([]);
    expect(outsideSuccesses).toBe(0);
    expect(outsideCells).toBeGreaterThan(0);
  }, 300_000);
});

/**
 * Who may do what, written out here rather than asked of @relapse-watch/access, so the matrix
 * checks the server against the policy (issue 10) and not against itself.
 */
const MAY: Readonly<
  Record<
    | 'registry.read'
    | 'registry.write'
    | 'policy.write'
    | 'personal.read'
    | 'audit.read'
    | 'privacy.erase'
    | 'users.manage'
    | 'inspection.read'
    | 'inspection.write'
    | 'inspection.decide'
    | 'campaign.manage'
    | 'case.read'
    | 'case.write'
    | 'case.decide'
    | 'warning.submit'
    | 'report.read',
    readonly string[]
  >
> = {
  'registry.read': [...USER_ROLES, 'client:matrix-client'],
  'registry.write': [...USER_ROLES.filter((role) => role !== 'auditor'), 'client:matrix-client'],
  'policy.write': ['province-official', 'administrator'],
  // Every user role may ask for the plain numbers (each read recorded); the client lacks the scope.
  'personal.read': [...USER_ROLES],
  // The whole history of any household: the auditor and the administrator only (issue 13 item 3).
  'audit.read': ['auditor', 'administrator'],
  'privacy.erase': ['administrator'],
  'users.manage': ['administrator'],
  // Every user role reads the inspection (design-11 "Permissions"); the matrix's client has no such scope.
  'inspection.read': [...USER_ROLES],
  // Every official and the inspectors record; officials decide on suggestions, inspectors do not.
  'inspection.write': USER_ROLES.filter((role) => role !== 'auditor'),
  'inspection.decide': ['province-official', 'city-official', 'county-official', 'township-official', 'administrator'],
  // Officials run the campaign in their unit (teams: the villages' officials); inspectors and the auditor do not.
  'campaign.manage': ['province-official', 'city-official', 'county-official', 'township-official', 'administrator'],
  // Every user role reads cases (the auditor too); no client system does.
  'case.read': [...USER_ROLES],
  // Inspectors and officials take leads and record steps and plans; the auditor changes nothing.
  'case.write': USER_ROLES.filter((role) => role !== 'auditor'),
  // Only the county and above decide a case (县级审定): not the township, not the inspector.
  'case.decide': ['province-official', 'city-official', 'county-official', 'administrator'],
  // A department's system sends warnings; of the people, only the administrator (who may do everything).
  'warning.submit': ['administrator', 'client:matrix-warnings'],
  // Every user role reads the reports of its own area (the auditor everywhere); no client system does.
  'report.read': [...USER_ROLES],
};
/** The roles whose area is the whole tree: nothing is outside for them. */
const EVERYWHERE: readonly string[] = ['auditor', 'administrator'];

/** What a cell must answer: allowed (anything but 401/403), or 403 with the rule. */
function expectation(
  caller: Principal,
  rule: Exclude<RouteRule, { access: 'public' }>,
  side: 'inside' | 'outside',
): 'allowed' | 'access.permission-denied' | 'access.outside-area' {
  const may = MAY[rule.access as keyof typeof MAY];
  if (may === undefined) throw new Error(`the matrix knows no callers of ${rule.access}`);
  const who = caller.kind === 'client' ? `client:${caller.id}` : caller.role;
  if (!may.includes(who)) return 'access.permission-denied';
  if (caller.kind === 'user' && rule.reachedBy !== undefined && !rule.reachedBy.includes(caller.role))
    return 'access.outside-area';
  if (side === 'outside' && rule.area === 'division' && !EVERYWHERE.includes(caller.role)) return 'access.outside-area';
  return 'allowed';
}
