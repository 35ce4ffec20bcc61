import { callerOf, type Principal } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { RequestContext } from '@relapse-watch/service-runtime';
import type { LeadInput } from '../domain/monitoring-case/monitoring-case.commands';
import { CaseCommands } from './case-commands';
import { caseIdOf } from './case-ids';
import { CaseSchedule, NATIONAL_CASE_POLICY } from './case-policy';
import {
  CaseHouseholdsInMemory,
  COUNTY_OFFICIAL,
  householdFacts,
  openTestStore,
  OTHER_COUNTY,
  TOWNSHIP_OFFICIAL,
} from './testing/case.test-support';

// The case use cases on a real SQLite event store and the shipped working-day calendar (2024's
// National Day: 1–7 October off, Sunday 29 September and Saturday 12 October worked), with the
// households' facts in memory. Every date below is worked out by hand from that schedule.

let harness: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
let now = new Date('2024-11-01T02:00:00Z');
const households = new CaseHouseholdsInMemory();
let commands: CaseCommands;
let sequence = 0;

beforeAll(() => {
  harness = openTestStore();
  store = harness.store;
  const clock = { ...fixedOffsetClock(480), now: () => now };
  commands = new CaseCommands({ store, clock, households, schedule: new CaseSchedule(NATIONAL_CASE_POLICY) });
});
afterAll(() => harness.dispose());

const ctx = (principal: Principal): RequestContext => ({
  caller: callerOf(principal),
  correlationId: `corr-${++sequence}`,
});
const warning = (referenceId: string): LeadInput => ({
  source: 'department-warning',
  referenceId,
  department: 'health-insurance',
  summary: '自付医疗费用超过预警线',
});
const application = (referenceId: string): LeadInput => ({
  source: 'self-application',
  referenceId,
  department: null,
  summary: null,
});

async function identify(caseId: string, approve = true): Promise<void> {
  const township = ctx(TOWNSHIP_OFFICIAL);
  await commands.step(caseId, 'AcceptLead', { on: '2024-09-29', reason: '线索属实，予以受理' }, township);
  await commands.step(
    caseId,
    'RecordHomeVerification',
    { on: '2024-10-08', consentSigned: true, findings: '户主住院' },
    township,
  );
  await commands.step(
    caseId,
    'RecordDepartmentComparison',
    { on: '2024-10-10', results: [{ department: 'health-insurance', finding: 'consistent', note: null }] },
    township,
  );
  await commands.step(
    caseId,
    'RecordVillageReview',
    { on: '2024-10-12', reason: '评议同意', outcome: 'approved', minutesRef: 'CM-1', vote: null },
    township,
  );
  await commands.step(caseId, 'PostPublicNotice', { on: '2024-10-15' }, township);
  await commands.step(caseId, 'ClosePublicNotice', { on: '2024-10-22' }, township);
  await commands.step(
    caseId,
    'RecordTownshipReview',
    { on: '2024-10-23', reason: '审核通过', outcome: 'approved' },
    township,
  );
  if (!approve) return;
  await commands.step(
    caseId,
    'ApproveIdentification',
    { on: '2024-10-25', reason: '符合条件', category: 'marginal-prone-to-poverty', riskTypes: ['illness'] },
    ctx(COUNTY_OFFICIAL),
  );
}

describe('leads', () => {
  it('a first lead opens the household’s first case, due for acceptance two calendar days later (a worked Sunday)', async () => {
    households.put(householdFacts('h-open'));
    const outcome = await commands.submitLead(
      { householdId: 'h-open', lead: warning('w-1'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
      'case.write',
    );
    expect(outcome).toMatchObject({ caseId: caseIdOf('h-open', 0), opened: true });
    expect(outcome.result.events).toEqual([
      expect.objectContaining({
        type: 'MonitoringCaseOpened',
        data: expect.objectContaining({ householdId: 'h-open', villageCode: '511902001001', acceptBy: '2024-09-29' }),
      }),
    ]);
  });

  it('a second lead joins the running case, and the same warning again changes nothing', async () => {
    households.put(householdFacts('h-join'));
    const first = await commands.submitLead(
      { householdId: 'h-join', lead: application('a-1'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    const second = await commands.submitLead(
      { householdId: 'h-join', lead: warning('w-9'), on: '2024-09-28' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    const again = await commands.submitLead(
      { householdId: 'h-join', lead: warning('w-9'), on: '2024-09-28' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    expect(second).toMatchObject({ caseId: first.caseId, opened: false });
    expect(second.result.events.map((e) => e.type)).toEqual(['MonitoringCaseLeadEvidenceAdded']);
    expect(again.result.events).toEqual([]);
  });

  it('after a dismissal the next lead opens the household’s second case, not linked as a relapse', async () => {
    households.put(householdFacts('h-dismissed'));
    const first = await commands.submitLead(
      { householdId: 'h-dismissed', lead: application('a-2'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    await commands.step(
      first.caseId,
      'DismissLead',
      { on: '2024-09-28', reason: '收入稳定，无风险' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    const next = await commands.submitLead(
      { householdId: 'h-dismissed', lead: warning('w-3'), on: '2024-10-09' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    expect(next).toMatchObject({ caseId: caseIdOf('h-dismissed', 1), opened: true });
    expect(next.result.events[0]).toMatchObject({ data: { previousCaseId: null } });
  });

  it('refuses a household the service does not know, and a caller outside its county', async () => {
    await expect(
      commands.submitLead({ householdId: 'h-nowhere', lead: application('a-3') }, ctx(TOWNSHIP_OFFICIAL)),
    ).rejects.toMatchObject({ code: 'household.unknown', field: 'householdId' });
    households.put(householdFacts('h-outside'));
    await expect(
      commands.submitLead({ householdId: 'h-outside', lead: application('a-4') }, ctx(OTHER_COUNTY)),
    ).rejects.toMatchObject({ code: 'access.outside-area' });
  });
});

describe('the identification procedure', () => {
  it('counts the deadlines in working days over National Day, and the notice past a Sunday', async () => {
    households.put(householdFacts('h-deadlines'));
    const { caseId } = await commands.submitLead(
      { householdId: 'h-deadlines', lead: application('a-5'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    const accepted = await commands.step(
      caseId,
      'AcceptLead',
      { on: '2024-09-29', reason: '受理' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    // 5 working days after 29 Sep: 30 Sep, 8, 9, 10, 11 Oct; 20: … 12 Oct (worked Saturday) … 31 Oct.
    expect(accepted.events[0]).toMatchObject({ data: { homeVerificationBy: '2024-10-11', procedureBy: '2024-10-31' } });
  });

  it('refuses to close a notice before its last day has passed; 5 days from 15 Oct end on Sunday 20, so Monday 21', async () => {
    households.put(householdFacts('h-notice'));
    const { caseId } = await commands.submitLead(
      { householdId: 'h-notice', lead: application('a-6'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    const township = ctx(TOWNSHIP_OFFICIAL);
    await commands.step(caseId, 'AcceptLead', { on: '2024-09-29', reason: '受理' }, township);
    await commands.step(
      caseId,
      'RecordHomeVerification',
      { on: '2024-10-08', consentSigned: true, findings: '核实' },
      township,
    );
    await commands.step(
      caseId,
      'RecordDepartmentComparison',
      { on: '2024-10-10', results: [{ department: 'civil-affairs', finding: 'consistent', note: null }] },
      township,
    );
    await commands.step(
      caseId,
      'RecordVillageReview',
      { on: '2024-10-12', reason: '同意', outcome: 'approved', minutesRef: 'CM-2', vote: null },
      township,
    );
    const posted = await commands.step(caseId, 'PostPublicNotice', { on: '2024-10-15' }, township);
    expect(posted.events[0]).toMatchObject({ data: { closesNoEarlierThan: '2024-10-22', minimumDays: 5 } });
    await expect(commands.step(caseId, 'ClosePublicNotice', { on: '2024-10-21' }, township)).rejects.toMatchObject({
      code: 'case.notice-too-early',
    });
  });

  it('a township official may not decide; the county identifies', async () => {
    households.put(householdFacts('h-decide'));
    const { caseId } = await commands.submitLead(
      { householdId: 'h-decide', lead: application('a-7'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    await identify(caseId, false);
    const decision = {
      on: '2024-10-25',
      reason: '符合条件',
      category: 'marginal-prone-to-poverty' as const,
      riskTypes: ['illness'],
    };
    await expect(
      commands.step(caseId, 'ApproveIdentification', decision, ctx(TOWNSHIP_OFFICIAL)),
    ).rejects.toMatchObject({
      code: 'access.permission-denied',
    });
    const identified = await commands.step(caseId, 'ApproveIdentification', decision, ctx(COUNTY_OFFICIAL));
    expect(identified.events.map((e) => e.type)).toEqual(['MonitoringCaseIdentified']);
    expect(identified.state).toMatchObject({ phase: 'identified' });
  });
});

describe('risk elimination and relapse', () => {
  const above = (endingOn: string) => ({
    period: { kind: 'twelve-months' as const, endingOn },
    netIncomeFen: 3_200_000,
    perCapitaNetIncomeFen: 800_000,
    divisorMembers: 4,
    transferFen: 0,
    recordedOn: endingOn,
  });
  const secured = {
    foodAndClothingSecured: true,
    compulsoryEducationSecured: true,
    medicalInsuranceCovered: true,
    housingGrade: 'A',
    drinkingWaterSafe: true,
    recordedOn: '2025-06-01',
  };
  const assessment = { risksGone: ['illness'], rigidSpending: [] };

  it('records the guard’s refusal with its reasons (four stable months), then eliminates; a later lead opens a relapse case', async () => {
    households.putLines('51', { 2025: 720_000 });
    const fourMonths = ['2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31'].map(above);
    households.put(householdFacts('h-relapse', { incomes: fourMonths, threePlusOne: secured }));
    const { caseId } = await commands.submitLead(
      { householdId: 'h-relapse', lead: application('a-8'), on: '2024-09-27' },
      ctx(TOWNSHIP_OFFICIAL),
    );
    await identify(caseId);
    now = new Date('2025-08-15T02:00:00Z');
    const township = ctx(TOWNSHIP_OFFICIAL);

    const refused = await commands.proposeElimination(
      caseId,
      { on: '2025-08-01', reason: '申请消除', assessment },
      township,
    );
    expect(refused.check.allowed).toBe(false);
    expect(refused.check.reasons.map((r) => r.code)).toEqual(['elimination.income-not-stable']);
    expect(refused.result.events.map((e) => e.type)).toEqual(['MonitoringCaseEliminationRefused']);

    const sixMonths = ['2025-02-28', '2025-03-31', ...['2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31']].map(
      above,
    );
    households.put(householdFacts('h-relapse', { incomes: sixMonths, threePlusOne: secured }));
    const proposed = await commands.proposeElimination(
      caseId,
      { on: '2025-08-04', reason: '收入稳定六个月', assessment },
      township,
    );
    expect(proposed.result.events.map((e) => e.type)).toEqual(['MonitoringCaseEliminationProposed']);
    await commands.step(caseId, 'RecordEliminationVerification', { on: '2025-08-05', findings: '收入稳定' }, township);
    await commands.step(
      caseId,
      'RecordVillageReview',
      { on: '2025-08-05', reason: '同意', outcome: 'approved', minutesRef: 'CM-3', vote: null },
      township,
    );
    // Posted Tue 5 Aug: 5 days end Sunday 10 Aug, so Monday 11; it may close on the 12th.
    await commands.step(caseId, 'PostPublicNotice', { on: '2025-08-05' }, township);
    await commands.step(caseId, 'ClosePublicNotice', { on: '2025-08-12' }, township);
    await commands.step(
      caseId,
      'RecordTownshipReview',
      { on: '2025-08-13', reason: '同意', outcome: 'approved' },
      township,
    );
    const granted = await commands.step(
      caseId,
      'GrantElimination',
      { on: '2025-08-14', reason: '风险消除' },
      ctx(COUNTY_OFFICIAL),
    );
    expect(granted.state).toMatchObject({ phase: 'eliminated' });

    const relapse = await commands.submitLead(
      { householdId: 'h-relapse', lead: warning('w-20'), on: '2025-08-15' },
      township,
    );
    expect(relapse).toMatchObject({ caseId: caseIdOf('h-relapse', 1), opened: true });
    expect(relapse.result.events[0]).toMatchObject({ data: { previousCaseId: caseId } });
    const old = await commands
      .step(caseId, 'RecordFollowUpVisit', { on: '2025-08-15', visitId: 'v-1', findings: '回访' }, township)
      .catch((e: unknown) => e);
    expect(old).toMatchObject({ code: 'case.relapsed' });
  });
});
