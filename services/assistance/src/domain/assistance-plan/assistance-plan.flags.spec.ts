import { planFlags } from './assistance-plan.flags';
import { evolve, initialState, type AssistancePlanState } from './assistance-plan.state';
import type { AssistancePlanEvent } from './assistance-plan.events';
import type { MeasureCategory, MeasureStatus } from './assistance-plan.values';
import { opened, planned, POST, started, TODAY } from './testing/assistance-plan.fixtures';

function planWith(category: MeasureCategory, status: MeasureStatus): AssistancePlanState {
  const measure = { ...POST, category };
  const after: Record<MeasureStatus, readonly AssistancePlanEvent[]> = {
    planned: [],
    'in-progress': [started()],
    ended: [
      started(),
      { type: 'AssistanceMeasureEnded', data: { measureId: 'm-post', actualEnd: TODAY, outcome: 'x' } },
    ],
    cancelled: [{ type: 'AssistanceMeasureCancelled', data: { measureId: 'm-post', reason: 'x', cancelledOn: TODAY } }],
  };
  return [opened, planned(measure), ...after[status]].reduce(evolve, initialState);
}

describe('planFlags', () => {
  it('flags a case without a plan by its labour capacity', () => {
    expect(planFlags(initialState, { hasLabourCapacity: true })).toEqual(['development-measure-missing']);
    expect(planFlags(initialState, { hasLabourCapacity: false })).toEqual(['social-security-missing']);
  });

  it.each([
    // [labour capacity, the one measure's category, its status, expected flags]
    [true, 'industry', 'planned', []],
    [true, 'employment', 'in-progress', []],
    [true, 'industry', 'ended', []],
    [true, 'industry', 'cancelled', ['development-measure-missing']],
    [true, 'social-assistance', 'in-progress', ['development-measure-missing']],
    [true, 'education', 'planned', ['development-measure-missing']],
    [false, 'social-assistance', 'planned', []],
    [false, 'health', 'ended', []],
    [false, 'health', 'cancelled', ['social-security-missing']],
    [false, 'employment', 'in-progress', ['social-security-missing']],
    [false, 'housing', 'planned', ['social-security-missing']],
  ] as const)('labour capacity %s, a %s measure %s → %j', (hasLabourCapacity, category, status, expected) => {
    expect(planFlags(planWith(category, status), { hasLabourCapacity })).toEqual(expected);
  });
});
