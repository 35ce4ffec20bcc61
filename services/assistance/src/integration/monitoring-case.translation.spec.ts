import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { Actor } from '@relapse-watch/event-store-core';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import { evolve } from '../domain/monitoring-case/monitoring-case.evolve';
import { initialState, type OpenedCase } from '../domain/monitoring-case/monitoring-case.state';
import {
  ELIMINATION_UNTIL,
  eliminationRefused,
} from '../domain/monitoring-case/testing/monitoring-case-elimination.fixtures';
import {
  accepted,
  compared,
  COUNTY,
  homeVerified,
  noticeClosed,
  noticePosted,
  opened,
  TOWNSHIP,
  townshipReviewed,
  UNTIL,
  VILLAGE_CADRE,
  villageReviewed,
} from '../domain/monitoring-case/testing/monitoring-case.fixtures';
import { translateMonitoringCaseEvent } from './monitoring-case.translation';

// Each published translation is checked against its contract's JSON Schema; the data expected is
// written out from the fixtures' events, not produced by the translation.
const validator = createContractValidator();

function translate(history: readonly MonitoringCaseEvent[]) {
  const state = history.reduce(evolve, initialState) as OpenedCase;
  const translated = translateMonitoringCaseEvent(history[history.length - 1], state);
  if (translated !== null)
    expect(validator.validate(translated.contract.type, translated.data)).toEqual({ valid: true });
  return translated;
}

const CASE = {
  caseId: '0193a1b2-0000-7000-8000-000000000001',
  householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
  villageCode: '511923102202',
};
const township = { role: 'township-official' };
const county = { role: 'county-official' };
const step = <E extends MonitoringCaseEvent>(type: E['type'], actor: Actor, data: object) =>
  ({ type, data: { actor, reason: null, ...data } }) as unknown as E;

describe('the identification becomes integration events', () => {
  it('an opening is MonitoringCaseOpened with the lead, the suggestion and the day to accept by, not the lead’s summary', () => {
    const published = translate([opened]);
    expect(published).toEqual({
      contract: expect.objectContaining({ type: 'cn.relapsewatch.assistance.MonitoringCaseOpened.v1' }),
      data: {
        ...CASE,
        on: '2024-09-02',
        actor: township,
        lead: { source: 'concentrated-inspection', referenceId: 'sg-0192f6d0', department: null },
        previousCaseId: null,
        suggestion: {
          category: 'unstable-poverty-alleviated',
          riskTypes: ['illness', 'unstable-work'],
          ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
        },
        acceptBy: '2024-09-04',
      },
    });
    expect(JSON.stringify(published)).not.toContain('排查发现因病风险');
    expect(JSON.stringify(published)).not.toContain('u-township-1');
  });

  it('a dismissal is LeadDismissed without its reason', () => {
    const dismissed = step('MonitoringCaseLeadDismissed', TOWNSHIP, {
      on: '2024-09-03',
      reason: '户主王某已外出稳定务工',
    });
    const published = translate([opened, dismissed]);
    expect(published?.contract.type).toBe('cn.relapsewatch.assistance.LeadDismissed.v1');
    expect(published?.data).toEqual({ ...CASE, on: '2024-09-03', actor: township });
  });

  it('the county’s approval is MonitoringSubjectIdentified with category, sorted risk types and the suggestion', () => {
    const published = translate(UNTIL.identified);
    expect(published?.contract.type).toBe('cn.relapsewatch.assistance.MonitoringSubjectIdentified.v1');
    expect(published?.data).toEqual({
      ...CASE,
      on: '2024-09-24',
      actor: county,
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      suggestion: {
        category: 'unstable-poverty-alleviated',
        riskTypes: ['illness', 'unstable-work'],
        ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
      },
    });
    expect(JSON.stringify(published)).not.toContain('符合脱贫不稳定户认定条件');
  });

  it('a rejection is IdentificationRejected with its level, without its reason', () => {
    const rejected = step('MonitoringCaseIdentificationRejected', COUNTY, {
      on: '2024-09-24',
      reason: '家中有在职公职人员',
      at: 'county',
    });
    expect(translate([...UNTIL.townshipReviewed, rejected])?.data).toEqual({
      ...CASE,
      on: '2024-09-24',
      actor: county,
      at: 'county',
    });
  });

  it('an overdue step is MonitoringCaseOverdue with the step and its due day', () => {
    const watcher: Actor = { userId: 'deadline-watcher', role: 'system' };
    const overdue = step('MonitoringCaseStepOverdue', watcher, {
      on: '2024-09-13',
      step: 'home-verification',
      dueOn: '2024-09-10',
    });
    expect(translate([opened, accepted, overdue])?.data).toEqual({
      ...CASE,
      on: '2024-09-13',
      actor: { role: 'system' },
      step: 'home-verification',
      dueOn: '2024-09-10',
    });
  });

  it('keeps every inner step of the procedure inside: acceptance, verification, comparison, reviews, notice, objections', () => {
    const objection = step('MonitoringCaseObjectionRecorded', VILLAGE_CADRE, {
      on: '2024-09-13',
      objectionId: 'o-1',
      noticeNumber: 1,
      raisedBy: '村民李某',
      content: '该户有小汽车一辆',
    });
    const resolution = step('MonitoringCaseObjectionResolved', TOWNSHIP, {
      on: '2024-09-15',
      reason: '车辆已报废',
      objectionId: 'o-1',
      noticeNumber: 1,
      upheld: false,
    });
    const furtherLead = step('MonitoringCaseLeadEvidenceAdded', TOWNSHIP, {
      on: '2024-09-04',
      lead: { source: 'department-warning', referenceId: 'w-9', department: 'health-insurance', summary: '大额自付' },
    });
    const history = [opened, accepted, homeVerified, compared, villageReviewed, noticePosted];
    expect(translate([opened, furtherLead])).toBeNull();
    expect(translate([opened, accepted])).toBeNull();
    expect(translate([opened, accepted, homeVerified])).toBeNull();
    expect(translate(UNTIL.compared)).toBeNull();
    expect(translate(UNTIL.villageReviewed)).toBeNull();
    expect(translate(UNTIL.noticePosted)).toBeNull();
    expect(translate([...history, objection])).toBeNull();
    expect(translate([...history, objection, resolution])).toBeNull();
    expect(translate([...history, noticeClosed])).toBeNull();
    expect(translate([...history, noticeClosed, townshipReviewed])).toBeNull();
  });
});

describe('the elimination becomes integration events', () => {
  it('a refusal is EliminationRefused with each of the guard’s reasons, its evidence as facts', () => {
    const published = translate([...UNTIL.identified, eliminationRefused]);
    expect(published?.contract.type).toBe('cn.relapsewatch.assistance.EliminationRefused.v1');
    expect(published?.data).toEqual({
      ...CASE,
      on: '2025-06-10',
      actor: township,
      reasons: [
        {
          code: 'elimination.income-not-stable',
          field: 'incomes',
          message:
            '收入稳定高于监测线仅连续3个月，须满6个月 / Income stayed above the line for 3 consecutive months; 6 are required',
          evidence: [
            { fact: 'incomes.monthsStable', value: 3, threshold: 6 },
            { fact: 'incomes.window.from', value: '2024-12', threshold: null },
            { fact: 'incomes.window.to', value: '2025-05', threshold: null },
            { fact: 'incomes.brokenAt.month', value: '2025-02', threshold: null },
            { fact: 'incomes.brokenAt.cause', value: 'no-record', threshold: null },
          ],
        },
      ],
    });
    expect(JSON.stringify(published)).not.toContain('户主康复返岗');
  });

  it('the proposal is EliminationProposed; the verification stays inside', () => {
    expect(translate(ELIMINATION_UNTIL.proposed)).toEqual({
      contract: expect.objectContaining({ type: 'cn.relapsewatch.assistance.EliminationProposed.v1' }),
      data: { ...CASE, on: '2025-11-10', actor: township },
    });
    expect(translate(ELIMINATION_UNTIL.verified)).toBeNull();
  });

  it('the county’s turning it down is EliminationRejected with its level', () => {
    const rejected = step('MonitoringCaseEliminationRejected', COUNTY, {
      on: '2025-11-27',
      reason: '收入来源尚不稳定',
      at: 'county',
    });
    expect(translate([...ELIMINATION_UNTIL.townshipReviewed, rejected])?.data).toEqual({
      ...CASE,
      on: '2025-11-27',
      actor: county,
      at: 'county',
    });
  });

  it('the grant is RiskEliminated with the day identified and the whole years monitored', () => {
    // Identified 2024-09-24, eliminated 2025-11-27: one whole year (the second ends 2026-09-24).
    expect(translate(ELIMINATION_UNTIL.eliminated)?.data).toEqual({
      ...CASE,
      on: '2025-11-27',
      actor: county,
      identifiedOn: '2024-09-24',
      yearsMonitored: 1,
    });
  });

  it('a relapse is MonitoringCaseReopened from the eliminated case to the new one; follow-up visits stay inside', () => {
    const visit = step('MonitoringCaseFollowUpVisitRecorded', VILLAGE_CADRE, {
      on: '2026-03-01',
      visitId: 'v-1',
      findings: '生产生活正常',
    });
    const relapsed = step('MonitoringCaseRelapsed', TOWNSHIP, {
      on: '2026-08-01',
      reason: '家庭成员突发重病',
      newCaseId: '0193a1b2-0000-7000-8000-000000000002',
    });
    expect(translate([...ELIMINATION_UNTIL.eliminated, visit])).toBeNull();
    expect(translate([...ELIMINATION_UNTIL.eliminated, visit, relapsed])?.data).toEqual({
      ...CASE,
      on: '2026-08-01',
      actor: township,
      newCaseId: '0193a1b2-0000-7000-8000-000000000002',
    });
  });
});
