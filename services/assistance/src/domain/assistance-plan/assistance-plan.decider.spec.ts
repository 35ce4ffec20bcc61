import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { assistancePlanDecider, assistancePlanStreamId } from './assistance-plan.decider';
import {
  DIBAO,
  flagsChanged,
  opened,
  planMeasure,
  planned,
  POST,
  startMeasure,
  started,
  TODAY,
} from './testing/assistance-plan.fixtures';

const spec = deciderSpecification(assistancePlanDecider);

it('names the stream after the monitoring case', () => {
  expect(assistancePlanStreamId('c-1')).toBe('assistance-plan-c-1');
});

describe('PlanMeasure', () => {
  it('given no plan, when a labour-capable household gets an employment measure, then the plan opens with it, unflagged', () => {
    spec.given([]).when(planMeasure()).thenEmits([opened, planned()]);
  });

  it('given no plan, when a labour-capable household gets only dibao, then the development measure is flagged missing', () => {
    spec
      .given([])
      .when(planMeasure(DIBAO))
      .thenEmits([opened, planned(DIBAO), flagsChanged(['development-measure-missing'])]);
  });

  it('given the flag, when an industry measure follows, then the flag is cleared', () => {
    const loan = { ...POST, measureId: 'm-loan', category: 'industry', kind: '小额信贷 / small loan' } as const;
    spec
      .given([opened, planned(DIBAO), flagsChanged(['development-measure-missing'])])
      .when(planMeasure(loan))
      .thenEmits([planned(loan), flagsChanged([])]);
  });

  it('given a household without labour capacity, when only an employment measure is planned, then social security is flagged missing', () => {
    spec
      .given([])
      .when(planMeasure({}, { hasLabourCapacity: false }))
      .thenEmits([opened, planned(), flagsChanged(['social-security-missing'], false)]);
  });

  it.each([
    ['dibao', DIBAO],
    ['medical assistance', { ...DIBAO, category: 'health', kind: '医疗救助 / medical assistance' } as const],
  ])('given a household without labour capacity, when it gets %s, then nothing is flagged', (_what, data) => {
    spec
      .given([])
      .when(planMeasure(data, { hasLabourCapacity: false }))
      .thenEmits([opened, planned(data)]);
  });

  it('records the commitment to continue after elimination when planned with one', () => {
    spec
      .given([opened, planned()])
      .when(planMeasure({ ...DIBAO, continuesAfterEliminationUntil: '2025-06-30' }))
      .thenEmits([
        {
          type: 'AssistanceMeasurePlanned',
          data: {
            measureId: 'm-dibao',
            category: 'social-assistance',
            kind: '低保 / dibao',
            responsibleDepartment: '县民政局 / county civil affairs bureau',
            plannedStart: '2024-10-01',
            plannedEnd: null,
            amountFen: 420_000,
            continuesAfterEliminationUntil: '2025-06-30',
          },
        },
      ]);
  });

  it('given the same measure, then planning it again is a no-op, also once it started', () => {
    spec.given([opened, planned()]).when(planMeasure()).thenEmitsNothing();
    spec.given([opened, planned(), started()]).when(planMeasure()).thenEmitsNothing();
  });

  it('given the same measure, when re-sent after the labour capacity changed, then it stays a no-op (a recheck records flags)', () => {
    spec
      .given([opened, planned(DIBAO)])
      .when(planMeasure(DIBAO, { hasLabourCapacity: true }))
      .thenEmitsNothing();
  });

  it('given a measure, when another measure takes its id, then it is refused', () => {
    spec
      .given([opened, planned()])
      .when(planMeasure({ amountFen: 700_000 }))
      .thenRejects({ code: 'measure.id-taken', field: 'measureId' });
  });

  it.each([
    ['no id', { measureId: ' ' }, 'measure.id-required', 'measureId'],
    ['an unknown category', { category: 'charity' as never }, 'measure.category', 'category'],
    ['no kind', { kind: '' }, 'measure.kind-required', 'kind'],
    ['no department', { responsibleDepartment: '' }, 'measure.department-required', 'responsibleDepartment'],
    ['a planned start that does not exist', { plannedStart: '2024-02-30' }, 'measure.planned-start', 'plannedStart'],
    ['a planned end before the start', { plannedEnd: '2024-09-30' }, 'measure.planned-end', 'plannedEnd'],
    ['a negative amount', { amountFen: -1 }, 'measure.amount', 'amountFen'],
    ['an amount with a fraction of a fen', { amountFen: 10.5 }, 'measure.amount', 'amountFen'],
    [
      'a continuation ending before the start',
      { continuesAfterEliminationUntil: '2024-09-30' },
      'measure.continues-until',
      'continuesAfterEliminationUntil',
    ],
  ])('refuses %s', (_what, data, code, field) => {
    spec.given([]).when(planMeasure(data)).thenRejects({ code, field });
  });

  it('accepts a planned end on the planned start and an amount of zero', () => {
    const oneDay = { ...POST, plannedEnd: '2024-10-01', amountFen: 0 };
    spec
      .given([opened, planned()])
      .when(planMeasure({ ...oneDay, measureId: 'm-2' }))
      .thenEmits([planned({ ...oneDay, measureId: 'm-2' })]);
  });

  it('reports every field problem at once', () => {
    const error = spec
      .given([])
      .when(planMeasure({ category: 'x' as never, responsibleDepartment: '', plannedEnd: '2024-01-01', amountFen: -5 }))
      .thenRejects({ code: 'measure.category', field: 'category' });
    expect(error.problems.map((p) => p.field)).toEqual([
      'category',
      'responsibleDepartment',
      'plannedEnd',
      'amountFen',
    ]);
  });
});

describe('StartMeasure', () => {
  it('given an identified case, when a measure starts after approval, then it starts on time', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure('2024-10-08'))
      .thenEmits([started('2024-10-08')]);
  });

  it('counts a start on the day of approval as after it', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure('2024-09-20'))
      .thenEmits([started('2024-09-20', 'after-identification')]);
  });

  it('given an identified case, when the start recorded now was before approval, then it is accepted and flagged early', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure('2024-09-19'))
      .thenEmits([started('2024-09-19', 'early')]);
  });

  it('given a case not yet identified, when a measure starts, then it is accepted and flagged early', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure('2024-10-08', { caseIdentifiedOn: null }))
      .thenEmits([started('2024-10-08', 'early')]);
  });

  it('given a disaster-driven case not yet identified, when a measure starts, then it is allowed before approval', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure('2024-10-08', { caseIdentifiedOn: null, riskTypes: ['illness', 'natural-disaster'] }))
      .thenEmits([started('2024-10-08', 'before-approval-disaster')]);
  });

  it('given it started on that day, then starting it again is a no-op, also once it ended', () => {
    spec.given([opened, planned(), started()]).when(startMeasure()).thenEmitsNothing();
    const ended = {
      type: 'AssistanceMeasureEnded',
      data: { measureId: 'm-post', actualEnd: TODAY, outcome: 'x' },
    } as const;
    spec.given([opened, planned(), started(), ended]).when(startMeasure()).thenEmitsNothing();
  });

  it('given it started on another day, then it is refused', () => {
    spec
      .given([opened, planned(), started()])
      .when(startMeasure('2024-10-09'))
      .thenRejects({ code: 'measure.already-started', field: 'actualStart' });
  });

  it.each([
    ['after today', '2024-10-16'],
    ['on a day that does not exist', '2024-09-31'],
  ])('refuses a start %s', (_what, day) => {
    spec
      .given([opened, planned()])
      .when(startMeasure(day))
      .thenRejects({ code: 'measure.actual-start', field: 'actualStart' });
  });

  it('accepts a start today', () => {
    spec
      .given([opened, planned()])
      .when(startMeasure(TODAY))
      .thenEmits([started(TODAY)]);
  });

  it('refuses to start a cancelled measure', () => {
    const cancelled = {
      type: 'AssistanceMeasureCancelled',
      data: { measureId: 'm-post', reason: 'x', cancelledOn: TODAY },
    } as const;
    spec
      .given([opened, planned(), cancelled])
      .when(startMeasure())
      .thenRejects({ code: 'measure.cancelled', field: 'measureId' });
  });

  it('refuses an unknown measure, with or without a plan', () => {
    spec.given([]).when(startMeasure()).thenRejects({ code: 'measure.not-found' });
    spec
      .given([opened, planned(DIBAO)])
      .when(startMeasure())
      .thenRejects({ code: 'measure.not-found', field: 'measureId' });
  });

  it('keeps the timing in the state', () => {
    const state = spec.given([opened, planned(), started('2024-09-19', 'early')]).state();
    expect(state.kind === 'opened' && state.measures[0]).toMatchObject({
      status: 'in-progress',
      actualStart: '2024-09-19',
      timing: 'early',
    });
  });
});
