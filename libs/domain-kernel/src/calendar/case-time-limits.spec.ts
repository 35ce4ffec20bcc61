import { caseTimeLimitsProblems, DEFAULT_CASE_TIME_LIMITS } from './case-time-limits';

describe('case time limits', () => {
  it('default to issue 12’s figures', () => {
    expect(DEFAULT_CASE_TIME_LIMITS).toEqual({
      acceptLead: { days: 2, unit: 'calendar' },
      homeVerification: { days: 5, unit: 'working' },
      wholeProcedure: { days: 20, unit: 'working' },
      publicNoticeMinimumDays: 5,
    });
    expect(caseTimeLimitsProblems(DEFAULT_CASE_TIME_LIMITS)).toEqual([]);
  });

  it('accept the bounds 1 and 365 days', () => {
    const limits = {
      acceptLead: { days: 1, unit: 'working' },
      homeVerification: { days: 365, unit: 'calendar' },
      wholeProcedure: { days: 365, unit: 'working' },
      publicNoticeMinimumDays: 1,
    };
    expect(caseTimeLimitsProblems(limits)).toEqual([]);
  });

  it('report every problem at once, each at its field', () => {
    const problems = caseTimeLimitsProblems({
      acceptLead: { days: 2.5, unit: 'calendar' },
      homeVerification: { days: 0, unit: 'working' },
      wholeProcedure: { days: 366, unit: 'weeks' },
      publicNoticeMinimumDays: '5',
    });
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['time-limit.not-whole-days', 'caseTimeLimits.acceptLead.days'],
      ['time-limit.too-short', 'caseTimeLimits.homeVerification.days'],
      ['time-limit.too-long', 'caseTimeLimits.wholeProcedure.days'],
      ['time-limit.unit', 'caseTimeLimits.wholeProcedure.unit'],
      ['time-limit.not-whole-days', 'caseTimeLimits.publicNoticeMinimumDays'],
    ]);
    expect(problems[2]?.message).toBe('时限不得超过365天 / A time limit is at most 365 days');
  });

  it.each([
    ['a negative figure', { publicNoticeMinimumDays: -5 }, 'time-limit.too-short', 'policy.publicNoticeMinimumDays'],
    [
      'not a number at all',
      { publicNoticeMinimumDays: Number.NaN },
      'time-limit.not-whole-days',
      'policy.publicNoticeMinimumDays',
    ],
    ['a missing limit', { wholeProcedure: undefined }, 'time-limit.missing', 'policy.wholeProcedure'],
    ['a limit without days', { acceptLead: { unit: 'calendar' } }, 'time-limit.missing', 'policy.acceptLead.days'],
    ['a limit without a unit', { acceptLead: { days: 2 } }, 'time-limit.unit', 'policy.acceptLead.unit'],
  ])('refuse %s under the field given', (_what, change, code, field) => {
    expect(caseTimeLimitsProblems({ ...DEFAULT_CASE_TIME_LIMITS, ...change }, 'policy')).toEqual([
      expect.objectContaining({ code, field }),
    ]);
  });

  it.each([null, 'five', [], 5])('refuse %p as no configuration at all', (input) => {
    expect(caseTimeLimitsProblems(input)).toEqual([
      expect.objectContaining({ code: 'time-limit.missing', field: 'caseTimeLimits' }),
    ]);
  });
});
