import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DAUGHTER, HEAD, MIGRANT_SON } from '../domain/testing/household.fixtures';
import { startRegistryApi, type RegistryApiHarness } from './testing/registry-api.fixture';

// What the registry's commands look up in the province's policy, over real HTTP on an embedded
// app: the per-capita divisor rule (and the recomputation a membership change brings) and the
// risk types (national list plus the province's own). Policies are for this year, as the
// handlers read them. Each test makes its own households; the province policy is shared, so the
// tests set what they rely on.
const VILLAGE = '511923101002';
// The handlers read this year's policy in China's time (+08:00), which runs ahead of UTC's year at New Year.
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
let api: RegistryApiHarness;

beforeAll(async () => {
  api = await startRegistryApi('rw-registry-policy-facts-');
});
afterAll(async () => {
  await api?.close();
});

const call: RegistryApiHarness['call'] = (...args) => api.call(...args);

let counter = 0;
/** A household with the fixture's head, daughter and son working in another province (not resident). */
async function familyOfThree(): Promise<{ id: string; sonId: string }> {
  const created = await call('POST', '/api/registry/households', {
    villageCode: VILLAGE,
    householdNumber: `pf-${++counter}-${Date.now()}`,
    status: { kind: 'ordinary' },
  });
  const id = created.body.id as string;
  // A birth day and sequence from the counter, so one person is never in two households.
  const ids = ['5119231975', '5119232009', '5119231996'].map((born) => residentId(born, counter));
  const add = (m: typeof HEAD, residentId: string) =>
    call('POST', `/api/registry/households/${id}/members`, {
      personal: { ...m.personal, residentId },
      profile: m.profile,
    });
  await add(HEAD, ids[0]);
  await add(DAUGHTER, ids[1]);
  const son = await add(MIGRANT_SON, ids[2]);
  return { id, sonId: son.body.createdId as string };
}

/** A valid GB 11643 number: registration county and birth year-month given, the day and sequence from `n`. */
function residentId(countyYearMonth: string, n: number): string {
  const body = `${countyYearMonth}03${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const income = {
  period: { kind: 'calendar-year', year: YEAR - 1 },
  components: { wagesYuan: '24000', grossBusinessYuan: 0, propertyYuan: 0, transferYuan: 0, productionCostsYuan: 0 },
};

describe('per-capita divisor rule', () => {
  it('divides by the household members by default, and recomputes when the migrant son leaves the household', async () => {
    await call('PUT', `/api/registry/policies/51/${YEAR}/per-capita-divisor-rule`, {
      rule: 'household-members',
      effectiveFrom: `${YEAR}-01-01`,
      sourceDocument: '川乡振发〔测试〕1号',
    });
    const { id, sonId } = await familyOfThree();
    const recorded = await call('PUT', `/api/registry/households/${id}/income`, income);
    expect(recorded.body.events).toEqual(['IncomeRecorded']);
    const removed = await call('DELETE', `/api/registry/households/${id}/members/${sonId}?reason=moved-out`);
    expect(removed.body.events).toEqual(['MemberRemoved', 'PerCapitaIncomeRecomputed']);
    const read = await call('GET', `/api/registry/households/${id}`, undefined, {
      'x-min-position': String(removed.body.position),
    });
    // 24000 ÷ 3 = 8000 while he belonged; ÷ 2 = 12000 from the day he left
    expect(read.body.household.incomes).toEqual([
      expect.objectContaining({
        divisorRule: 'household-members',
        divisorMembers: 2,
        perCapitaNetIncomeFen: 1_200_000,
      }),
    ]);
  });

  it('is set per province and year, shown in force, and refused when unknown', async () => {
    const set = await call('PUT', `/api/registry/policies/51/${YEAR}/per-capita-divisor-rule`, {
      rule: 'resident-members',
      effectiveFrom: `${YEAR}-01-01`,
      sourceDocument: '川统调〔测试〕2号',
    });
    expect(set).toMatchObject({ status: 200, body: { events: ['PerCapitaDivisorRuleSet'] } });
    const policy = await call('GET', `/api/registry/policies/51/${YEAR}?on=${YEAR}-06-30`);
    expect(policy.body.perCapitaDivisorRule).toBe('resident-members');
    const { id } = await familyOfThree();
    const recorded = await call('PUT', `/api/registry/households/${id}/income`, income);
    const read = await call('GET', `/api/registry/households/${id}`, undefined, {
      'x-min-position': String(recorded.body.position),
    });
    // The son works away: 24000 ÷ 2 residents = 12000
    expect(read.body.household.incomes[0]).toMatchObject({ divisorRule: 'resident-members', divisorMembers: 2 });
    const bad = await call('PUT', `/api/registry/policies/51/${YEAR}/per-capita-divisor-rule`, {
      rule: 'everyone',
      effectiveFrom: `${YEAR}-01-01`,
      sourceDocument: 'x',
    });
    expect(bad).toMatchObject({ status: 400, body: { field: 'rule' } });
    // Leave the default for other tests.
    await call('PUT', `/api/registry/policies/51/${YEAR}/per-capita-divisor-rule`, {
      rule: 'household-members',
      effectiveFrom: `${YEAR}-01-01`,
      sourceDocument: '川乡振发〔测试〕1号',
    });
  });
});

describe('risk types', () => {
  it('lists the national types, accepts a province’s own once added, and refuses an unknown code naming the field', async () => {
    const national = await call('GET', `/api/registry/risk-types?province=51&year=${YEAR}`);
    expect(national.status).toBe(200);
    const codes = (national.body as unknown as { code: string }[]).map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['illness', 'schooling-cost', 'natural-disaster', 'other']));
    const { id } = await familyOfThree();
    const report = (kind: string) =>
      call('POST', `/api/registry/households/${id}/risk-events`, {
        kind,
        occurredOn: `${YEAR}-01-02`,
        lossYuan: '100',
      });
    expect(await report('51.farm-price-drop')).toMatchObject({
      status: 422,
      body: { code: 'risk-event.type-unknown', field: 'kind' },
    });
    const added = await call('POST', `/api/registry/policies/51/${YEAR}/risk-types`, {
      localCode: 'farm-price-drop',
      labelZh: '因农产品价格下跌',
      labelEn: 'Farm-price drop',
      sourceDocument: '川乡振发〔测试〕3号',
    });
    expect(added.status).toBe(201);
    expect((await report('51.farm-price-drop')).body.events).toEqual(['RiskEventReported']);
    expect((await report('illness')).body.events).toEqual(['RiskEventReported']);
    const withProvince = await call('GET', `/api/registry/risk-types?province=51&year=${YEAR}`);
    expect(withProvince.body).toEqual(
      expect.arrayContaining([
        {
          code: '51.farm-price-drop',
          label: { 'zh-CN': '因农产品价格下跌', en: 'Farm-price drop' },
          provinceCode: '51',
          threePlusOne: false,
        },
      ]),
    );
    expect((await call('GET', '/api/registry/risk-types?province=5')).status).toBe(400);
  });
});
