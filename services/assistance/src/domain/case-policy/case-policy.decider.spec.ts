import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  casePolicyDecider,
  type CaseTimeLimitsSet,
  type SetCaseTimeLimits,
  type SetEliminationPolicy,
} from './case-policy';

const spec = deciderSpecification(casePolicyDecider);
const change = {
  provinceCode: '51',
  year: 2025,
  reason: '省里调整时限',
  sourceDocument: '川乡振发〔2025〕3号',
  on: '2025-01-10',
};
const limits = {
  acceptLead: { days: 3, unit: 'calendar' as const },
  homeVerification: { days: 5, unit: 'working' as const },
  wholeProcedure: { days: 15, unit: 'working' as const },
  publicNoticeMinimumDays: 7,
};
const setLimits = (timeLimits: SetCaseTimeLimits['data']['timeLimits'] = limits): SetCaseTimeLimits => ({
  type: 'SetCaseTimeLimits',
  data: { ...change, timeLimits },
});
const limitsSet: CaseTimeLimitsSet = { type: 'CaseTimeLimitsSet', data: { ...change, timeLimits: limits } };
const setElimination = (stableIncomeMonths: number, counted: readonly string[]): SetEliminationPolicy => ({
  type: 'SetEliminationPolicy',
  data: {
    ...change,
    elimination: {
      stableIncomeMonths,
      labourCapacitiesCounted: counted as SetEliminationPolicy['data']['elimination']['labourCapacitiesCounted'],
    },
  },
});

describe('a province’s case policy of a year', () => {
  it('records time limits with their reason and source document', () => {
    spec.given([]).when(setLimits()).thenEmits([limitsSet]);
  });

  it('setting the same limits again is a no-op', () => {
    spec.given([limitsSet]).when(setLimits()).thenEmitsNothing();
  });

  it('refuses a limit of 0 days, naming the field', () => {
    spec
      .given([])
      .when(setLimits({ ...limits, homeVerification: { days: 0, unit: 'working' } }))
      .thenRejects({ code: 'time-limit.too-short', field: 'timeLimits.homeVerification.days' });
  });

  it('records an elimination policy of eight stable months, skilled and ordinary labour only', () => {
    spec
      .given([])
      .when(setElimination(8, ['skilled', 'ordinary']))
      .thenEmits([
        {
          type: 'EliminationPolicySet',
          data: { ...change, elimination: { stableIncomeMonths: 8, labourCapacitiesCounted: ['skilled', 'ordinary'] } },
        },
      ]);
  });

  it.each([
    [0, ['ordinary'], 'policy.stable-income-months', 'elimination.stableIncomeMonths'],
    [6, [], 'policy.labour-capacities', 'elimination.labourCapacitiesCounted'],
    [6, ['ordinary', 'ordinary'], 'policy.labour-capacities', 'elimination.labourCapacitiesCounted'],
    [6, ['able'], 'policy.labour-capacities', 'elimination.labourCapacitiesCounted'],
  ])('refuses %i months with %j: %s at %s', (months, counted, code, field) => {
    spec.given([]).when(setElimination(months, counted)).thenRejects({ code, field });
  });

  it('refuses a change without a reason or a source document, both at once', () => {
    expect(() =>
      casePolicyDecider.decide(
        { type: 'SetCaseTimeLimits', data: { ...change, reason: ' ', sourceDocument: '', timeLimits: limits } },
        casePolicyDecider.initialState,
      ),
    ).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ field: 'reason' }), expect.objectContaining({ field: 'sourceDocument' })],
      }),
    );
  });
});
