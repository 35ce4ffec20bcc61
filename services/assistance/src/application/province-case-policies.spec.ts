import { callerOf, type Principal } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { CaseCommands } from './case-commands';
import { CaseSchedule } from './case-policy';
import { ProvinceCasePolicies } from './province-case-policies';
import { CaseHouseholdsInMemory, COUNTY_OFFICIAL, householdFacts, openTestStore } from './testing/case.test-support';

// A province's own time limits reach the cases' deadlines; the rest of the country keeps the defaults.
const PROVINCE_OFFICIAL: Principal = {
  kind: 'user',
  id: 'province-1',
  role: 'province-official',
  unitCode: '510000000000',
  villageCodes: [],
};
let harness: ReturnType<typeof openTestStore>;
let policies: ProvinceCasePolicies;
let cases: CaseCommands;
const households = new CaseHouseholdsInMemory();
const change = {
  provinceCode: '51',
  year: 2024,
  reason: '调整受理时限',
  sourceDocument: '川乡振发〔2024〕9号',
  on: '2024-06-01',
};

beforeAll(() => {
  harness = openTestStore();
  const clock = { ...fixedOffsetClock(480), now: () => new Date('2024-11-01T02:00:00Z') };
  policies = new ProvinceCasePolicies({ store: harness.store, clock });
  cases = new CaseCommands({ store: harness.store, clock, households, schedule: new CaseSchedule(policies) });
});
afterAll(() => harness.dispose());

it('gives the national defaults where the province set nothing', async () => {
  expect(await policies.policyFor('52', 2024)).toMatchObject({
    timeLimits: { acceptLead: { days: 2, unit: 'calendar' }, publicNoticeMinimumDays: 5 },
    elimination: { stableIncomeMonths: 6 },
  });
});

it('refuses a county official, and a province official of another province', async () => {
  const limits = (await policies.policyFor('51', 2024)).timeLimits;
  const command = { type: 'SetCaseTimeLimits' as const, data: { ...change, timeLimits: limits } };
  await expect(
    policies.set(command, { caller: callerOf(COUNTY_OFFICIAL), correlationId: 'c-1' }),
  ).rejects.toMatchObject({
    code: 'access.permission-denied',
  });
  const other = { ...PROVINCE_OFFICIAL, unitCode: '520000000000' };
  await expect(policies.set(command, { caller: callerOf(other), correlationId: 'c-2' })).rejects.toMatchObject({
    code: 'access.outside-area',
  });
});

it('a province’s 3 working days to accept set the next lead’s deadline: Fri 27 Sep → 29 (worked Sunday), 30, 8 Oct', async () => {
  const defaults = (await policies.policyFor('51', 2024)).timeLimits;
  await policies.set(
    {
      type: 'SetCaseTimeLimits',
      data: { ...change, timeLimits: { ...defaults, acceptLead: { days: 3, unit: 'working' } } },
    },
    { caller: callerOf(PROVINCE_OFFICIAL), correlationId: 'c-3' },
  );
  households.put(householdFacts('h-province'));
  const { result } = await cases.submitLead(
    {
      householdId: 'h-province',
      lead: { source: 'self-application', referenceId: 'a-1', department: null, summary: null },
      on: '2024-09-27',
    },
    { caller: callerOf(COUNTY_OFFICIAL), correlationId: 'c-4' },
  );
  expect(result.events[0]).toMatchObject({ data: { acceptBy: '2024-10-08' } });
});
