import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { ImportMeasures, MeasurePlanData } from './assistance-plan.commands';
import { assistancePlanDecider } from './assistance-plan.decider';
import type { AssistancePlanImported } from './assistance-plan.events';
import {
  CASE_ID,
  DIBAO,
  FACTS,
  HOUSEHOLD_ID,
  POST,
  endMeasure,
  opened,
  planMeasure,
  planned,
  started,
} from './testing/assistance-plan.fixtures';

// The national system's record of the case identified on 2024-09-20 (illness): a public-welfare
// post that started and ended, and dibao that started before the identification and runs on.

const spec = deciderSpecification(assistancePlanDecider);
const { hasLabourCapacity: _unknownToTheImport, ...IMPORT_FACTS } = FACTS;
const ENDED = '按国家系统记录已结束 / ended as the national system records';

const POST_DONE: MeasurePlanData = { ...POST, plannedStart: '2024-10-08', plannedEnd: '2024-10-14' };
const DIBAO_RUNNING: MeasurePlanData = { ...DIBAO, plannedStart: '2024-09-01' };

const importMeasures = (
  measures: readonly MeasurePlanData[],
  facts: Partial<ImportMeasures['facts']> = {},
): ImportMeasures => ({
  type: 'ImportMeasures',
  data: { measures, endedOutcome: ENDED },
  facts: { ...IMPORT_FACTS, ...facts },
});

const imported: AssistancePlanImported = {
  type: 'AssistancePlanImported',
  data: {
    caseId: CASE_ID,
    householdId: HOUSEHOLD_ID,
    measures: [
      {
        planned: {
          measureId: 'm-post',
          category: 'employment',
          kind: '公益性岗位 / public-welfare post',
          responsibleDepartment: '县人社局 / county human resources bureau',
          plannedStart: '2024-10-08',
          plannedEnd: '2024-10-14',
          amountFen: 600_000,
          continuesAfterEliminationUntil: null,
        },
        started: { actualStart: '2024-10-08', timing: 'after-identification' },
        ended: { actualEnd: '2024-10-14', outcome: ENDED },
      },
      {
        planned: {
          measureId: 'm-dibao',
          category: 'social-assistance',
          kind: '低保 / dibao',
          responsibleDepartment: '县民政局 / county civil affairs bureau',
          plannedStart: '2024-09-01',
          plannedEnd: null,
          amountFen: 420_000,
          continuesAfterEliminationUntil: null,
        },
        started: { actualStart: '2024-09-01', timing: 'early' },
        ended: null,
      },
    ],
  },
};

describe('importing a case’s measures', () => {
  it('given no plan, records every measure in one event, started and ended as far as today goes, each start judged against the identification', () => {
    spec
      .given([])
      .when(importMeasures([POST_DONE, DIBAO_RUNNING]))
      .thenEmits([imported]);
  });

  it('leaves the plan the separate commands’ events would leave', () => {
    const separately = spec
      .given([
        opened,
        planned(POST_DONE),
        started('2024-10-08'),
        { type: 'AssistanceMeasureEnded', data: { measureId: 'm-post', actualEnd: '2024-10-14', outcome: ENDED } },
        planned(DIBAO_RUNNING),
        started('2024-09-01', 'early', 'm-dibao'),
      ])
      .state();
    expect(spec.given([imported]).state()).toEqual({ ...separately, imported: imported.data });
  });

  it('judges a disaster case’s start before approval as allowed', () => {
    const [event] = assistancePlanDecider.decide(
      importMeasures([DIBAO_RUNNING], { riskTypes: ['natural-disaster'] }),
      assistancePlanDecider.initialState,
    );
    expect(event).toMatchObject({
      data: { measures: [{ started: { actualStart: '2024-09-01', timing: 'before-approval-disaster' } }] },
    });
  });

  it('the same import again is a no-op, also once a measure was planned here since', () => {
    spec
      .given([imported])
      .when(importMeasures([POST_DONE, DIBAO_RUNNING]))
      .thenEmitsNothing();
    spec
      .given([imported, planned({ ...POST, measureId: 'm-training', category: 'education' })])
      .when(importMeasures([POST_DONE, DIBAO_RUNNING]))
      .thenEmitsNothing();
  });

  it('plans a measure whose start has not come, and starts one whose end is still ahead without ending it', () => {
    const [event] = assistancePlanDecider.decide(
      importMeasures([
        { ...POST, plannedStart: '2024-11-01' },
        { ...DIBAO, measureId: 'm-later', plannedEnd: '2024-12-31' },
      ]),
      assistancePlanDecider.initialState,
    );
    expect(event).toMatchObject({
      data: {
        measures: [
          { started: null, ended: null },
          { started: { actualStart: '2024-10-01', timing: 'after-identification' }, ended: null },
        ],
      },
    });
  });

  it('the same measures again are a no-op after their start or end has come since (the plan moves on by its own commands)', () => {
    const later = { today: '2025-12-31' };
    spec
      .given([imported])
      .when(importMeasures([POST_DONE, DIBAO_RUNNING], later))
      .thenEmitsNothing();
    const future = { ...POST, plannedStart: '2024-11-01' };
    const [notStarted] = assistancePlanDecider.decide(importMeasures([future]), assistancePlanDecider.initialState);
    spec
      .given([notStarted])
      .when(importMeasures([future], later))
      .thenEmitsNothing();
  });

  it('refuses an import into a plan imported otherwise, or built here', () => {
    spec
      .given([imported])
      .when(importMeasures([POST_DONE]))
      .thenRejects({ code: 'plan.already-exists', field: 'caseId' });
    spec
      .given([opened, planned(POST)])
      .when(importMeasures([POST_DONE]))
      .thenRejects({ code: 'plan.already-exists', field: 'caseId' });
  });

  it('reports every measure’s problems at once, each under its index', () => {
    const error = spec
      .given([])
      .when(
        importMeasures([
          { ...POST_DONE, category: 'charity' as never, amountFen: -1 },
          { ...DIBAO_RUNNING, measureId: 'm-end', plannedEnd: '2024-08-01' },
          DIBAO_RUNNING,
          DIBAO_RUNNING,
        ]),
      )
      .thenRejects({ code: 'measure.category', field: 'measures[0].category' });
    expect(error.problems.map((p) => [p.code, p.field])).toEqual([
      ['measure.category', 'measures[0].category'],
      ['measure.amount', 'measures[0].amountFen'],
      ['measure.planned-end', 'measures[1].plannedEnd'],
      ['measure.id-taken', 'measures[3].measureId'],
    ]);
  });

  it('refuses an empty import', () => {
    spec.given([]).when(importMeasures([])).thenRejects({ code: 'plan.import-empty', field: 'measures' });
  });

  it('the imported plan goes on: its running measure ends through EndMeasure', () => {
    spec
      .given([imported])
      .when(endMeasure('2024-10-15', '低保到期 / dibao review ended it', 'm-dibao'))
      .thenEmits([
        {
          type: 'AssistanceMeasureEnded',
          data: { measureId: 'm-dibao', actualEnd: '2024-10-15', outcome: '低保到期 / dibao review ended it' },
        },
      ]);
    spec.given([imported]).when(planMeasure(POST_DONE)).thenEmitsNothing();
  });
});
