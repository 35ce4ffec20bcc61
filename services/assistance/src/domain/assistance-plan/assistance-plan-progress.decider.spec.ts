import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { assistancePlanDecider } from './assistance-plan.decider';
import type { RecheckPlanFlags } from './assistance-plan.commands';
import {
  cancelMeasure,
  DIBAO,
  endMeasure,
  extend,
  FACTS,
  flagsChanged,
  opened,
  planned,
  started,
  TODAY,
} from './testing/assistance-plan.fixtures';

const spec = deciderSpecification(assistancePlanDecider);
const ended = (actualEnd = '2024-10-14', outcome = '已稳定就业 / in steady work') =>
  ({ type: 'AssistanceMeasureEnded', data: { measureId: 'm-post', actualEnd, outcome } }) as const;
const cancelled = (reason = '户主外出务工 / the head found work away') =>
  ({ type: 'AssistanceMeasureCancelled', data: { measureId: 'm-post', reason, cancelledOn: TODAY } }) as const;

describe('EndMeasure', () => {
  it('given a measure under way, when it ends, then it is ended with its outcome', () => {
    spec.given([opened, planned(), started()]).when(endMeasure()).thenEmits([ended()]);
  });

  it('keeps an ended development measure counting: no flag is raised', () => {
    spec.given([opened, planned(), started()]).when(endMeasure()).thenEmits([ended()]);
    const state = spec.given([opened, planned(), started(), ended()]).state();
    expect(state.kind === 'opened' && state.measures[0].status).toBe('ended');
  });

  it('accepts an end on the day it started', () => {
    spec
      .given([opened, planned(), started()])
      .when(endMeasure('2024-10-08'))
      .thenEmits([ended('2024-10-08')]);
  });

  it('given it ended so, then ending it again is a no-op', () => {
    spec.given([opened, planned(), started(), ended()]).when(endMeasure()).thenEmitsNothing();
  });

  it('given it ended otherwise, then it is refused', () => {
    spec
      .given([opened, planned(), started(), ended()])
      .when(endMeasure('2024-10-13'))
      .thenRejects({ code: 'measure.already-ended', field: 'measureId' });
  });

  it('given a measure only planned, then it cannot end', () => {
    spec.given([opened, planned()]).when(endMeasure()).thenRejects({ code: 'measure.not-started', field: 'measureId' });
  });

  it.each([
    ['before it started', '2024-10-07'],
    ['after today', '2024-10-16'],
    ['on a day that does not exist', '2024-10-32'],
  ])('refuses an end %s', (_what, day) => {
    spec
      .given([opened, planned(), started()])
      .when(endMeasure(day))
      .thenRejects({ code: 'measure.actual-end', field: 'actualEnd' });
  });

  it('refuses a blank outcome', () => {
    spec
      .given([opened, planned(), started()])
      .when(endMeasure('2024-10-14', ' '))
      .thenRejects({ code: 'measure.outcome-required', field: 'outcome' });
  });

  it('refuses to end a cancelled measure', () => {
    spec
      .given([opened, planned(), started(), cancelled()])
      .when(endMeasure())
      .thenRejects({ code: 'measure.cancelled', field: 'measureId' });
  });
});

describe('CancelMeasure', () => {
  it('given the only development measure, when it is cancelled, then the development measure is flagged missing', () => {
    spec
      .given([opened, planned()])
      .when(cancelMeasure())
      .thenEmits([cancelled(), flagsChanged(['development-measure-missing'])]);
  });

  it('given a measure under way, when it is cancelled, then it stops; dibao keeps a household without labour capacity unflagged', () => {
    spec
      .given([opened, planned(), planned(DIBAO), started()])
      .when(cancelMeasure(undefined, 'm-post', { hasLabourCapacity: false }))
      .thenEmits([cancelled()]);
  });

  it('given it was cancelled for that reason, then cancelling again is a no-op', () => {
    spec
      .given([opened, planned(), cancelled(), flagsChanged(['development-measure-missing'])])
      .when(cancelMeasure())
      .thenEmitsNothing();
  });

  it('given it was cancelled for another reason, then it is refused', () => {
    spec
      .given([opened, planned(), cancelled()])
      .when(cancelMeasure('重复录入 / entered twice'))
      .thenRejects({ code: 'measure.already-cancelled', field: 'measureId' });
  });

  it('refuses to cancel an ended measure', () => {
    spec
      .given([opened, planned(), started(), ended()])
      .when(cancelMeasure())
      .thenRejects({ code: 'measure.ended', field: 'measureId' });
  });

  it('refuses a blank reason', () => {
    spec
      .given([opened, planned()])
      .when(cancelMeasure(''))
      .thenRejects({ code: 'measure.reason-required', field: 'reason' });
  });
});

describe('ExtendAfterElimination', () => {
  const extended = (until: string, previousUntil: string | null) =>
    ({
      type: 'AssistanceMeasureExtendedAfterElimination',
      data: { measureId: 'm-post', until, previousUntil },
    }) as const;

  it('given a measure under way, when extended, then it continues after elimination until that day', () => {
    spec
      .given([opened, planned(), started()])
      .when(extend('2025-12-31'))
      .thenEmits([extended('2025-12-31', null)]);
    const state = spec.given([opened, planned(), started(), extended('2025-12-31', null)]).state();
    expect(state.kind === 'opened' && state.measures[0].continuesAfterEliminationUntil).toBe('2025-12-31');
  });

  it('given an extension, when moved, then the event names the day it replaces', () => {
    spec
      .given([opened, planned(), extended('2025-12-31', null)])
      .when(extend('2026-06-30'))
      .thenEmits([extended('2026-06-30', '2025-12-31')]);
  });

  it('given the same day, then it is a no-op', () => {
    spec
      .given([opened, planned(), extended('2025-12-31', null)])
      .when(extend('2025-12-31'))
      .thenEmitsNothing();
  });

  it('refuses a day before the measure began: its actual start once started', () => {
    spec
      .given([opened, planned()])
      .when(extend('2024-09-30'))
      .thenRejects({ code: 'measure.continues-until', field: 'until' });
    spec
      .given([opened, planned(), started()])
      .when(extend('2024-10-07'))
      .thenRejects({ code: 'measure.continues-until', field: 'until' });
  });

  it.each([
    ['ended', [started(), ended()]],
    ['cancelled', [cancelled()]],
  ] as const)('refuses to extend a measure %s', (status, history) => {
    spec
      .given([opened, planned(), ...history])
      .when(extend())
      .thenRejects({ code: `measure.${status}`, field: 'measureId' });
  });
});

describe('RecheckPlanFlags', () => {
  const recheck = (hasLabourCapacity: boolean): RecheckPlanFlags => ({
    type: 'RecheckPlanFlags',
    data: {},
    facts: { ...FACTS, hasLabourCapacity },
  });

  it('given dibao only, when a member regains labour capacity, then the development measure is flagged missing', () => {
    spec
      .given([opened, planned(DIBAO)])
      .when(recheck(true))
      .thenEmits([flagsChanged(['development-measure-missing'])]);
  });

  it('given flags as they stand, then it is a no-op', () => {
    spec
      .given([opened, planned(DIBAO)])
      .when(recheck(false))
      .thenEmitsNothing();
    spec
      .given([opened, planned(DIBAO), flagsChanged(['development-measure-missing'])])
      .when(recheck(true))
      .thenEmitsNothing();
  });

  it('given no plan, then it is refused', () => {
    spec.given([]).when(recheck(true)).thenRejects({ code: 'plan.not-started' });
  });
});
