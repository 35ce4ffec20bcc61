import { callerOf } from '@relapse-watch/access';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { parseCloudEvent, type RelayMapping } from '@relapse-watch/messaging-core';
import { CaseCommands } from '../application/case-commands';
import { CaseSchedule, NATIONAL_CASE_POLICY } from '../application/case-policy';
import { PlanCommands } from '../application/plan-commands';
import {
  CaseHouseholdsInMemory,
  householdFacts,
  openTestStore,
  TOWNSHIP_OFFICIAL,
} from '../application/testing/case.test-support';
import { assistanceRelayMapper } from './assistance-relay.mapper';

// The relay's view of two cases on a real store: one accepted with a measure planned, one dismissed.
const clock = { ...fixedOffsetClock(480), now: () => new Date('2024-10-15T02:00:00Z') };
let harness: ReturnType<typeof openTestStore>;
let stored: StoredEvent[];
let caseA: string;
let caseB: string;

beforeAll(async () => {
  harness = openTestStore();
  const households = new CaseHouseholdsInMemory();
  households.put(householdFacts('h-a'));
  households.put(householdFacts('h-b'));
  const deps = { store: harness.store, clock, households, schedule: new CaseSchedule(NATIONAL_CASE_POLICY) };
  const cases = new CaseCommands(deps);
  const plans = new PlanCommands(deps);
  const ctx = { caller: callerOf(TOWNSHIP_OFFICIAL), correlationId: 'relay-spec' };
  const lead = (referenceId: string) => ({
    source: 'self-application' as const,
    referenceId,
    department: null,
    summary: '申请',
  });
  caseA = (await cases.submitLead({ householdId: 'h-a', lead: lead('a-1'), on: '2024-09-27' }, ctx)).caseId;
  await cases.step(caseA, 'AcceptLead', { on: '2024-09-29', reason: '受理' }, ctx);
  await plans.run(
    caseA,
    'PlanMeasure',
    {
      measureId: '0190f3a2-cccc-7000-8000-000000000009',
      category: 'employment',
      kind: '公益性岗位',
      responsibleDepartment: '县人社局',
      plannedStart: '2024-10-20',
      plannedEnd: '2025-10-19',
      amountFen: 0,
    },
    ctx,
  );
  caseB = (await cases.submitLead({ householdId: 'h-b', lead: lead('b-1'), on: '2024-09-27' }, ctx)).caseId;
  await cases.step(caseB, 'DismissLead', { on: '2024-09-28', reason: '收入稳定' }, ctx);
  stored = [];
  for await (const event of harness.store.readAll({ fromPosition: 0 })) stored.push(event);
});
afterAll(() => harness.dispose());

it('publishes the openings, the planned measure and the dismissal, keyed by household, each valid against its contract', async () => {
  const mapper = assistanceRelayMapper(harness.store, clock);
  const validator = createContractValidator();
  const published: { type: string; key: string; subject: string }[] = [];
  for (const event of stored) {
    const mapped = await mapper(event);
    if (mapped === null) continue;
    for (const m of (Array.isArray(mapped) ? mapped : [mapped]) as RelayMapping[]) {
      expect(m.topic).toBe('relapsewatch.assistance.events.v1');
      const cloudEvent = parseCloudEvent(m.message.value);
      expect(validator.validate(cloudEvent.type, cloudEvent.data)).toEqual({ valid: true });
      published.push({ type: cloudEvent.type, key: m.message.key, subject: cloudEvent.subject });
    }
  }
  expect(published).toEqual([
    { type: 'cn.relapsewatch.assistance.MonitoringCaseOpened.v1', key: 'h-a', subject: caseA },
    { type: 'cn.relapsewatch.assistance.AssistanceMeasurePlanned.v1', key: 'h-a', subject: caseA },
    { type: 'cn.relapsewatch.assistance.MonitoringCaseOpened.v1', key: 'h-b', subject: caseB },
    { type: 'cn.relapsewatch.assistance.LeadDismissed.v1', key: 'h-b', subject: caseB },
  ]);
});
