// Spec-only support: the reporting scenario's county driven through the public APIs as its users
// would — the registry's clerk, the campaign's organisers, the inspectors and the officials of
// each level (assistance-cases.scenario.ts) — in the two phases around the as-of instant.
import { testAccessToken } from '@relapse-watch/testing';
import { call, townshipCandidates, until, type Answer } from './inspection.scenario';
import { expectStatus, officialsOf } from './assistance-households.scenario';
import { lead } from './assistance-cases.scenario';
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import {
  CAMPAIGN,
  CAMPAIGN_ID,
  LINES_YUAN,
  PROVINCE,
  type CountyPlan,
  type HouseholdPlan,
  type Phase,
} from './reporting-county.plan';

export { townshipCandidates };
const inspectionPath = (id: string) => `/api/inspection/campaigns/${CAMPAIGN_ID}/households/${id}`;
const ok = (answer: Promise<Answer>, what: string) => expectStatus(answer, 200, what);
const made = (answer: Promise<Answer>, what: string) => expectStatus(answer, 201, what);

/**
 * The last write of phase A to each service, made after all its other writes were answered (so
 * its event is that service's latest): the household, its answer's position and when the answer
 * came back (the spec reads the event's time from the audit trail and the service's clock offset).
 */
export interface LastWrite {
  readonly householdId: string;
  readonly position: number;
  readonly answeredAt: number;
}
export type LastWrites = Partial<Record<'registry' | 'inspection' | 'assistance', LastWrite>>;

function noted(writes: LastWrites, context: keyof LastWrites, householdId: string, answer: Answer): Answer {
  writes[context] = { householdId, position: Number(answer.body['position'] ?? 0), answeredAt: Date.now() };
  return answer;
}

const PROFILE = {
  relationToHead: 'head',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
};

async function register(base: string, county: CountyPlan, h: HouseholdPlan): Promise<string> {
  const body = {
    villageCode: h.villageCode,
    householdNumber: h.householdNumber,
    status: h.status === 'ordinary' ? { kind: 'ordinary' } : { kind: 'poverty-alleviated', yearLeftPoverty: 2018 },
  };
  const id = String((await made(call(base, 'POST', '/api/registry/households', body), h.householdNumber)).body['id']);
  const first17 = `${county.countyCode}19700101${String(h.index).padStart(3, '0')}`;
  const profile = {
    ...PROFILE,
    health: { kind: h.labourCapable ? 'healthy' : 'serious-illness' },
    labourCapacity: h.labourCapable ? 'ordinary' : 'lost',
  };
  const personal = { name: `报表测试${h.index}`, residentId: first17 + residentIdCheckCharacter(first17) };
  await made(
    call(base, 'POST', `/api/registry/households/${id}/members`, { memberId: 'head', personal, profile }),
    'head',
  );
  for (const year of [2023, 2024] as const) {
    const components = {
      wagesYuan: h.income[year],
      grossBusinessYuan: 0,
      propertyYuan: 0,
      transferYuan: 0,
      productionCostsYuan: 0,
    };
    const period = { kind: 'calendar-year', year };
    await ok(call(base, 'PUT', `/api/registry/households/${id}/income`, { period, components }), 'income');
  }
  const secured = { foodAndClothingSecured: true, compulsoryEducationSecured: true, medicalInsuranceCovered: true };
  await ok(
    call(base, 'PUT', `/api/registry/households/${id}/three-plus-one`, {
      ...secured,
      housingGrade: 'B',
      drinkingWaterSafe: true,
    }),
    '3+1',
  );
  return id;
}

/** Publishes the lines and registers the county, a village's households at once; returns ids in plan order. */
export async function registerCounty(base: string, county: CountyPlan, writes: LastWrites): Promise<string[]> {
  for (const [year, amount] of Object.entries(LINES_YUAN)) {
    const line = {
      amountYuan: String(amount),
      effectiveFrom: `${year}-01-01`,
      sourceDocument: `川乡振发〔${year}〕1号`,
    };
    await ok(
      call(base, 'PUT', `/api/registry/policies/${PROVINCE}/${year}/monitoring-threshold`, line),
      `line ${year}`,
    );
  }
  const ids: string[] = [];
  for (const village of county.villages)
    ids.push(
      ...(await Promise.all(
        county.households.filter((h) => h.villageCode === village).map((h) => register(base, county, h)),
      )),
    );
  // The relocated flags one at a time, after every other registry write was answered: the last
  // one is then the registry's latest event of phase A (see LastWrite).
  for (const h of county.households.filter((x) => x.relocated)) {
    const flags = { relocatedToResettlementSite: true, urbanHukou: false };
    const path = `/api/registry/households/${ids[h.index]}/flags`;
    noted(writes, 'registry', ids[h.index], await ok(call(base, 'PUT', path, flags), 'flags'));
  }
  return ids;
}

/** Forms a team for `villageCodes` (one team per village). */
async function formTeam(base: string, villageCode: string): Promise<Answer> {
  const roles = ['official', 'resident-work-team', 'grid-worker', 'monitoring-contact'];
  const body = {
    name: `排查组 ${villageCode.slice(6)}`,
    townshipCode: `${villageCode.slice(0, 9)}000`,
    villageCodes: [villageCode],
    members: roles.map((role) => ({ userId: `rp-${villageCode.slice(6)}-${role}`, role })),
  };
  return made(call(base, 'POST', `/api/inspection/campaigns/${CAMPAIGN_ID}/teams`, body), `team ${villageCode}`);
}

/** Launches the campaign once the inspection knows the line, then a team for every village but the late one. */
export async function launchWithTeams(base: string, county: CountyPlan, ids: readonly string[]) {
  for (const id of ids) {
    const facts = await until(
      () => call(base, 'GET', `/api/inspection/households/${id}/facts`),
      (a) => a.status === 200 && a.body['threePlusOne'] !== null,
    );
    if (facts.status !== 200) throw new Error(`the inspection did not learn ${id}: ${JSON.stringify(facts.body)}`);
  }
  const launched = await until(
    () => call(base, 'POST', '/api/inspection/campaigns', CAMPAIGN),
    (a) => a.body['code'] !== 'campaign.threshold-not-published',
  );
  if (launched.status !== 201) throw new Error(`launch: ${launched.status} ${JSON.stringify(launched.body)}`);
  for (const village of county.villages) if (village !== county.lateTeamVillage) await formTeam(base, village);
}

export const formLateTeam = (base: string, county: CountyPlan) => formTeam(base, county.lateTeamVillage);

function findingsOf(h: HouseholdPlan) {
  const plan = h.inspection!;
  return {
    'relapse-risk': {
      answers: plan.flag
        ? { 'risk-present': true, 'main-risk-kind': 'illness', 'sudden-hardship': false }
        : { 'risk-present': false, 'sudden-hardship': false },
    },
    income: { answers: { 'per-capita-estimate': h.income[2024] * 100, 'income-dropped': false } },
    'assistance-measures': {
      answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
    },
    'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
    'latent-risks': {
      answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
    },
    'data-quality': { answers: { 'record-matches': !plan.mismatch, 'ledger-matches': true, 'members-present': 1 } },
    'policy-awareness': {
      answers: {
        'application-guide': plan.applicationGuide,
        ...(plan.assistancePolicy === null ? {} : { 'assistance-policy': plan.assistancePolicy }),
      },
    },
  };
}

const township = (h: HouseholdPlan) =>
  testAccessToken({
    sub: `rp-official-${h.townshipCode}`,
    kind: 'user',
    role: 'township-official',
    unit: h.townshipCode,
  }).then((t) => ({
    authorization: `Bearer ${t}`,
  }));

/** Decides the household's open suggestion of `ruleId` as a township official (inspection.decide). */
async function accept(base: string, h: HouseholdPlan, id: string, ruleId: string): Promise<Answer> {
  const read = await ok(call(base, 'GET', inspectionPath(id)), 'inspection');
  const suggestions = read.body['suggestions'] as { suggestion: { suggestionId: string; ruleId: string } }[];
  const found = suggestions.find((s) => s.suggestion.ruleId === ruleId);
  if (found === undefined) throw new Error(`no ${ruleId} for ${h.householdNumber}: ${JSON.stringify(suggestions)}`);
  const route = `${inspectionPath(id)}/suggestions/${found.suggestion.suggestionId}/acceptance`;
  return ok(call(base, 'POST', route, { reason: '核实属实 / confirmed' }, await township(h)), `accept ${ruleId}`);
}

/** The household's whole visit. */
async function inspect(base: string, h: HouseholdPlan, id: string): Promise<void> {
  const plan = h.inspection!;
  const visit = {
    contactId: `rp-${h.index}`,
    method: plan.method,
    contactedOn: plan.contactedOn,
    findings: findingsOf(h),
    complete: true,
  };
  await made(call(base, 'POST', `${inspectionPath(id)}/visits`, visit), `visit ${h.householdNumber}`);
}

/**
 * The visits of `phase` (a village's households at once), then, one at a time, the data-quality
 * issues and rectification items of the households that reported a mismatch.
 */
export async function inspectPhase(
  base: string,
  county: CountyPlan,
  ids: readonly string[],
  phase: Phase,
  writes: LastWrites,
) {
  for (const village of county.villages) {
    const due = county.households.filter((h) => h.villageCode === village && h.inspection?.phase === phase);
    await Promise.all(due.map((h) => inspect(base, h, ids[h.index])));
  }
  for (const h of county.households.filter((x) => x.inspection?.phase === phase && x.inspection?.mismatch === true)) {
    await accept(base, h, ids[h.index], 'data-quality.record-mismatch');
    noted(writes, 'inspection', ids[h.index], await accept(base, h, ids[h.index], 'rectification.data-quality'));
  }
}

/** Every planned case's lead (phase A): dated in its year, or today for a lead never taken up. */
export async function openLeads(base: string, county: CountyPlan, ids: readonly string[], writes: LastWrites) {
  const caseIds = new Map<number, string>();
  for (const h of county.households.filter((x) => x.monitoringCase !== null)) {
    const plan = h.monitoringCase!;
    const officials = await officialsOf({
      countyCode: county.countyCode,
      townshipCode: h.townshipCode,
      villageCode: h.villageCode,
    });
    const body = {
      householdId: ids[h.index],
      source: plan.source,
      referenceId: `rp-${h.index}`,
      ...(plan.outcome === 'open-lead' ? {} : { on: plan.year === 2024 ? '2024-09-02' : '2025-09-01' }),
    };
    const answer = await lead(base, officials.village, '/api/assistance/leads', body);
    if (answer.status !== 201)
      throw new Error(`lead ${h.householdNumber}: ${answer.status} ${JSON.stringify(answer.body)}`);
    caseIds.set(h.index, String(answer.body['id']));
    noted(writes, 'assistance', ids[h.index], answer);
  }
  return caseIds;
}
