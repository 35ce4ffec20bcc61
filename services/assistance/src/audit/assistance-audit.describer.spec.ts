import { describe, expect, it } from '@jest/globals';
import {
  ASSISTANCE_PLAN_EVENT_TYPES,
  type AssistancePlanEvent,
} from '../domain/assistance-plan/assistance-plan.events';
import { POST } from '../domain/assistance-plan/testing/assistance-plan.fixtures';
import type { HouseholdEpisodeEvent } from '../domain/household-episode/household-episode';
import {
  MONITORING_CASE_EVENT_TYPES,
  type MonitoringCaseEvent,
} from '../domain/monitoring-case/monitoring-case.events';
import * as elimination from '../domain/monitoring-case/testing/monitoring-case-elimination.fixtures';
import * as fixtures from '../domain/monitoring-case/testing/monitoring-case.fixtures';
import { describeAssistancePlanEvent, describeHouseholdEpisodeEvent } from './assistance-plan-audit.describer';
import { describeMonitoringCaseEvent } from './monitoring-case-audit.describer';

// Given one event of each type the assistance stores about a household (its episodes, a case,
// a plan), when it is described for the audit trail, then the auditor reads the step, the day and
// the official's reason — and never the free text about people (findings, objections).

const STEP = { actor: fixtures.COUNTY, on: '2025-03-01', reason: '理由 / why' } as const;
const PRIVATE = '邻居反映其子在外务工收入高';
const { CASE_ID, NEW_CASE_ID, HOUSEHOLD_ID, VILLAGE_CODE } = fixtures;

const CASE_EXAMPLES: { readonly [T in MonitoringCaseEvent['type']]: Extract<MonitoringCaseEvent, { type: T }> } = {
  MonitoringCaseOpened: fixtures.opened,
  MonitoringCaseImported: {
    type: 'MonitoringCaseImported',
    data: {
      ...STEP,
      reason: null,
      caseId: CASE_ID,
      householdId: HOUSEHOLD_ID,
      villageCode: VILLAGE_CODE,
      leadSource: 'department-warning',
      category: 'sudden-severe-hardship',
      riskTypes: ['illness'],
      eliminatedOn: null,
    },
  },
  MonitoringCaseLeadEvidenceAdded: {
    type: 'MonitoringCaseLeadEvidenceAdded',
    data: {
      ...STEP,
      lead: { source: 'department-warning', referenceId: 'w-2', department: 'health-insurance', summary: PRIVATE },
    },
  },
  MonitoringCaseLeadAccepted: fixtures.accepted,
  MonitoringCaseLeadDismissed: { type: 'MonitoringCaseLeadDismissed', data: STEP },
  MonitoringCaseHomeVerified: {
    type: 'MonitoringCaseHomeVerified',
    data: { ...STEP, consentSigned: true, findings: PRIVATE },
  },
  MonitoringCaseDepartmentsCompared: fixtures.compared,
  MonitoringCaseVillageReviewed: fixtures.villageReviewed,
  MonitoringCasePublicNoticePosted: fixtures.noticePosted,
  MonitoringCaseObjectionRecorded: {
    type: 'MonitoringCaseObjectionRecorded',
    data: { ...STEP, objectionId: 'o-1', noticeNumber: 1, raisedBy: '王某', content: PRIVATE },
  },
  MonitoringCaseObjectionResolved: {
    type: 'MonitoringCaseObjectionResolved',
    data: { ...STEP, objectionId: 'o-1', noticeNumber: 1, upheld: true },
  },
  MonitoringCasePublicNoticeClosed: fixtures.noticeClosed,
  MonitoringCaseTownshipReviewed: fixtures.townshipReviewed,
  MonitoringCaseIdentified: fixtures.identified,
  MonitoringCaseIdentificationRejected: {
    type: 'MonitoringCaseIdentificationRejected',
    data: { ...STEP, at: 'county' },
  },
  MonitoringCaseStepOverdue: {
    type: 'MonitoringCaseStepOverdue',
    data: { ...STEP, reason: null, step: 'accept', dueOn: '2025-02-27' },
  },
  MonitoringCaseEliminationRefused: elimination.eliminationRefused,
  MonitoringCaseEliminationProposed: elimination.eliminationProposed,
  MonitoringCaseEliminationVerified: {
    type: 'MonitoringCaseEliminationVerified',
    data: { ...STEP, findings: PRIVATE },
  },
  MonitoringCaseEliminationRejected: {
    type: 'MonitoringCaseEliminationRejected',
    data: { ...STEP, at: 'township-review' },
  },
  MonitoringCaseRiskEliminated: elimination.riskEliminated,
  MonitoringCaseFollowUpVisitRecorded: {
    type: 'MonitoringCaseFollowUpVisitRecorded',
    data: { ...STEP, visitId: 'v-1', findings: PRIVATE },
  },
  MonitoringCaseRelapsed: { type: 'MonitoringCaseRelapsed', data: { ...STEP, newCaseId: NEW_CASE_ID } },
};

const PLAN_EXAMPLES: { readonly [T in AssistancePlanEvent['type']]: Extract<AssistancePlanEvent, { type: T }> } = {
  AssistancePlanOpened: { type: 'AssistancePlanOpened', data: { caseId: CASE_ID, householdId: HOUSEHOLD_ID } },
  AssistancePlanImported: {
    type: 'AssistancePlanImported',
    data: {
      caseId: CASE_ID,
      householdId: HOUSEHOLD_ID,
      measures: [{ planned: { ...POST, continuesAfterEliminationUntil: null }, started: null, ended: null }],
    },
  },
  AssistanceMeasurePlanned: {
    type: 'AssistanceMeasurePlanned',
    data: { ...POST, continuesAfterEliminationUntil: null },
  },
  AssistanceMeasureStarted: {
    type: 'AssistanceMeasureStarted',
    data: { measureId: 'm-post', actualStart: '2024-10-02', timing: 'early' },
  },
  AssistanceMeasureEnded: {
    type: 'AssistanceMeasureEnded',
    data: { measureId: 'm-post', actualEnd: '2025-09-30', outcome: PRIVATE },
  },
  AssistanceMeasureCancelled: {
    type: 'AssistanceMeasureCancelled',
    data: { measureId: 'm-post', reason: '岗位撤销 / post withdrawn', cancelledOn: '2025-01-10' },
  },
  AssistanceMeasureExtendedAfterElimination: {
    type: 'AssistanceMeasureExtendedAfterElimination',
    data: { measureId: 'm-post', until: '2026-06-30', previousUntil: null },
  },
  AssistancePlanFlagsChanged: {
    type: 'AssistancePlanFlagsChanged',
    data: { flags: ['development-measure-missing'], hasLabourCapacity: true, changedOn: '2024-10-15' },
  },
};

const EPISODE: HouseholdEpisodeEvent = {
  type: 'HouseholdCaseAssigned',
  data: { householdId: HOUSEHOLD_ID, caseId: NEW_CASE_ID, previousCaseId: CASE_ID, on: '2025-03-01' },
};

const checked = (described: ReturnType<typeof describeMonitoringCaseEvent>) => {
  expect(described.summary.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(described.summary.en).toMatch(/[a-z]/);
  expect(described.personal).toBe(false);
  expect(JSON.stringify(described)).not.toContain(PRIVATE);
  expect(JSON.stringify(described)).not.toContain('王某');
};

describe('describeMonitoringCaseEvent', () => {
  it('has an example of every event type of the case', () => {
    expect(Object.keys(CASE_EXAMPLES).sort()).toEqual([...MONITORING_CASE_EVENT_TYPES].sort());
  });

  it.each(Object.values(CASE_EXAMPLES).map((e) => [e.type, e] as const))(
    'given a %s, when described, then it says the step in both languages with its recorded reason, no free text',
    (_type, event) => {
      const described = describeMonitoringCaseEvent(event);
      checked(described);
      expect(described.reason).toBe(event.data.reason);
    },
  );

  it('given the county’s identification, when described, then the category and risk types are named', () => {
    expect(describeMonitoringCaseEvent(fixtures.identified).summary.en).toBe(
      `identified as a monitoring subject: ${fixtures.identified.data.category} (${fixtures.identified.data.riskTypes.join(', ')}), ${fixtures.identified.data.on}`,
    );
  });

  it('given a refused elimination, when described, then the guard’s reason codes are listed', () => {
    expect(describeMonitoringCaseEvent(elimination.eliminationRefused).summary.en).toContain(
      elimination.INCOME_NOT_STABLE.code,
    );
  });
});

describe('describeAssistancePlanEvent and describeHouseholdEpisodeEvent', () => {
  it('has an example of every event type of the plan', () => {
    expect(Object.keys(PLAN_EXAMPLES).sort()).toEqual([...ASSISTANCE_PLAN_EVENT_TYPES].sort());
  });

  it.each(Object.values(PLAN_EXAMPLES).map((e) => [e.type, e] as const))(
    'given a %s, when described, then both languages say something and no outcome text leaks',
    (_type, event) => checked(describeAssistancePlanEvent(event)),
  );

  it('given a cancellation, when described, then its reason is the one given; other plan events have none', () => {
    const reasons = Object.values(PLAN_EXAMPLES).map((e) => describeAssistancePlanEvent(e).reason);
    expect(reasons.filter((r) => r !== null)).toEqual(['岗位撤销 / post withdrawn']);
  });

  it('given a new episode, when described, then the new and the previous case are named', () => {
    const described = describeHouseholdEpisodeEvent(EPISODE);
    checked(described);
    expect(described.summary.en).toBe(
      `case ${NEW_CASE_ID} became the household’s current case (2025-03-01), after ${CASE_ID}`,
    );
  });
});
