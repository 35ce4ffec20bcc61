import type { MonitoringCaseEvent } from '../../domain/monitoring-case/monitoring-case.events';
import {
  accepted,
  CASE_ID,
  noticePosted,
  opened,
  TOWNSHIP,
  UNTIL,
  villageReviewed,
} from '../../domain/monitoring-case/testing/monitoring-case.fixtures';
import {
  caseAfter,
  documentsAfter,
  objection,
  openedCase,
  planned,
  rejected,
  resolved,
} from './testing/case-list.events';

// Given a case's (and its plan's) events, then its document: every event type of both streams.
// The fixtures' case: village 511923102202, opened 2 Sep 2024 (accept by the 4th), accepted on the
// 3rd (home verification by the 9th, procedure by the 30th), identified on the 24th.

const ZERO = { planned: 0, 'in-progress': 0, ended: 0, cancelled: 0 };

describe('the case list: the lead', () => {
  it('given an opening, then the case is listed in its village and every tier above, waiting for the lead decision', () => {
    expect(caseAfter([opened])).toEqual({
      caseId: CASE_ID,
      householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
      provinceCode: '510000000000',
      cityCode: '511900000000',
      countyCode: '511923000000',
      townshipCode: '511923102000',
      villageCode: '511923102202',
      phase: 'lead',
      running: true,
      waitingFor: 'lead-decision',
      leadSource: 'concentrated-inspection',
      leads: 1,
      openedOn: '2024-09-02',
      acceptBy: '2024-09-04',
      homeVerificationBy: null,
      procedureBy: null,
      acceptedOn: null,
      dismissedOn: null,
      homeVerifiedOn: null,
      rejectedOn: null,
      rejectedAt: null,
      overdueSteps: [],
      overdue: false,
      nextDueOn: '2024-09-04',
      awaitingDeadline: true,
      openNotice: null,
      unresolvedObjections: 0,
      category: null,
      riskTypes: [],
      identifiedOn: null,
      identified: false,
      monitored: false,
      suggestion: {
        category: 'unstable-poverty-alleviated',
        riskTypes: ['illness', 'unstable-work'],
        ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
      },
      eliminationRefusals: 0,
      eliminatedOn: null,
      followUpVisits: 0,
      previousCaseId: null,
      relapseCaseId: null,
      relapsedOn: null,
      planFlags: [],
      developmentMeasureMissing: false,
      socialSecurityMissing: false,
      hasLabourCapacity: null,
      measures: [],
      measureCounts: {
        industry: ZERO,
        employment: ZERO,
        health: ZERO,
        education: ZERO,
        'social-assistance': ZERO,
        housing: ZERO,
        'drinking-water': ZERO,
        other: ZERO,
      },
    });
  });

  it('given events of a case never opened (its own or its plan’s), then nothing is listed', () => {
    expect(documentsAfter([accepted, planned('m-1', 'industry')]).size).toBe(0);
  });

  it('given a second opening of the same stream, then the first one stands', () => {
    const again = openedCase(CASE_ID, '511923102201', '2024-09-03');
    expect(caseAfter([opened, again])).toMatchObject({ villageCode: '511923102202', openedOn: '2024-09-02' });
  });

  it('given a further lead, then it counts as evidence and the phase stays', () => {
    const evidence: MonitoringCaseEvent = {
      type: 'MonitoringCaseLeadEvidenceAdded',
      data: {
        actor: TOWNSHIP,
        on: '2024-09-03',
        reason: null,
        lead: { source: 'department-warning', referenceId: 'w-1', department: 'health-insurance', summary: null },
      },
    };
    expect(caseAfter([opened, evidence])).toMatchObject({
      leads: 2,
      phase: 'lead',
      leadSource: 'concentrated-inspection',
    });
  });

  it('given the acceptance, then the home verification is the next deadline', () => {
    expect(caseAfter(UNTIL.accepted)).toMatchObject({
      phase: 'accepted',
      waitingFor: 'home-verification',
      acceptedOn: '2024-09-03',
      homeVerificationBy: '2024-09-09',
      procedureBy: '2024-09-30',
      nextDueOn: '2024-09-09',
    });
  });

  it('given a dismissal, then the case ends and awaits no deadline', () => {
    const dismissed: MonitoringCaseEvent = {
      type: 'MonitoringCaseLeadDismissed',
      data: { actor: TOWNSHIP, on: '2024-09-03', reason: '收入稳定，无风险' },
    };
    expect(caseAfter([opened, dismissed])).toMatchObject({
      phase: 'dismissed',
      dismissedOn: '2024-09-03',
      running: false,
      waitingFor: null,
      nextDueOn: null,
      awaitingDeadline: false,
    });
  });
});

describe('the case list: the identification procedure', () => {
  it('given the home verification, then the whole procedure is the next deadline', () => {
    expect(caseAfter(UNTIL.homeVerified)).toMatchObject({
      phase: 'home-verified',
      homeVerifiedOn: '2024-09-05',
      waitingFor: 'department-comparison',
      nextDueOn: '2024-09-30',
    });
  });

  it('given the comparison and an approving village review, then the case waits for the notice', () => {
    expect(caseAfter(UNTIL.compared)).toMatchObject({ phase: 'compared', waitingFor: 'village-review' });
    expect(caseAfter(UNTIL.villageReviewed)).toMatchObject({ phase: 'village-reviewed', waitingFor: 'public-notice' });
  });

  it('given a village review that does not approve, then the identification is rejected at the village', () => {
    const notApproved: MonitoringCaseEvent = {
      ...villageReviewed,
      data: { ...villageReviewed.data, outcome: 'not-approved', reason: '评议未通过' },
    };
    expect(caseAfter([...UNTIL.compared, notApproved, rejected('village-review', '2024-09-11')])).toMatchObject({
      phase: 'rejected',
      rejectedOn: '2024-09-11',
      rejectedAt: 'village-review',
      running: false,
      nextDueOn: null,
    });
  });

  it('given a posted notice, then it is shown in force with its earliest close', () => {
    expect(caseAfter(UNTIL.noticePosted)).toMatchObject({
      phase: 'notice-posted',
      openNotice: {
        noticeNumber: 1,
        procedure: 'identification',
        postedOn: '2024-09-12',
        closesNoEarlierThan: '2024-09-17',
      },
    });
  });

  it('given an objection, then it is open until resolved; one not upheld leaves the notice in force', () => {
    expect(caseAfter([...UNTIL.noticePosted, objection('o-1', 1, '2024-09-13')])).toMatchObject({
      unresolvedObjections: 1,
    });
    expect(
      caseAfter([...UNTIL.noticePosted, objection('o-1', 1, '2024-09-13'), resolved('o-1', 1, false, '2024-09-14')]),
    ).toMatchObject({ unresolvedObjections: 0, phase: 'notice-posted', openNotice: { noticeNumber: 1 } });
  });

  it('given an upheld objection, then the notice is withdrawn and the village reviews again', () => {
    expect(
      caseAfter([...UNTIL.noticePosted, objection('o-1', 1, '2024-09-13'), resolved('o-1', 1, true, '2024-09-14')]),
    ).toMatchObject({ unresolvedObjections: 0, phase: 'compared', waitingFor: 'village-review', openNotice: null });
  });

  it('given an objection to a notice already withdrawn upheld later, then the new notice stays in force', () => {
    const secondNotice: MonitoringCaseEvent = {
      ...noticePosted,
      data: { ...noticePosted.data, on: '2024-09-16', noticeNumber: 2, closesNoEarlierThan: '2024-09-23' },
    };
    const history = [
      ...UNTIL.noticePosted,
      objection('o-1', 1, '2024-09-13'),
      objection('o-2', 1, '2024-09-13'),
      resolved('o-1', 1, true, '2024-09-14'),
      { ...villageReviewed, data: { ...villageReviewed.data, on: '2024-09-15' } },
      secondNotice,
      resolved('o-2', 1, true, '2024-09-17'),
    ];
    expect(caseAfter(history)).toMatchObject({
      phase: 'notice-posted',
      unresolvedObjections: 0,
      openNotice: { noticeNumber: 2, postedOn: '2024-09-16', closesNoEarlierThan: '2024-09-23' },
    });
  });

  it('given the notice closed and the township’s approval, then the county decides', () => {
    expect(caseAfter(UNTIL.noticeClosed)).toMatchObject({ phase: 'notice-closed', openNotice: null });
    expect(caseAfter(UNTIL.townshipReviewed)).toMatchObject({
      phase: 'township-reviewed',
      waitingFor: 'identification-decision',
    });
  });

  it('given a township review that does not approve, then the identification is rejected at the township', () => {
    const notApproved: MonitoringCaseEvent = {
      type: 'MonitoringCaseTownshipReviewed',
      data: {
        actor: TOWNSHIP,
        on: '2024-09-20',
        reason: '不符合',
        procedure: 'identification',
        outcome: 'not-approved',
      },
    };
    expect(caseAfter([...UNTIL.noticeClosed, notApproved, rejected('township-review', '2024-09-20')])).toMatchObject({
      phase: 'rejected',
      rejectedAt: 'township-review',
    });
  });

  it('given the identification, then the overlay holds with the decision beside the suggestion', () => {
    expect(caseAfter(UNTIL.identified)).toMatchObject({
      phase: 'identified',
      waitingFor: 'elimination-proposal',
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      identifiedOn: '2024-09-24',
      identified: true,
      monitored: true,
      running: true,
      suggestion: {
        category: 'unstable-poverty-alleviated',
        ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
      },
      nextDueOn: null,
      awaitingDeadline: false,
    });
  });
});
