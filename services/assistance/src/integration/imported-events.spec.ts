import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { AssistancePlanImported } from '../domain/assistance-plan/assistance-plan.events';
import type { MonitoringCaseImported } from '../domain/monitoring-case/monitoring-case-import.events';
import { monitoringCaseDecider } from '../domain/monitoring-case/monitoring-case.decider';
import { eventsOfImportedCase, eventsOfImportedPlan } from './imported-events';
import { translateMonitoringCaseEvent } from './monitoring-case.translation';

// What the relay publishes for a case and a plan the caseload import wrote as one event each.
const OPERATOR = { userId: 'operator', role: 'cli' };
const importedCase = (eliminatedOn: string | null): MonitoringCaseImported => ({
  type: 'MonitoringCaseImported',
  data: {
    actor: OPERATOR,
    on: '2022-04-18',
    reason: null,
    caseId: 'c-imported',
    householdId: 'h-imported',
    villageCode: '511902001001',
    leadSource: 'self-application',
    category: 'marginal-prone-to-poverty',
    riskTypes: ['illness', 'schooling-cost'],
    eliminatedOn,
  },
});

describe('an imported case', () => {
  it('still monitored stands for its identification only', () => {
    expect(eventsOfImportedCase(importedCase(null)).map((e) => e.type)).toEqual(['MonitoringCaseIdentified']);
  });

  it('eliminated stands for its identification and its elimination, published under their contracts', () => {
    const event = importedCase('2024-06-30');
    const state = monitoringCaseDecider.evolve(monitoringCaseDecider.initialState, event);
    if (state.kind !== 'opened') throw new Error('the import opens the case');
    const published = eventsOfImportedCase(event).map((e) => translateMonitoringCaseEvent(e, state));
    const validator = createContractValidator();
    for (const out of published) expect(validator.validate(out!.contract.type, out!.data)).toEqual({ valid: true });
    const common = {
      caseId: 'c-imported',
      householdId: 'h-imported',
      villageCode: '511902001001',
      actor: { role: 'cli' },
    };
    expect(published.map((out) => out?.data)).toEqual([
      {
        ...common,
        on: '2022-04-18',
        category: 'marginal-prone-to-poverty',
        riskTypes: ['illness', 'schooling-cost'],
        suggestion: null,
      },
      // 18 Apr 2022 to 30 Jun 2024: two whole years.
      { ...common, on: '2024-06-30', identifiedOn: '2022-04-18', yearsMonitored: 2 },
    ]);
  });
});

it('an imported plan stands for each measure planned, and started and ended as recorded', () => {
  const planned = (measureId: string) => ({
    measureId,
    category: 'employment' as const,
    kind: '公益性岗位',
    responsibleDepartment: '县人社局',
    plannedStart: '2022-05-01',
    plannedEnd: '2023-04-30',
    amountFen: 0,
    continuesAfterEliminationUntil: null,
  });
  const event: AssistancePlanImported = {
    type: 'AssistancePlanImported',
    data: {
      caseId: 'c-imported',
      householdId: 'h-imported',
      measures: [
        {
          planned: planned('m-1'),
          started: { actualStart: '2022-05-03', timing: 'after-identification' },
          ended: { actualEnd: '2023-04-28', outcome: '期满' },
        },
        { planned: planned('m-2'), started: null, ended: null },
      ],
    },
  };
  expect(eventsOfImportedPlan(event)).toEqual([
    { type: 'AssistanceMeasurePlanned', data: planned('m-1') },
    {
      type: 'AssistanceMeasureStarted',
      data: { measureId: 'm-1', actualStart: '2022-05-03', timing: 'after-identification' },
    },
    { type: 'AssistanceMeasureEnded', data: { measureId: 'm-1', actualEnd: '2023-04-28', outcome: '期满' } },
    { type: 'AssistanceMeasurePlanned', data: planned('m-2') },
  ]);
});
