import { incomeStability, periodEnd, previousMonth } from './risk-elimination.income';

describe('income helpers', () => {
  it.each([
    ['2025-07', '2025-06'],
    ['2025-01', '2024-12'],
    ['2000-10', '2000-09'],
  ])('the month before %s is %s', (month, before) => {
    expect(previousMonth(month)).toBe(before);
  });

  it('ends a calendar year on 31 December and twelve months on their last day', () => {
    expect(periodEnd({ kind: 'calendar-year', year: 2024 })).toBe('2024-12-31');
    expect(periodEnd({ kind: 'twelve-months', endingOn: '2025-03-31' })).toBe('2025-03-31');
  });

  it('looks at the whole months before today’s month, even on its first day', () => {
    expect(incomeStability([], {}, '2025-07-01', 6).window).toEqual({ from: '2025-01', to: '2025-06' });
    expect(incomeStability([], {}, '2025-01-31', 2).window).toEqual({ from: '2024-11', to: '2024-12' });
  });

  it('refuses a policy of no months', () => {
    expect(() => incomeStability([], {}, '2025-07-01', 0)).toThrow(RangeError);
  });
});
