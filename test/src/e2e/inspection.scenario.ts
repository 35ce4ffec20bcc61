// Spec-only support: the inspection scenario (issue 11, item 10) through the public HTTP API of
// one deployment (the embedded process or the distributed gateway): the generated county
// registered in the registry, the campaign launched, teams formed, every household inspected by
// whole visits, the at-risk suggestions decided by a township official.
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import { adminTestToken } from '@relapse-watch/testing';
import {
  CAMPAIGN,
  CAMPAIGN_ID,
  MONITORING_LINE_YUAN,
  type CountyPlan,
  type HouseholdPlan,
  type TownshipCandidate,
} from './inspection-county.plan';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request, as the administrator unless `headers` carry another authorization. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminTestToken()}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function written(base: string, method: string, path: string, body: unknown, expect: number): Promise<Answer> {
  const answer = await call(base, method, path, body);
  if (answer.status !== expect)
    throw new Error(`${method} ${path}: ${answer.status} (expected ${expect}) ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Retries `attempt` every 100 ms until `done` holds of its answer, at most `tries` times; the last answer otherwise. */
export async function until(attempt: () => Promise<Answer>, done: (a: Answer) => boolean, tries = 1_200) {
  let answer = await attempt();
  for (let i = 1; i < tries && !done(answer); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await attempt();
  }
  return answer;
}

/** The county's townships (in code order) with their village committees, from the registry's division table. */
export async function townshipCandidates(base: string, countyCode: string): Promise<TownshipCandidate[]> {
  const children = async (code: string) => {
    const answer = await call(base, 'GET', `/api/registry/divisions/${code}/children`);
    if (answer.status !== 200) throw new Error(`divisions of ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as unknown as { code: string; name: string }[];
  };
  const candidates: TownshipCandidate[] = [];
  for (const township of await children(`${countyCode}000000`)) {
    const villages = (await children(township.code)).filter((v) => /(村委会|村民委员会)$/.test(v.name));
    candidates.push({ townshipCode: township.code, villageCodes: villages.map((v) => v.code) });
    if (candidates.filter((c) => c.villageCodes.length >= 2).length >= 3) break;
  }
  return candidates;
}

/** A valid resident ID of the plan's household head (registered in Pingchang, a known prefix: no warning). */
function headOf(plan: HouseholdPlan) {
  const first17 = `51192319650101${String(101 + plan.index * 2).padStart(3, '0')}`;
  return { name: `测试户主${plan.index}`, residentId: first17 + residentIdCheckCharacter(first17) };
}

/** Registers one household with its head, two years of income, 3+1 (secured) and perhaps a 2024 illness. */
async function register(base: string, plan: HouseholdPlan): Promise<string> {
  const registered = await written(
    base,
    'POST',
    '/api/registry/households',
    { villageCode: plan.villageCode, householdNumber: plan.householdNumber, status: plan.status },
    201,
  );
  const id = String(registered.body['id']);
  const employment = {
    status: 'employed',
    place: 'within-county',
    stability: plan.unstableEmployment ? 'unstable' : 'stable',
  };
  const profile = {
    relationToHead: 'head',
    health: { kind: 'healthy' },
    labourCapacity: 'ordinary',
    employment,
    schooling: 'not-in-school',
    medicalInsuranceEnrolled: true,
    livesInHousehold: true,
  };
  await written(
    base,
    'POST',
    `/api/registry/households/${id}/members`,
    { memberId: 'head', personal: headOf(plan), profile },
    201,
  );
  for (const [i, year] of [2022, 2023].entries())
    await written(
      base,
      'PUT',
      `/api/registry/households/${id}/income`,
      {
        period: { kind: 'calendar-year', year },
        components: {
          wagesYuan: plan.wagesYuan[i],
          grossBusinessYuan: 0,
          propertyYuan: 0,
          transferYuan: 800,
          productionCostsYuan: 0,
        },
      },
      200,
    );
  const secured = { foodAndClothingSecured: true, compulsoryEducationSecured: true, medicalInsuranceCovered: true };
  await written(
    base,
    'PUT',
    `/api/registry/households/${id}/three-plus-one`,
    { ...secured, housingGrade: 'B', drinkingWaterSafe: true },
    200,
  );
  if (plan.riskEvent)
    await written(
      base,
      'POST',
      `/api/registry/households/${id}/risk-events`,
      { riskEventId: `illness-${plan.index}`, kind: 'illness', occurredOn: '2024-03-15', lossYuan: '3000' },
      201,
    );
  return id;
}

/**
 * Publishes the monitoring line, registers the county (a village's households at once) and waits
 * until the inspection's own view holds every household with all its facts (in distributed
 * mode it folds them from Kafka). Returns the household ids in plan order.
 */
export async function registerCounty(base: string, county: CountyPlan): Promise<string[]> {
  await written(
    base,
    'PUT',
    `/api/registry/policies/${CAMPAIGN.provinceCode}/${CAMPAIGN.year}/monitoring-threshold`,
    { amountYuan: MONITORING_LINE_YUAN, effectiveFrom: '2024-01-01', sourceDocument: '川乡振发〔2024〕1号' },
    200,
  );
  const ids: string[] = [];
  for (const village of county.villages)
    ids.push(
      ...(await Promise.all(county.households.filter((h) => h.villageCode === village).map((h) => register(base, h)))),
    );
  for (const [i, id] of ids.entries()) {
    const plan = county.households[i];
    const facts = await until(
      () => call(base, 'GET', `/api/inspection/households/${id}/facts`),
      ({ status, body }) =>
        status === 200 &&
        (body['incomes'] as unknown[]).length === 2 &&
        body['threePlusOne'] !== null &&
        (body['riskEvents'] as unknown[]).length === (plan.riskEvent ? 1 : 0),
    );
    if (facts.status !== 200) throw new Error(`the inspection did not learn household ${i}: ${JSON.stringify(facts)}`);
  }
  return ids;
}

/** A team formed: its id and villages. */
export interface FormedTeam {
  readonly teamId: string;
  readonly villageCodes: readonly string[];
}

/**
 * Launches 51-2024 once the inspection's policy view holds the line (422 until then); then a
 * team for every village but one. Returns the launch's answer and the teams.
 */
export async function launchWithTeams(
  base: string,
  county: CountyPlan,
): Promise<{ launched: Answer; teams: FormedTeam[] }> {
  const launched = await until(
    () => call(base, 'POST', '/api/inspection/campaigns', CAMPAIGN),
    (a) => a.body['code'] !== 'campaign.threshold-not-published',
  );
  const teams: FormedTeam[] = [];
  if (launched.status !== 201) return { launched, teams };
  for (const township of county.townships) {
    const villageCodes = county.villages.filter(
      (v) => v.startsWith(township.slice(0, 9)) && v !== county.villageWithoutTeam,
    );
    if (villageCodes.length === 0) continue;
    const roles = ['official', 'resident-work-team', 'grid-worker', 'monitoring-contact'];
    const formed = await written(
      base,
      'POST',
      `/api/inspection/campaigns/${CAMPAIGN_ID}/teams`,
      {
        name: `排查组 ${township.slice(6, 9)}`,
        townshipCode: township,
        villageCodes,
        members: roles.map((role) => ({ userId: `hs-${township.slice(6, 9)}-${role}`, role })),
      },
      201,
    );
    teams.push({ teamId: String(formed.body['id']), villageCodes });
  }
  return { launched, teams };
}
