// Spec-only support for access-matrix.spec.ts: what each route of the OpenAPI document asks of
// its caller, and how to build a valid request to it against a target (a household, village,
// county, province) — valid, so that a refusal can only come from the access rules.
import type { Permission, UserRole } from '@relapse-watch/access';

/** The units and records a request is aimed at: all inside the caller's area, or all outside. */
export interface Target {
  readonly provinceCode: string;
  readonly countyCode: string;
  readonly villageCode: string;
  readonly householdId: string;
  readonly memberId: string;
  readonly regionId: string;
  /** The province's 2026 campaign (`<province>-2026`), launched by the seed. */
  readonly campaignId: string;
  /** A team of that campaign covering `villageCode`, formed by the seed. */
  readonly teamId: string;
  /** The household's monitoring case, opened by the seed's lead. */
  readonly caseId: string;
}

/** A request to send. */
export interface MatrixRequest {
  readonly path: string;
  readonly body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (OAuth 2.0's token endpoint) instead of JSON. */
  readonly form?: boolean;
}

/**
 * How a route is reached. `area`: what places the request in the division tree — `division`
 * (a household, village, county or province: inside or outside the caller's area) or `none`
 * (reference data every reader may read, like the division tree and the national risk types, or
 * system facts; no outside exists).
 */
export type RouteRule =
  | {
      readonly access: 'public';
      readonly request: (t: Target) => MatrixRequest;
      /** What the request answers without a token, when not a success: sign-in with a wrong password is a 401. */
      readonly unsignedStatus?: number;
    }
  | {
      readonly access: Permission;
      readonly area: 'division' | 'none';
      readonly request: (t: Target, n: number) => MatrixRequest;
      /**
       * The roles whose area can hold the unit the route addresses, when narrower than the
       * permission's: a campaign is the province's, so a city official who may manage campaigns
       * still cannot launch one (403 access.outside-area inside too).
       */
      readonly reachedBy?: readonly UserRole[];
    };

const HOUSEHOLD = (t: Target) => `/api/registry/households/${t.householdId}`;
const POLICY = (t: Target) => `/api/registry/policies/${t.provinceCode.slice(0, 2)}/2026`;
/** A head of household's profile, valid for every member route. */
export const PROFILE = {
  relationToHead: 'head',
  health: { kind: 'healthy' },
  labourCapacity: 'ordinary',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
};
const PERSON = { personal: { name: '王测试', residentId: '511923196804120318' }, profile: PROFILE };
const PERIOD = { kind: 'calendar-year', year: 2025 };
const SOURCE = '川乡振发〔测试〕9号';
const read = (request: (t: Target) => MatrixRequest, area: 'division' | 'none' = 'division'): RouteRule => ({
  access: 'registry.read',
  area,
  request,
});
const write = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'registry.write',
  area: 'division',
  request,
});
const policy = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'policy.write',
  area: 'division',
  request,
});
const open = (path: string): RouteRule => ({ access: 'public', request: () => ({ path }) });
/** A public route of sign-in, sent credentials that do not hold. */
const credentials = (path: string, body: unknown, unsignedStatus: number): RouteRule => ({
  access: 'public',
  request: () => ({ path, body }),
  unsignedStatus,
});
/** An administrator's route over users and clients: no division to be outside of. */
const users = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'users.manage',
  area: 'none',
  request,
});
const CAMPAIGN = (t: Target) => `/api/inspection/campaigns/${t.campaignId}`;
const TEAM = (t: Target) => `/api/inspection/teams/${t.teamId}`;
const townshipOf = (t: Target) => `${t.villageCode.slice(0, 9)}000`;
const inspectionRead = (request: (t: Target) => MatrixRequest): RouteRule => ({
  access: 'inspection.read',
  area: 'division',
  request,
});
const manage = (request: (t: Target, n: number) => MatrixRequest, reachedBy?: readonly UserRole[]): RouteRule => ({
  access: 'campaign.manage',
  area: 'division',
  request,
  ...(reachedBy === undefined ? {} : { reachedBy }),
});
const PROVINCE_ONLY: readonly UserRole[] = ['province-official', 'administrator'];
const TEAM_MEMBERS = { members: [{ userId: 'matrix-village-inspector', role: 'grid-worker' }] };
const NO_SUCH_USER = '0190f3a2-0000-7000-8000-000000000000';
/** A household's inspection in its province's campaign (the household first: outside is a 403 before any 404). */
const INSPECTION = (t: Target) => `/api/inspection/campaigns/${t.campaignId}/households/${t.householdId}`;
const NO_SUCH_SUGGESTION = '0190f3a2-0000-7000-8000-0000000000aa';
/** Findings of checklist 2024.1 that find no problem, so a refusal can only be the access rules' or a rule's 422. */
const VISIT = {
  method: 'household-visit',
  contactedOn: '2024-10-14',
  complete: false,
  findings: {
    'relapse-risk': { answers: { 'risk-present': false, 'sudden-hardship': false } },
    income: { answers: { 'per-capita-estimate': 1500000, 'income-dropped': false } },
  },
};
const inspect = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'inspection.write',
  area: 'division',
  request,
});
const decide = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'inspection.decide',
  area: 'division',
  request,
});
const WHY = { reason: '矩阵核对 / matrix check' };

const CASE = (t: Target) => `/api/assistance/cases/${t.caseId}`;
const caseRead = (request: (t: Target) => MatrixRequest): RouteRule => ({
  access: 'case.read',
  area: 'division',
  request,
});
const caseWrite = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'case.write',
  area: 'division',
  request,
});
const caseDecide = (request: (t: Target, n: number) => MatrixRequest): RouteRule => ({
  access: 'case.decide',
  area: 'division',
  request,
});
/** A step of the seeded case: well formed, so inside it is recorded, a no-op or a rule's 422 (out of order). */
const step = (name: string, body: Record<string, unknown>, rule = caseWrite) =>
  rule((t) => ({ path: `${CASE(t)}/${name}`, body: { on: '2026-11-02', ...body } }));
const DECISION = { reason: '矩阵核对 / matrix check' };
const audit = (context: string): RouteRule => ({
  access: 'audit.read',
  area: 'division',
  request: (t) => ({ path: `/api/${context}/audit/households/${t.householdId}` }),
});

/** Every route of the document, by `METHOD path` as the document spells it. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /health/live': open('/health/live'),
  'GET /health/ready': open('/health/ready'),
  'GET /docs/events': open('/docs/events'),
  'GET /docs/events.json': open('/docs/events.json'),
  'GET /api/system/info': read(() => ({ path: '/api/system/info' }), 'none'),
  'POST /api/registry/households': write((t, n) => ({
    path: '/api/registry/households',
    body: { villageCode: t.villageCode, householdNumber: `matrix-${n}`, status: { kind: 'ordinary' } },
  })),
  'GET /api/registry/households': read((t) => ({ path: `/api/registry/households?divisionCode=${t.countyCode}` })),
  'GET /api/registry/households/{householdId}': read((t) => ({ path: HOUSEHOLD(t) })),
  'PUT /api/registry/households/{householdId}/income': write((t) => ({
    path: `${HOUSEHOLD(t)}/income`,
    body: {
      period: PERIOD,
      components: { wagesYuan: '1000', grossBusinessYuan: 0, propertyYuan: 0, transferYuan: 0, productionCostsYuan: 0 },
    },
  })),
  'PUT /api/registry/households/{householdId}/rigid-expenditure': write((t) => ({
    path: `${HOUSEHOLD(t)}/rigid-expenditure`,
    body: { period: PERIOD, medicalAfterReimbursementYuan: '10', educationYuan: 0, disasterLossYuan: 0 },
  })),
  'POST /api/registry/households/{householdId}/risk-events': write((t) => ({
    path: `${HOUSEHOLD(t)}/risk-events`,
    body: { kind: 'illness', occurredOn: '2025-03-01', lossYuan: '100' },
  })),
  'PUT /api/registry/households/{householdId}/three-plus-one': write((t) => ({
    path: `${HOUSEHOLD(t)}/three-plus-one`,
    body: {
      foodAndClothingSecured: true,
      compulsoryEducationSecured: true,
      medicalInsuranceCovered: true,
      housingGrade: 'A',
      drinkingWaterSafe: true,
    },
  })),
  'PUT /api/registry/households/{householdId}/status': write((t) => ({
    path: `${HOUSEHOLD(t)}/status`,
    body: { status: { kind: 'ordinary' } },
  })),
  'PUT /api/registry/households/{householdId}/flags': write((t) => ({
    path: `${HOUSEHOLD(t)}/flags`,
    body: { relocatedToResettlementSite: false, urbanHukou: false },
  })),
  'POST /api/registry/households/{householdId}/members': write((t) => ({
    path: `${HOUSEHOLD(t)}/members`,
    body: PERSON,
  })),
  'PUT /api/registry/households/{householdId}/members/{memberId}': write((t) => ({
    path: `${HOUSEHOLD(t)}/members/${t.memberId}`,
    body: PERSON,
  })),
  'DELETE /api/registry/households/{householdId}/members/{memberId}': write((t) => ({
    // A member the household never had: inside, the registry answers 404; outside, 403 first.
    path: `${HOUSEHOLD(t)}/members/matrix-no-such-member?reason=moved-out`,
  })),
  'GET /api/registry/policies/{provinceCode}/{year}': read((t) => ({ path: POLICY(t) }), 'none'),
  'PUT /api/registry/policies/{provinceCode}/{year}/per-capita-divisor-rule': policy((t) => ({
    path: `${POLICY(t)}/per-capita-divisor-rule`,
    body: { rule: 'household-members', effectiveFrom: '2026-01-01', sourceDocument: SOURCE },
  })),
  'POST /api/registry/policies/{provinceCode}/{year}/risk-types': policy((t, n) => ({
    path: `${POLICY(t)}/risk-types`,
    body: { localCode: `matrix-${n}`, labelZh: '测试风险', labelEn: 'Test risk', sourceDocument: SOURCE },
  })),
  'PUT /api/registry/policies/{provinceCode}/{year}/monitoring-threshold': policy((t) => ({
    path: `${POLICY(t)}/monitoring-threshold`,
    body: { amountYuan: '7600', effectiveFrom: '2026-01-01', sourceDocument: SOURCE },
  })),
  'PUT /api/registry/policies/{provinceCode}/{year}/inspection-filter-line': policy((t) => ({
    path: `${POLICY(t)}/inspection-filter-line`,
    body: { amountYuan: '12000', effectiveFrom: '2026-01-01', sourceDocument: SOURCE },
  })),
  'POST /api/registry/policies/{provinceCode}/{year}/key-regions': policy((t) => ({
    path: `${POLICY(t)}/key-regions`,
    body: {
      kind: 'major-natural-disaster',
      divisionCodes: [t.countyCode],
      reason: '洪灾',
      effectiveFrom: '2026-07-01',
    },
  })),
  'POST /api/registry/policies/{provinceCode}/{year}/key-regions/{regionId}/revocation': policy((t) => ({
    path: `${POLICY(t)}/key-regions/${t.regionId}/revocation`,
    body: { reason: '灾后恢复', effectiveFrom: '2026-12-01' },
  })),
  'GET /api/registry/divisions/{code}': read((t) => ({ path: `/api/registry/divisions/${t.countyCode}` }), 'none'),
  'GET /api/registry/divisions/{code}/children': read(
    (t) => ({ path: `/api/registry/divisions/${t.countyCode}/children` }),
    'none',
  ),
  'GET /api/registry/divisions/{code}/ancestors': read(
    (t) => ({ path: `/api/registry/divisions/${t.villageCode}/ancestors` }),
    'none',
  ),
  'GET /api/registry/divisions/{unitCode}/contains/{code}': read(
    (t) => ({ path: `/api/registry/divisions/${t.countyCode}/contains/${t.villageCode}` }),
    'none',
  ),
  'GET /api/registry/risk-types': read(
    (t) => ({ path: `/api/registry/risk-types?province=${t.provinceCode.slice(0, 2)}` }),
    'none',
  ),
  // Inside, the target household's facts have arrived through the bus (the spec waits for them): 200.
  'GET /api/inspection/households/{householdId}/facts': {
    access: 'inspection.read',
    area: 'division',
    request: (t) => ({ path: `/api/inspection/households/${t.householdId}/facts` }),
  },
  'POST /api/auth/sign-in': credentials(
    '/api/auth/sign-in',
    { signInName: 'matrix.nobody', password: 'not-the-password' },
    401,
  ),
  'POST /api/auth/refresh': credentials('/api/auth/refresh', { refreshToken: 'not-a-refresh-token' }, 401),
  'POST /api/auth/sign-out': credentials('/api/auth/sign-out', { refreshToken: 'not-a-refresh-token' }, 204),
  'POST /api/auth/password': credentials(
    '/api/auth/password',
    { signInName: 'matrix.nobody', password: 'not-the-password', newPassword: 'a-new-password-2026' },
    401,
  ),
  'POST /api/auth/token': {
    access: 'public',
    // No client credentials: RFC 6749 §5.2 invalid_client.
    request: () => ({ path: '/api/auth/token', body: { grant_type: 'client_credentials' }, form: true }),
    unsignedStatus: 401,
  },
  'GET /api/auth/users': users(() => ({ path: '/api/auth/users' })),
  'POST /api/auth/users': users((t, n) => ({
    path: '/api/auth/users',
    body: { signInName: `matrix.user${n}`, role: 'county-official', unitCode: t.countyCode, ...WHY },
  })),
  'POST /api/auth/users/{userId}/disable': users(() => ({
    path: `/api/auth/users/${NO_SUCH_USER}/disable`,
    body: WHY,
  })),
  'POST /api/auth/users/{userId}/password-reset': users(() => ({
    path: `/api/auth/users/${NO_SUCH_USER}/password-reset`,
    body: WHY,
  })),
  'PUT /api/auth/users/{userId}/villages': users((t) => ({
    path: `/api/auth/users/${NO_SUCH_USER}/villages`,
    body: { villageCodes: [t.villageCode], ...WHY },
  })),
  'POST /api/auth/clients': users((_t, n) => ({
    path: '/api/auth/clients',
    body: { clientId: `matrix-client-${n}`, scopes: ['registry.read'], ...WHY },
  })),
  'GET /api/inspection/campaigns/{campaignId}/households/{householdId}': {
    access: 'inspection.read',
    area: 'division',
    request: (t) => ({ path: INSPECTION(t) }),
  },
  'PUT /api/inspection/campaigns/{campaignId}/households/{householdId}/assignment': inspect((t) => ({
    path: `${INSPECTION(t)}/assignment`,
    body: { teamId: NO_SUCH_USER, inspectorIds: ['matrix-inspector'] },
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/contacts': inspect((t, n) => ({
    path: `${INSPECTION(t)}/contacts`,
    body: {
      contactId: `matrix-contact-${n}`,
      method: VISIT.method,
      contactedOn: VISIT.contactedOn,
      findings: VISIT.findings,
    },
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/visits': inspect((t, n) => ({
    path: `${INSPECTION(t)}/visits`,
    body: { ...VISIT, contactId: `matrix-visit-${n}` },
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/visits/check': inspect((t, n) => ({
    path: `${INSPECTION(t)}/visits/check`,
    body: { ...VISIT, contactId: `matrix-check-${n}` },
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/completion': inspect((t) => ({
    path: `${INSPECTION(t)}/completion`,
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/reopening': inspect((t) => ({
    path: `${INSPECTION(t)}/reopening`,
    body: WHY,
  })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/suggestions/{suggestionId}/acceptance': decide(
    (t) => ({ path: `${INSPECTION(t)}/suggestions/${NO_SUCH_SUGGESTION}/acceptance`, body: WHY }),
  ),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/suggestions/{suggestionId}/dismissal': decide(
    (t) => ({ path: `${INSPECTION(t)}/suggestions/${NO_SUCH_SUGGESTION}/dismissal`, body: WHY }),
  ),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/data-quality-issues/{issueId}/resolution':
    decide((t) => ({
      path: `${INSPECTION(t)}/data-quality-issues/${NO_SUCH_SUGGESTION}/resolution`,
      body: { resolution: '矩阵核对' },
    })),
  'POST /api/inspection/campaigns/{campaignId}/households/{householdId}/rectification-items/{itemId}/closure': decide(
    (t) => ({
      path: `${INSPECTION(t)}/rectification-items/${NO_SUCH_SUGGESTION}/closure`,
      body: { resolution: '矩阵核对' },
    }),
  ),
  'POST /api/inspection/campaigns': manage(
    (t) => ({
      path: '/api/inspection/campaigns',
      body: {
        provinceCode: t.provinceCode.slice(0, 2),
        year: 2025,
        launchedOn: '2025-09-01',
        teamsInPlaceBy: '2025-09-15',
        inspectBy: '2025-12-15',
        checklistVersion: '2025.1',
        ruleSetVersion: `${t.provinceCode.slice(0, 2)}-2025.1`,
        keyGroupRuleIds: [],
      },
    }),
    PROVINCE_ONLY,
  ),
  'GET /api/inspection/campaigns/{campaignId}': inspectionRead((t) => ({ path: CAMPAIGN(t) })),
  'POST /api/inspection/campaigns/{campaignId}/working-groups': manage((t, n) => ({
    path: `${CAMPAIGN(t)}/working-groups`,
    body: { unitCode: townshipOf(t), members: [{ userId: `matrix-${n}`, duty: 'leader' }] },
  })),
  'PUT /api/inspection/campaigns/{campaignId}/working-groups/{unitCode}/members': manage((t, n) => ({
    path: `${CAMPAIGN(t)}/working-groups/${townshipOf(t)}/members`,
    body: { members: [{ userId: `matrix-${n}`, duty: 'leader' }] },
  })),
  'POST /api/inspection/campaigns/{campaignId}/teams': manage((t, n) => ({
    path: `${CAMPAIGN(t)}/teams`,
    body: { name: `矩阵组${n}`, townshipCode: townshipOf(t), villageCodes: [t.villageCode], ...TEAM_MEMBERS },
  })),
  'GET /api/inspection/campaigns/{campaignId}/teams': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/teams?unitCode=${t.countyCode}`,
  })),
  'GET /api/inspection/teams/{teamId}': inspectionRead((t) => ({ path: TEAM(t) })),
  'GET /api/inspection/teams/{teamId}/progress': inspectionRead((t) => ({ path: `${TEAM(t)}/progress` })),
  'GET /api/inspection/campaigns/{campaignId}/key-groups': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/key-groups?divisionCode=${t.villageCode}`,
  })),
  'GET /api/inspection/campaigns/{campaignId}/progress': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/progress?divisionCode=${t.villageCode}`,
  })),
  'GET /api/inspection/campaigns/{campaignId}/data-quality-issues': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/data-quality-issues?divisionCode=${t.villageCode}`,
  })),
  'GET /api/inspection/campaigns/{campaignId}/data-quality-issues/export': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/data-quality-issues/export?divisionCode=${t.villageCode}&format=csv`,
  })),
  'GET /api/inspection/campaigns/{campaignId}/rectification-items': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/rectification-items?divisionCode=${t.villageCode}`,
  })),
  'GET /api/inspection/campaigns/{campaignId}/rectification-items/export': inspectionRead((t) => ({
    path: `${CAMPAIGN(t)}/rectification-items/export?divisionCode=${t.villageCode}&format=xlsx`,
  })),
  'PUT /api/inspection/teams/{teamId}/members': manage((t) => ({ path: `${TEAM(t)}/members`, body: TEAM_MEMBERS })),
  'PUT /api/inspection/teams/{teamId}/villages': manage((t) => ({
    path: `${TEAM(t)}/villages`,
    body: { villageCodes: [t.villageCode] },
  })),
  'POST /api/inspection/teams/{teamId}/disbandment': manage((t) => ({ path: `${TEAM(t)}/disbandment`, body: WHY })),
  // After the team routes: a closed campaign answers every change with 422 (allowed, but proves less).
  'POST /api/inspection/campaigns/{campaignId}/closure': manage(
    (t) => ({ path: `${CAMPAIGN(t)}/closure`, body: { closedOn: '2026-12-20', ...WHY } }),
    PROVINCE_ONLY,
  ),
  'GET /api/registry/households/{householdId}/personal-data': {
    access: 'personal.read',
    area: 'division',
    request: (t) => ({ path: `${HOUSEHOLD(t)}/personal-data?reason=${encodeURIComponent('矩阵核对 / matrix check')}` }),
  },
  'GET /api/reporting/units/{unitCode}': {
    access: 'report.read',
    area: 'division',
    request: (t) => ({ path: `/api/reporting/units/${t.villageCode}` }),
  },
  // The caller's village: a village inspector's area holds no township. A village has no tier
  // below, so an allowed caller gets 422 report.tier-not-below, which the area check precedes.
  'GET /api/reporting/units/{unitCode}/rows': {
    access: 'report.read',
    area: 'division',
    request: (t) => ({ path: `/api/reporting/units/${t.villageCode}/rows` }),
  },
  'GET /api/reporting/units/{unitCode}/export': {
    access: 'report.read',
    area: 'division',
    request: (t) => ({ path: `/api/reporting/units/${t.villageCode}/export?format=csv&report=campaign` }),
  },
  // Every reader may ask; the answer holds only the key regions inside the caller's area.
  'GET /api/reporting/key-regions/{provinceCode}': {
    access: 'report.read',
    area: 'none',
    request: (t) => ({ path: `/api/reporting/key-regions/${t.provinceCode}` }),
  },
  'GET /api/assistance/policies/{provinceCode}/{year}': {
    access: 'case.read',
    area: 'none',
    request: (t) => ({ path: `/api/assistance/policies/${t.provinceCode.slice(0, 2)}/2026` }),
  },
  'PUT /api/assistance/policies/{provinceCode}/{year}/time-limits': policy((t) => ({
    path: `/api/assistance/policies/${t.provinceCode.slice(0, 2)}/2026/time-limits`,
    body: {
      acceptLead: { days: 2, unit: 'calendar' },
      homeVerification: { days: 5, unit: 'working' },
      wholeProcedure: { days: 20, unit: 'working' },
      publicNoticeMinimumDays: 5,
      reason: '矩阵测试',
      sourceDocument: SOURCE,
    },
  })),
  'PUT /api/assistance/policies/{provinceCode}/{year}/elimination': policy((t) => ({
    path: `/api/assistance/policies/${t.provinceCode.slice(0, 2)}/2026/elimination`,
    body: {
      stableIncomeMonths: 6,
      labourCapacitiesCounted: ['skilled', 'ordinary', 'weak'],
      reason: '矩阵测试',
      sourceDocument: SOURCE,
    },
  })),
  'POST /api/assistance/leads': caseWrite((t, n) => ({
    path: '/api/assistance/leads',
    body: { householdId: t.householdId, source: 'cadre-inspection', referenceId: `matrix-lead-${n}` },
  })),
  'GET /api/assistance/cases': caseRead((t) => ({ path: `/api/assistance/cases?divisionCode=${t.countyCode}` })),
  'GET /api/assistance/cases/{caseId}': caseRead((t) => ({ path: CASE(t) })),
  'GET /api/assistance/cases/{caseId}/plan': caseRead((t) => ({ path: `${CASE(t)}/plan` })),
  'POST /api/assistance/cases/{caseId}/acceptance': step('acceptance', DECISION),
  'POST /api/assistance/cases/{caseId}/dismissal': step('dismissal', DECISION),
  'POST /api/assistance/cases/{caseId}/home-verification': step('home-verification', {
    consentSigned: true,
    findings: '矩阵核对 / matrix check',
  }),
  'POST /api/assistance/cases/{caseId}/department-comparison': step('department-comparison', {
    results: [{ department: 'civil-affairs', finding: 'consistent' }],
  }),
  'POST /api/assistance/cases/{caseId}/village-review': step('village-review', {
    outcome: 'approved',
    minutesRef: 'matrix-minutes',
    ...DECISION,
  }),
  'POST /api/assistance/cases/{caseId}/public-notice': step('public-notice', {}),
  'POST /api/assistance/cases/{caseId}/objections': caseWrite((t, n) => ({
    path: `${CASE(t)}/objections`,
    body: { on: '2026-11-02', objectionId: `matrix-objection-${n}`, raisedBy: '匿名', content: '矩阵核对' },
  })),
  'POST /api/assistance/cases/{caseId}/objections/{objectionId}/resolution': caseWrite((t) => ({
    path: `${CASE(t)}/objections/matrix-objection/resolution`,
    body: { on: '2026-11-02', upheld: false, ...DECISION },
  })),
  'POST /api/assistance/cases/{caseId}/public-notice/closure': step('public-notice/closure', {}),
  'POST /api/assistance/cases/{caseId}/township-review': step('township-review', { outcome: 'approved', ...DECISION }),
  'POST /api/assistance/cases/{caseId}/identification': step(
    'identification',
    { category: 'sudden-severe-hardship', riskTypes: ['illness'], ...DECISION },
    caseDecide,
  ),
  'POST /api/assistance/cases/{caseId}/identification-rejection': step(
    'identification-rejection',
    DECISION,
    caseDecide,
  ),
  'POST /api/assistance/cases/{caseId}/elimination-proposal': step('elimination-proposal', {
    ...DECISION,
    assessment: { risksGone: ['illness'], rigidSpending: [] },
  }),
  'POST /api/assistance/cases/{caseId}/elimination-verification': step('elimination-verification', {
    findings: '矩阵核对 / matrix check',
  }),
  'POST /api/assistance/cases/{caseId}/elimination-grant': step('elimination-grant', DECISION, caseDecide),
  'POST /api/assistance/cases/{caseId}/elimination-rejection': step('elimination-rejection', DECISION, caseDecide),
  'POST /api/assistance/cases/{caseId}/follow-up-visits': caseWrite((t, n) => ({
    path: `${CASE(t)}/follow-up-visits`,
    body: { on: '2026-11-02', visitId: `matrix-visit-${n}`, findings: '矩阵核对 / matrix check' },
  })),
  'POST /api/assistance/cases/{caseId}/measures': caseWrite((t, n) => ({
    path: `${CASE(t)}/measures`,
    body: {
      measureId: `matrix-measure-${n}`,
      category: 'employment',
      kind: '公益性岗位',
      responsibleDepartment: '县人社局',
      plannedStart: '2026-11-02',
      amountFen: 0,
    },
  })),
  // A measure the plan lacks: inside, 404 measure.not-found; outside, 403 first.
  'POST /api/assistance/cases/{caseId}/measures/{measureId}/start': caseWrite((t) => ({
    path: `${CASE(t)}/measures/matrix-no-such-measure/start`,
    body: { actualStart: '2026-11-02' },
  })),
  'POST /api/assistance/cases/{caseId}/measures/{measureId}/end': caseWrite((t) => ({
    path: `${CASE(t)}/measures/matrix-no-such-measure/end`,
    body: { actualEnd: '2026-11-02', outcome: '矩阵核对' },
  })),
  'POST /api/assistance/cases/{caseId}/measures/{measureId}/cancellation': caseWrite((t) => ({
    path: `${CASE(t)}/measures/matrix-no-such-measure/cancellation`,
    body: DECISION,
  })),
  'POST /api/assistance/cases/{caseId}/measures/{measureId}/extension': caseWrite((t) => ({
    path: `${CASE(t)}/measures/matrix-no-such-measure/extension`,
    body: { until: '2027-12-31' },
  })),
  'GET /api/assistance/overdue': caseRead((t) => ({ path: `/api/assistance/overdue?divisionCode=${t.countyCode}` })),
  'GET /api/assistance/review-lists': caseRead((t) => ({
    path: `/api/assistance/review-lists?divisionCode=${t.countyCode}&years=1`,
  })),
  'POST /api/assistance/warnings': {
    access: 'warning.submit',
    area: 'division',
    request: (t, n) => ({
      path: '/api/assistance/warnings',
      body: {
        department: 'health-insurance',
        warningId: `matrix-warning-${n}`,
        householdId: t.householdId,
        indicator: 'self-paid-medical-cost',
        value: 32000,
        unit: 'yuan',
        observedOn: '2026-11-02',
      },
    }),
  },
  // Each service's part of the household's audit trail: the auditor's and the administrator's (issue 13 item 3).
  'GET /api/registry/audit/households/{householdId}': audit('registry'),
  'GET /api/inspection/audit/households/{householdId}': audit('inspection'),
  'GET /api/assistance/audit/households/{householdId}': audit('assistance'),
  // Last of all: the administrator's erasure closes the household to every change after it.
  'POST /api/registry/households/{householdId}/erasure': {
    access: 'privacy.erase',
    area: 'division',
    request: (t) => ({ path: `${HOUSEHOLD(t)}/erasure`, body: { reason: '矩阵核对 / matrix check' } }),
  },
};
