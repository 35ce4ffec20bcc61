// Spec-only support: the households of the assistance scenario (issue 12, item 9), registered
// through the registry's public API, and the people who act on them, signed with the test key.
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import { testAccessToken } from '@relapse-watch/testing';
import { call, until, type Answer } from './inspection.scenario';

/** Where the scenario's households live: one village of the county, its township and the county. */
export interface Place {
  readonly countyCode: string;
  readonly townshipCode: string;
  readonly villageCode: string;
}

/** A household registered for the scenario: its id and its head's resident ID. */
export interface RegisteredHousehold {
  readonly id: string;
  readonly residentId: string;
}

/** Fails the scenario with the answer when the status is not the one expected. */
export async function expectStatus(answer: Promise<Answer>, status: number, what: string): Promise<Answer> {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: ${got.status} (expected ${status}) ${JSON.stringify(got.body)}`);
  return got;
}

/** The county's first township with a village committee, and that village, from the registry's division table. */
export async function placeIn(base: string, countyCode: string): Promise<Place> {
  const children = async (code: string) =>
    (await expectStatus(call(base, 'GET', `/api/registry/divisions/${code}/children`), 200, `divisions of ${code}`))
      .body as unknown as { code: string; name: string }[];
  for (const township of await children(`${countyCode}000000`)) {
    const village = (await children(township.code)).find((v) => /(村委会|村民委员会)$/.test(v.name));
    if (village !== undefined) return { countyCode, townshipCode: township.code, villageCode: village.code };
  }
  throw new Error(`no village committee in ${countyCode}`);
}

/**
 * Publishes Sichuan's monitoring lines: 2024's (7,400 yuan, the rule set 51-2024.1's, for the
 * inspection campaign) and 2026's (7,800 yuan, the line the elimination guard measures 2026's
 * income against).
 */
export async function publishLines(base: string): Promise<void> {
  const lines = [
    { year: 2024, amountYuan: '7400', effectiveFrom: '2024-01-01', sourceDocument: '川乡振发〔2024〕1号' },
    { year: 2026, amountYuan: '7800', effectiveFrom: '2026-01-01', sourceDocument: '川乡振发〔2026〕1号' },
  ];
  for (const { year, ...line } of lines)
    await expectStatus(
      call(base, 'PUT', `/api/registry/policies/51/${year}/monitoring-threshold`, line),
      200,
      `line ${year}`,
    );
}

/** A valid resident ID registered in the scenario's county: born 1970-01-01, the n-th man. */
function residentIdOf(countyCode: string, n: number): string {
  const first17 = `${countyCode}19700101${String(101 + n * 2).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Wages of 12,000 yuan and transfers of 800 for one member: 12,800 yuan per capita, above both lines. */
const COMPONENTS = {
  wagesYuan: 12000,
  grossBusinessYuan: 0,
  propertyYuan: 0,
  transferYuan: 800,
  productionCostsYuan: 0,
};

/** Records a twelve-month income figure ending on `endingOn` (one month's observation for the guard). */
export async function recordMonthlyIncome(base: string, householdId: string, endingOn: string): Promise<void> {
  await expectStatus(
    call(base, 'PUT', `/api/registry/households/${householdId}/income`, {
      period: { kind: 'twelve-months', endingOn },
      components: COMPONENTS,
    }),
    200,
    `income ending ${endingOn}`,
  );
}

/**
 * Registers one household of the village: a poverty-alleviated status (so the rules suggest
 * `unstable-poverty-alleviated`), a healthy head able to work, 2022 and 2023 incomes above the
 * line with no drop, 3+1 secured; then the twelve-month figures ending on `monthEnds`.
 */
export async function registerHousehold(
  base: string,
  place: Place,
  householdNumber: string,
  n: number,
  monthEnds: readonly string[] = [],
): Promise<RegisteredHousehold> {
  const registered = await expectStatus(
    call(base, 'POST', '/api/registry/households', {
      villageCode: place.villageCode,
      householdNumber,
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    }),
    201,
    `household ${householdNumber}`,
  );
  const id = String(registered.body['id']);
  const residentId = residentIdOf(place.countyCode, n);
  const profile = {
    relationToHead: 'head',
    health: { kind: 'healthy' },
    labourCapacity: 'ordinary',
    employment: { status: 'employed', place: 'within-county', stability: 'stable' },
    schooling: 'not-in-school',
    medicalInsuranceEnrolled: true,
    livesInHousehold: true,
  };
  const personal = { name: `援助测试${n}`, residentId };
  await expectStatus(
    call(base, 'POST', `/api/registry/households/${id}/members`, { memberId: 'head', personal, profile }),
    201,
    `head of ${householdNumber}`,
  );
  for (const year of [2022, 2023])
    await expectStatus(
      call(base, 'PUT', `/api/registry/households/${id}/income`, {
        period: { kind: 'calendar-year', year },
        components: COMPONENTS,
      }),
      200,
      `income ${year}`,
    );
  const secured = { foodAndClothingSecured: true, compulsoryEducationSecured: true, medicalInsuranceCovered: true };
  await expectStatus(
    call(base, 'PUT', `/api/registry/households/${id}/three-plus-one`, {
      ...secured,
      housingGrade: 'B',
      drinkingWaterSafe: true,
    }),
    200,
    '3+1',
  );
  for (const endingOn of monthEnds) await recordMonthlyIncome(base, id, endingOn);
  return { id, residentId };
}

/** The officials of each level the scenario acts as: headers with their signed tokens. */
export interface Officials {
  readonly village: Record<string, string>;
  readonly township: Record<string, string>;
  readonly county: Record<string, string>;
}

/** A village inspector of the village, a township official and a county official. */
export async function officialsOf(place: Place): Promise<Officials> {
  const bearer = async (claims: Parameters<typeof testAccessToken>[0]) => ({
    authorization: `Bearer ${await testAccessToken(claims, 1800)}`,
  });
  return {
    village: await bearer({
      sub: 'e2e-assistance-village',
      kind: 'user',
      role: 'village-inspector',
      unit: place.townshipCode,
      villages: [place.villageCode],
    }),
    township: await bearer({
      sub: 'e2e-assistance-township',
      kind: 'user',
      role: 'township-official',
      unit: place.townshipCode,
    }),
    county: await bearer({
      sub: 'e2e-assistance-county',
      kind: 'user',
      role: 'county-official',
      unit: `${place.countyCode}000000`,
    }),
  };
}

/**
 * A department's system (health insurance) as operators add it: a client with the
 * `warning.submit` scope only, added by the administrator, then its access token by the client
 * credentials grant (HTTP Basic). Returns the headers its requests carry.
 */
export async function warningClient(base: string, clientId: string): Promise<Record<string, string>> {
  const added = await expectStatus(
    call(base, 'POST', '/api/auth/clients', {
      clientId,
      scopes: ['warning.submit'],
      reason: '医保部门预警对接 / health insurance warnings',
    }),
    201,
    'client',
  );
  const basic = Buffer.from(`${clientId}:${String(added.body['clientSecret'])}`).toString('base64');
  const res = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: 'grant_type=client_credentials',
  });
  const token = (await res.json()) as { access_token?: string; scope?: string };
  if (res.status !== 200 || token.scope !== 'warning.submit')
    throw new Error(`client token: ${res.status} ${JSON.stringify(token)}`);
  return { authorization: `Bearer ${token.access_token}` };
}

/**
 * Waits until the inspection's view of the household holds `incomes` income records. No route
 * shows the assistance service's own view, and a proposal judged on a view that lags would be
 * recorded as a refusal; the inspection folds the same topic, so once it has the records the
 * assistance service has had the same time to fold them.
 */
export async function incomesFolded(base: string, householdId: string, incomes: number): Promise<void> {
  const facts = await until(
    () => call(base, 'GET', `/api/inspection/households/${householdId}/facts`),
    ({ status, body }) => status === 200 && (body['incomes'] as unknown[]).length === incomes,
  );
  if (facts.status !== 200 || (facts.body['incomes'] as unknown[]).length !== incomes)
    throw new Error(`the registry's income records did not arrive: ${JSON.stringify(facts.body)}`);
}
