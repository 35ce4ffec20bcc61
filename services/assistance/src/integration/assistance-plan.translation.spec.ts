import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import { evolve, initialState, type OpenedPlan } from '../domain/assistance-plan/assistance-plan.state';
import {
  DIBAO,
  flagsChanged,
  opened,
  planned,
  started,
} from '../domain/assistance-plan/testing/assistance-plan.fixtures';
import { translateAssistancePlanEvent } from './assistance-plan.translation';

// Each published translation is checked against its contract's JSON Schema; the data expected is
// written out from the fixtures' events and the metadata below, not produced by the translation.
const validator = createContractValidator();
const METADATA = { villageCode: '511923102202', actorRole: 'township-official', recordedOn: '2024-09-26' };
const MEASURE = {
  caseId: '0190f3a2-aaaa-7000-8000-000000000001',
  householdId: '0190f3a2-bbbb-7000-8000-000000000001',
  villageCode: '511923102202',
  actor: { role: 'township-official' },
  measureId: 'm-post',
  category: 'employment',
};

function translate(history: readonly AssistancePlanEvent[]) {
  const state = history.reduce(evolve, initialState) as OpenedPlan;
  const translated = translateAssistancePlanEvent(history[history.length - 1], { state, ...METADATA });
  if (translated !== null)
    expect(validator.validate(translated.contract.type, translated.data)).toEqual({ valid: true });
  return translated;
}

const ended: AssistancePlanEvent = {
  type: 'AssistanceMeasureEnded',
  data: { measureId: 'm-post', actualEnd: '2025-09-30', outcome: '户主张某已稳定就业' },
};
const cancelled: AssistancePlanEvent = {
  type: 'AssistanceMeasureCancelled',
  data: { measureId: 'm-post', reason: '户主张某外出务工', cancelledOn: '2024-12-02' },
};

it('a planned measure is AssistanceMeasurePlanned, dated the day it was recorded', () => {
  expect(translate([opened, planned()])).toEqual({
    contract: expect.objectContaining({ type: 'cn.relapsewatch.assistance.AssistanceMeasurePlanned.v1' }),
    data: {
      ...MEASURE,
      on: '2024-09-26',
      kind: '公益性岗位 / public-welfare post',
      responsibleDepartment: '县人社局 / county human resources bureau',
      plannedStart: '2024-10-01',
      plannedEnd: '2025-09-30',
      amountFen: 600_000,
      continuesAfterEliminationUntil: null,
    },
  });
});

it('a start is AssistanceMeasureStarted on its actual day, with its timing and the measure’s category', () => {
  expect(translate([opened, planned(), started('2024-09-15', 'early')])?.data).toEqual({
    ...MEASURE,
    on: '2024-09-15',
    timing: 'early',
  });
  const dibao = translate([
    opened,
    planned(),
    planned(DIBAO),
    started('2024-10-02', 'after-identification', 'm-dibao'),
  ]);
  expect(dibao?.data).toMatchObject({ measureId: 'm-dibao', category: 'social-assistance', on: '2024-10-02' });
});

it('an end and a cancellation carry the day and the category, never the outcome or the reason', () => {
  const end = translate([opened, planned(), started(), ended]);
  expect(end?.contract.type).toBe('cn.relapsewatch.assistance.AssistanceMeasureEnded.v1');
  expect(end?.data).toEqual({ ...MEASURE, on: '2025-09-30' });
  const cancel = translate([opened, planned(), cancelled]);
  expect(cancel?.contract.type).toBe('cn.relapsewatch.assistance.AssistanceMeasureCancelled.v1');
  expect(cancel?.data).toEqual({ ...MEASURE, on: '2024-12-02' });
  expect(JSON.stringify([end, cancel])).not.toContain('张某');
});

it('keeps the opening, an extension after elimination and the plan’s flags inside', () => {
  const extended: AssistancePlanEvent = {
    type: 'AssistanceMeasureExtendedAfterElimination',
    data: { measureId: 'm-post', until: '2026-12-31', previousUntil: null },
  };
  expect(translate([opened])).toBeNull();
  expect(translate([opened, planned(), extended])).toBeNull();
  expect(translate([opened, planned(), flagsChanged(['development-measure-missing'])])).toBeNull();
});
