import { callerOf, type Principal } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { RequestContext } from '@relapse-watch/service-runtime';
import { CaseCommands } from './case-commands';
import { CaseSchedule, NATIONAL_CASE_POLICY } from './case-policy';
import { PlanCommands } from './plan-commands';
import {
  CaseHouseholdsInMemory,
  householdFacts,
  openTestStore,
  OTHER_COUNTY,
  TOWNSHIP_OFFICIAL,
} from './testing/case.test-support';

// The plan use cases on a real SQLite event store: the facts they add (identification day, risk
// types, labour capacity under the national policy) decide a measure's timing and the flags.

let harness: ReturnType<typeof openTestStore>;
let cases: CaseCommands;
let plans: PlanCommands;
const households = new CaseHouseholdsInMemory();
let sequence = 0;

beforeAll(() => {
  harness = openTestStore();
  const deps = {
    store: harness.store,
    clock: { ...fixedOffsetClock(480), now: () => new Date('2024-10-15T02:00:00Z') },
    households,
    schedule: new CaseSchedule(NATIONAL_CASE_POLICY),
  };
  cases = new CaseCommands(deps);
  plans = new PlanCommands(deps);
});
afterAll(() => harness.dispose());

const ctx = (principal: Principal): RequestContext => ({
  caller: callerOf(principal),
  correlationId: `c-${++sequence}`,
});
const dibao = {
  measureId: '0190f3a2-cccc-7000-8000-000000000001',
  category: 'social-assistance' as const,
  kind: '低保',
  responsibleDepartment: '县民政局',
  plannedStart: '2024-10-01',
  plannedEnd: null,
  amountFen: 60_000,
};

async function openCase(householdId: string): Promise<string> {
  const { caseId } = await cases.submitLead(
    {
      householdId,
      lead: { source: 'self-application', referenceId: `a-${householdId}`, department: null, summary: null },
      on: '2024-09-27',
    },
    ctx(TOWNSHIP_OFFICIAL),
  );
  return caseId;
}

describe('assistance plans', () => {
  it('flags a household with labour capacity that has only social assistance, and a start before identification as early', async () => {
    households.put(householdFacts('h-plan'));
    const caseId = await openCase('h-plan');
    const planned = await plans.run(caseId, 'PlanMeasure', dibao, ctx(TOWNSHIP_OFFICIAL));
    expect(planned.events.map((e) => e.type)).toEqual([
      'AssistancePlanOpened',
      'AssistanceMeasurePlanned',
      'AssistancePlanFlagsChanged',
    ]);
    expect(planned.events[2]).toMatchObject({
      data: { flags: ['development-measure-missing'], hasLabourCapacity: true },
    });
    const started = await plans.run(
      caseId,
      'StartMeasure',
      { measureId: dibao.measureId, actualStart: '2024-10-08' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    expect(started.events[0]).toMatchObject({ type: 'AssistanceMeasureStarted', data: { timing: 'early' } });
  });

  it('does not ask a household without labour capacity for a development measure', async () => {
    const lost = householdFacts('h-no-labour').members.map((m) => ({ ...m, labourCapacity: 'lost' }));
    households.put(householdFacts('h-no-labour', { members: lost }));
    const caseId = await openCase('h-no-labour');
    const planned = await plans.run(caseId, 'PlanMeasure', dibao, ctx(TOWNSHIP_OFFICIAL));
    expect(planned.events.map((e) => e.type)).toEqual(['AssistancePlanOpened', 'AssistanceMeasurePlanned']);
  });

  it('refuses a caller outside the case’s county', async () => {
    households.put(householdFacts('h-plan-outside'));
    const caseId = await openCase('h-plan-outside');
    await expect(plans.run(caseId, 'PlanMeasure', dibao, ctx(OTHER_COUNTY))).rejects.toMatchObject({
      code: 'access.outside-area',
    });
  });
});
