import type { AssistancePlanEvent } from '../../domain/assistance-plan/assistance-plan.events';
import type { MonitoringCaseEvent } from '../../domain/monitoring-case/monitoring-case.events';
import {
  ELIMINATION_UNTIL,
  eliminationRefused,
} from '../../domain/monitoring-case/testing/monitoring-case-elimination.fixtures';
import {
  accepted,
  CASE_ID,
  COUNTY,
  NEW_CASE_ID,
  opened,
  TOWNSHIP,
  UNTIL,
} from '../../domain/monitoring-case/testing/monitoring-case.fixtures';
import {
  caseAfter,
  documentsAfter,
  objection,
  openedCase,
  overdue,
  planned,
  resolved,
} from './testing/case-list.events';

// Given the later events of the fixtures' case (overdue marks, elimination, follow-up, relapse)
// and its plan's, then its document. Accept by 4 Sep 2024, home verification by the 9th,
// procedure by the 30th; identified on the 24th; eliminated on 27 Nov 2025.

describe('the case list: overdue marks', () => {
  it('given the acceptance marked overdue, then the case is behind and no deadline waits before the lead decision', () => {
    expect(caseAfter([opened, overdue('accept', '2024-09-04', '2024-09-05')])).toMatchObject({
      overdueSteps: [{ step: 'accept', dueOn: '2024-09-04', markedOn: '2024-09-05' }],
      overdue: true,
      nextDueOn: null,
      awaitingDeadline: false,
    });
  });

  it('given the marked lead accepted late, then the mark stays in the history and the case is no longer behind', () => {
    const late: MonitoringCaseEvent = {
      ...accepted,
      data: { ...accepted.data, on: '2024-09-06', homeVerificationBy: '2024-09-13', procedureBy: '2024-10-11' },
    };
    expect(caseAfter([opened, overdue('accept', '2024-09-04', '2024-09-05'), late])).toMatchObject({
      overdueSteps: [{ step: 'accept', dueOn: '2024-09-04', markedOn: '2024-09-05' }],
      overdue: false,
      nextDueOn: '2024-09-13',
      awaitingDeadline: true,
    });
  });

  it('given the home verification marked, then the procedure’s deadline is the next one', () => {
    expect(caseAfter([...UNTIL.accepted, overdue('home-verification', '2024-09-09', '2024-09-10')])).toMatchObject({
      overdue: true,
      nextDueOn: '2024-09-30',
    });
  });

  it('given a marked case dismissed, then it is no longer on the overdue list', () => {
    const dismissed: MonitoringCaseEvent = {
      type: 'MonitoringCaseLeadDismissed',
      data: { actor: TOWNSHIP, on: '2024-09-06', reason: '无风险' },
    };
    expect(caseAfter([opened, overdue('accept', '2024-09-04', '2024-09-05'), dismissed])).toMatchObject({
      overdue: false,
      running: false,
      overdueSteps: [{ step: 'accept' }],
    });
  });
});

describe('the case list: risk elimination', () => {
  it('given an elimination the guard refused, then it is counted and the household stays monitored', () => {
    expect(caseAfter([...UNTIL.identified, eliminationRefused])).toMatchObject({
      eliminationRefusals: 1,
      phase: 'identified',
      monitored: true,
    });
  });

  it.each([
    ['proposed', 'elimination-proposed', 'elimination-verification'],
    ['verified', 'elimination-verified', 'village-review'],
    ['villageReviewed', 'elimination-village-reviewed', 'public-notice'],
    ['noticePosted', 'elimination-notice-posted', 'public-notice-close'],
    ['noticeClosed', 'elimination-notice-closed', 'township-review'],
    ['townshipReviewed', 'elimination-township-reviewed', 'elimination-decision'],
  ] as const)(
    'given the elimination %s, then the phase is %s, waiting for %s, still monitored',
    (step, phase, next) => {
      expect(caseAfter(ELIMINATION_UNTIL[step])).toMatchObject({
        phase,
        waitingFor: next,
        monitored: true,
        running: true,
      });
    },
  );

  it('given the elimination’s notice, then it is shown in force for the elimination', () => {
    expect(caseAfter(ELIMINATION_UNTIL.noticePosted)).toMatchObject({
      openNotice: {
        noticeNumber: 2,
        procedure: 'elimination',
        postedOn: '2025-11-15',
        closesNoEarlierThan: '2025-11-20',
      },
    });
  });

  it('given an upheld objection to the elimination’s notice, then the elimination goes back to its village review', () => {
    const history = [
      ...ELIMINATION_UNTIL.noticePosted,
      objection('o-9', 2, '2025-11-16'),
      resolved('o-9', 2, true, '2025-11-17'),
    ];
    expect(caseAfter(history)).toMatchObject({
      phase: 'elimination-verified',
      waitingFor: 'village-review',
      openNotice: null,
    });
  });

  it('given the elimination granted, then the overlay ends and the case waits for follow-up visits only', () => {
    expect(caseAfter(ELIMINATION_UNTIL.eliminated)).toMatchObject({
      phase: 'eliminated',
      eliminatedOn: '2025-11-27',
      identified: true,
      monitored: false,
      running: false,
      waitingFor: 'follow-up',
      nextDueOn: null,
    });
  });

  it('given the elimination turned down by the county, then the household stays monitored', () => {
    const turnedDown: MonitoringCaseEvent = {
      type: 'MonitoringCaseEliminationRejected',
      data: { actor: COUNTY, on: '2025-11-27', reason: '收入不稳定', at: 'county' },
    };
    expect(caseAfter([...ELIMINATION_UNTIL.townshipReviewed, turnedDown])).toMatchObject({
      phase: 'identified',
      waitingFor: 'elimination-proposal',
      monitored: true,
      eliminatedOn: null,
    });
  });

  it('given a follow-up visit, then it is counted', () => {
    const visit: MonitoringCaseEvent = {
      type: 'MonitoringCaseFollowUpVisitRecorded',
      data: { actor: TOWNSHIP, on: '2025-12-15', reason: null, visitId: 'v-1', findings: '收入稳定' },
    };
    expect(caseAfter([...ELIMINATION_UNTIL.eliminated, visit])).toMatchObject({
      followUpVisits: 1,
      phase: 'eliminated',
    });
  });

  it('given a relapse, then the case links forward and waits for nothing; the new case links back', () => {
    const relapsed: MonitoringCaseEvent = {
      type: 'MonitoringCaseRelapsed',
      data: { actor: TOWNSHIP, on: '2026-03-02', reason: '风险消除后再次出现风险', newCaseId: NEW_CASE_ID },
    };
    expect(caseAfter([...ELIMINATION_UNTIL.eliminated, relapsed])).toMatchObject({
      relapseCaseId: NEW_CASE_ID,
      relapsedOn: '2026-03-02',
      waitingFor: null,
      running: false,
    });
    const next = openedCase(NEW_CASE_ID, '511923102202', '2026-03-02', { previousCaseId: CASE_ID });
    expect(documentsAfter([next], NEW_CASE_ID).get(NEW_CASE_ID)?.data).toMatchObject({
      previousCaseId: CASE_ID,
      phase: 'lead',
      openedOn: '2026-03-02',
    });
  });
});

describe('the case list: the assistance plan', () => {
  const started = (measureId: string): AssistancePlanEvent => ({
    type: 'AssistanceMeasureStarted',
    data: { measureId, actualStart: '2024-10-08', timing: 'after-identification' },
  });
  const plan: AssistancePlanEvent[] = [
    { type: 'AssistancePlanOpened', data: { caseId: CASE_ID, householdId: opened.data.householdId } },
    planned('m-post', 'employment'),
    planned('m-loan', 'industry'),
    planned('m-dibao', 'social-assistance'),
    planned('m-training', 'employment'),
    started('m-post'),
    started('m-loan'),
    { type: 'AssistanceMeasureEnded', data: { measureId: 'm-loan', actualEnd: '2025-06-30', outcome: '已还款' } },
    {
      type: 'AssistanceMeasureCancelled',
      data: { measureId: 'm-training', reason: '本人外出务工', cancelledOn: '2024-11-01' },
    },
    {
      type: 'AssistanceMeasureExtendedAfterElimination',
      data: { measureId: 'm-post', until: '2026-06-30', previousUntil: null },
    },
  ];

  it('given measures planned, started, ended and cancelled, then they are counted by category and status', () => {
    const doc = caseAfter([...UNTIL.identified, ...plan]);
    expect(doc.measures).toEqual([
      { measureId: 'm-post', category: 'employment', status: 'in-progress' },
      { measureId: 'm-loan', category: 'industry', status: 'ended' },
      { measureId: 'm-dibao', category: 'social-assistance', status: 'planned' },
      { measureId: 'm-training', category: 'employment', status: 'cancelled' },
    ]);
    expect(doc.measureCounts).toMatchObject({
      employment: { planned: 0, 'in-progress': 1, ended: 0, cancelled: 1 },
      industry: { planned: 0, 'in-progress': 0, ended: 1, cancelled: 0 },
      'social-assistance': { planned: 1, 'in-progress': 0, ended: 0, cancelled: 0 },
      health: { planned: 0, 'in-progress': 0, ended: 0, cancelled: 0 },
    });
    expect(doc).toMatchObject({ planFlags: [], developmentMeasureMissing: false, hasLabourCapacity: null });
  });

  it('given the plan’s flags raised and then cleared, then the list shows them as last recorded', () => {
    const flags = (list: string[], changedOn: string, hasLabourCapacity = true): AssistancePlanEvent =>
      ({
        type: 'AssistancePlanFlagsChanged',
        data: { flags: list, hasLabourCapacity, changedOn },
      }) as AssistancePlanEvent;
    const raised = [...UNTIL.identified, plan[0], flags(['development-measure-missing'], '2024-09-24')];
    expect(caseAfter(raised)).toMatchObject({
      planFlags: ['development-measure-missing'],
      developmentMeasureMissing: true,
      socialSecurityMissing: false,
      hasLabourCapacity: true,
    });
    expect(caseAfter([...raised, planned('m-post', 'employment'), flags([], '2024-10-01')])).toMatchObject({
      planFlags: [],
      developmentMeasureMissing: false,
      hasLabourCapacity: true,
    });
    const noLabour = [...UNTIL.identified, plan[0], flags(['social-security-missing'], '2024-09-24', false)];
    expect(caseAfter(noLabour)).toMatchObject({
      developmentMeasureMissing: false,
      socialSecurityMissing: true,
      hasLabourCapacity: false,
    });
  });
});
