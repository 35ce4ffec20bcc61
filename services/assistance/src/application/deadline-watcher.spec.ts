import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import {
  ELIMINATION_UNTIL,
  riskEliminated,
} from '../domain/monitoring-case/testing/monitoring-case-elimination.fixtures';
import {
  accepted,
  CASE_ID,
  identified,
  NEW_CASE_ID,
  opened,
  TOWNSHIP,
  UNTIL,
} from '../domain/monitoring-case/testing/monitoring-case.fixtures';
import { caseAfter, overdue, rejected } from '../read-model/case-list/testing/case-list.events';
import { dueMarks } from './deadline-watcher';

// Given a case's events, when the watcher looks on a day, then the marks due. The fixtures' case:
// accept by 4 Sep 2024; accepted on the 3rd with home verification by the 9th and the procedure
// by the 30th. A deadline's last day still counts: the mark is due from the day after.

const marksOn = (events: readonly MonitoringCaseEvent[], today: string) => dueMarks(caseAfter(events), today);

describe('dueMarks', () => {
  it('marks nothing on the deadline day itself, and the acceptance on the day after', () => {
    expect(marksOn([opened], '2024-09-04')).toEqual([]);
    expect(marksOn([opened], '2024-09-05')).toEqual([
      { caseId: CASE_ID, mark: { on: '2024-09-05', step: 'accept', dueOn: '2024-09-04' } },
    ]);
  });

  it('marks a step once: nothing when it is marked already', () => {
    expect(marksOn([opened, overdue('accept', '2024-09-04', '2024-09-05')], '2024-09-06')).toEqual([]);
  });

  it('counts a lead accepted or dismissed as done, even after its deadline', () => {
    const lateAcceptance: MonitoringCaseEvent = { ...accepted, data: { ...accepted.data, on: '2024-09-06' } };
    expect(marksOn([opened, lateAcceptance], '2024-09-07')).toEqual([]);
    const dismissal: MonitoringCaseEvent = {
      type: 'MonitoringCaseLeadDismissed',
      data: { actor: TOWNSHIP, on: '2024-09-06', reason: '无风险' },
    };
    expect(marksOn([opened, dismissal], '2024-09-07')).toEqual([]);
  });

  it('marks the home verification and the procedure, each past its own deadline', () => {
    expect(marksOn(UNTIL.accepted, '2024-09-10')).toEqual([
      { caseId: CASE_ID, mark: { on: '2024-09-10', step: 'home-verification', dueOn: '2024-09-09' } },
    ]);
    expect(marksOn(UNTIL.accepted, '2024-10-01')).toEqual([
      { caseId: CASE_ID, mark: { on: '2024-10-01', step: 'home-verification', dueOn: '2024-09-09' } },
      { caseId: CASE_ID, mark: { on: '2024-10-01', step: 'procedure', dueOn: '2024-09-30' } },
    ]);
  });

  it('counts the household verified at home as done, and leaves the procedure’s deadline running', () => {
    expect(marksOn(UNTIL.homeVerified, '2024-09-30')).toEqual([]);
    expect(marksOn(UNTIL.homeVerified, '2024-10-01')).toEqual([
      { caseId: CASE_ID, mark: { on: '2024-10-01', step: 'procedure', dueOn: '2024-09-30' } },
    ]);
  });

  it('counts the procedure done once identified or rejected', () => {
    expect(marksOn(UNTIL.identified, '2024-10-01')).toEqual([]);
    expect(marksOn([...UNTIL.townshipReviewed, rejected('county', '2024-09-24')], '2024-10-01')).toEqual([]);
  });

  it('marks nothing on a case that ended or relapsed into another', () => {
    const relapsed: MonitoringCaseEvent = {
      type: 'MonitoringCaseRelapsed',
      data: { actor: TOWNSHIP, on: '2026-03-02', reason: '返贫', newCaseId: NEW_CASE_ID },
    };
    expect(marksOn([...ELIMINATION_UNTIL.eliminated, relapsed], '2026-03-03')).toEqual([]);
    expect(marksOn([...UNTIL.compared, rejected('village-review', '2024-09-11')], '2024-10-01')).toEqual([]);
  });

  it('marks nothing on an eliminated case even with a step never recorded (a case brought in without its acceptance)', () => {
    expect(marksOn([opened, identified, riskEliminated], '2026-01-05')).toEqual([]);
  });
});
