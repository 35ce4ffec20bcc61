import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { Actor } from '@relapse-watch/event-store-core';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type { MonitoringCaseImported } from './monitoring-case-import.events';
import { monitoringOverlay, yearsUnderMonitoring } from './monitoring-case.state';
import { eliminationProposed, propose } from './testing/monitoring-case-elimination.fixtures';
import {
  approve,
  CASE_ID,
  command,
  COUNTY,
  HOUSEHOLD_ID,
  NEW_CASE_ID,
  opened,
  TOWNSHIP,
  VILLAGE_CADRE,
  VILLAGE_CODE,
} from './testing/monitoring-case.fixtures';

// A case the national system identified on 18 April 2022 (因病、因学), brought in by the caseload
// import as the operator; in one variant its risk was eliminated there on 30 November 2023.

const spec = deciderSpecification(monitoringCaseDecider);
const OPERATOR: Actor = { userId: 'operator', role: 'operator' };

const importCase = (eliminatedOn: string | null, actor: Actor = OPERATOR) =>
  command('ImportCase', actor, {
    on: '2022-04-18',
    caseId: CASE_ID,
    householdId: HOUSEHOLD_ID,
    villageCode: VILLAGE_CODE,
    leadSource: 'self-application',
    category: 'marginal-prone-to-poverty',
    riskTypes: ['schooling-cost', 'illness'],
    eliminatedOn,
  });
const imported = (eliminatedOn: string | null): MonitoringCaseImported => ({
  type: 'MonitoringCaseImported',
  data: {
    actor: OPERATOR,
    on: '2022-04-18',
    reason: null,
    caseId: CASE_ID,
    householdId: HOUSEHOLD_ID,
    villageCode: VILLAGE_CODE,
    leadSource: 'self-application',
    category: 'marginal-prone-to-poverty',
    riskTypes: ['illness', 'schooling-cost'],
    eliminatedOn,
  },
});

describe('importing a case from the national system', () => {
  it('given no case, records it identified as of the sheet, its risk types sorted', () => {
    spec
      .given([])
      .when(importCase(null))
      .thenEmits([imported(null)]);
  });

  it('records an eliminated one with its elimination day', () => {
    spec
      .given([])
      .when(importCase('2023-11-30'))
      .thenEmits([imported('2023-11-30')]);
  });

  it('the same import again is a no-op, whoever re-sends it', () => {
    spec
      .given([imported(null)])
      .when(importCase(null))
      .thenEmitsNothing();
    spec
      .given([imported('2023-11-30')])
      .when(importCase('2023-11-30', COUNTY))
      .thenEmitsNothing();
  });

  it('refuses an import that differs from the one recorded (a history is never rewritten)', () => {
    spec
      .given([imported(null)])
      .when(importCase('2023-11-30'))
      .thenRejects({ code: 'case.already-open', field: 'caseId' });
  });

  it('refuses to import over a case a lead opened here', () => {
    spec.given([opened]).when(importCase(null)).thenRejects({ code: 'case.already-open', field: 'caseId' });
  });

  it('reports every input problem at once', () => {
    const bad = command(
      'ImportCase',
      { userId: '', role: 'operator' },
      {
        on: '2027-01-02',
        caseId: 'case id',
        householdId: '',
        villageCode: '511923102000',
        leadSource: 'rumour' as never,
        category: 'poor' as never,
        riskTypes: [],
        eliminatedOn: '2023-02-30',
      },
    );
    const error = spec.given([]).when(bad).thenRejects({ code: 'case.actor', field: 'actor' });
    expect(error.problems.map((p) => [p.code, p.field])).toEqual([
      ['case.actor', 'actor'],
      ['case.date', 'on'],
      ['case.id', 'caseId'],
      ['case.id', 'householdId'],
      ['case.village-code', 'villageCode'],
      ['case.lead-source', 'leadSource'],
      ['case.category', 'category'],
      ['case.risk-types', 'riskTypes'],
      ['case.date', 'eliminatedOn'],
    ]);
  });

  it('refuses an elimination before the identification, and one after today', () => {
    spec.given([]).when(importCase('2022-04-17')).thenRejects({ code: 'case.date-order', field: 'eliminatedOn' });
    spec.given([]).when(importCase('2027-01-01')).thenRejects({ code: 'case.date', field: 'eliminatedOn' });
  });
});

describe('an imported case goes on as one identified here', () => {
  it('carries the overlay from the identification day, and the years under monitoring count from it', () => {
    const state = spec.given([imported(null)]).state();
    expect(state).toMatchObject({ kind: 'opened', phase: 'identified', lastOn: '2022-04-18' });
    expect(monitoringOverlay(state)).toEqual({
      category: 'marginal-prone-to-poverty',
      riskTypes: ['illness', 'schooling-cost'],
      since: '2022-04-18',
    });
    expect(yearsUnderMonitoring(state, '2024-09-01')).toBe(2);
  });

  it('takes an elimination proposal, not one dated before the identification', () => {
    spec
      .given([imported(null)])
      .when(propose)
      .thenEmits([eliminationProposed]);
    spec
      .given([imported(null)])
      .when(
        command(
          'ProposeElimination',
          TOWNSHIP,
          { on: '2022-04-01', reason: '申请消除' },
          { guard: propose.facts.guard },
        ),
      )
      .thenRejects({ code: 'case.date-order', field: 'on' });
  });

  it('has no identification step left and no deadline to mark overdue', () => {
    spec
      .given([imported(null)])
      .when(approve)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    spec
      .given([imported(null)])
      .when(command('MarkOverdue', TOWNSHIP, { on: '2024-09-10', step: 'accept', dueOn: '2022-04-18' }))
      .thenRejects({ code: 'case.deadline-mismatch', field: 'dueOn' });
  });

  it('eliminated: no overlay, follow-up visits from the elimination day on, and a relapse links forward', () => {
    const state = spec.given([imported('2023-11-30')]).state();
    expect(state).toMatchObject({ phase: 'eliminated', lastOn: '2023-11-30' });
    expect(monitoringOverlay(state)).toBeNull();
    const visit = (on: string) =>
      command('RecordFollowUpVisit', VILLAGE_CADRE, { on, visitId: 'v-1', findings: '生产生活正常' });
    spec
      .given([imported('2023-11-30')])
      .when(visit('2024-03-01'))
      .thenEmits([
        {
          type: 'MonitoringCaseFollowUpVisitRecorded',
          data: { actor: VILLAGE_CADRE, on: '2024-03-01', reason: null, visitId: 'v-1', findings: '生产生活正常' },
        },
      ]);
    spec
      .given([imported('2023-11-30')])
      .when(visit('2023-11-01'))
      .thenRejects({ code: 'case.date-order', field: 'on' });
    const relapse = command('RecordRelapse', TOWNSHIP, {
      on: '2024-08-01',
      reason: '突发重病',
      newCaseId: NEW_CASE_ID,
    });
    spec
      .given([imported('2023-11-30')])
      .when(relapse)
      .thenEmits([
        {
          type: 'MonitoringCaseRelapsed',
          data: { actor: TOWNSHIP, on: '2024-08-01', reason: '突发重病', newCaseId: NEW_CASE_ID },
        },
      ]);
  });

  it('eliminated: a further elimination proposal is out of order', () => {
    spec
      .given([imported('2023-11-30')])
      .when(propose)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});
