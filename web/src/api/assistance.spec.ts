import { describe, expect, it } from '@jest/globals';
import { caseListPath, currentDeadline, isBehind, type CaseDeadline } from './assistance';

const deadline = (step: CaseDeadline['step'], dueOn: string, done = false, overdue = false): CaseDeadline => ({
  step,
  dueOn,
  done,
  overdue,
  workingDaysLeft: done ? null : 3,
});

describe('a case’s deadlines in the list', () => {
  it('chases the earliest deadline not done, none once every step is done', () => {
    const accepted = [
      deadline('accept', '2026-12-03', true),
      deadline('home-verification', '2026-12-10'),
      deadline('procedure', '2026-12-31'),
    ];
    expect(currentDeadline(accepted)?.step).toBe('home-verification');
    expect(currentDeadline(accepted.map((d) => ({ ...d, done: true })))).toBeNull();
    expect(currentDeadline([])).toBeNull();
  });

  it('is behind when the watcher marked a step or a deadline passed unmarked', () => {
    expect(isBehind({ overdue: false, deadlines: [deadline('accept', '2026-11-04')] })).toBe(false);
    expect(isBehind({ overdue: false, deadlines: [deadline('accept', '2026-11-04', false, true)] })).toBe(true);
    expect(isBehind({ overdue: true, deadlines: [] })).toBe(true);
  });

  it('asks the API for the filters set, and for the page', () => {
    expect(caseListPath({ divisionCode: '511923000000', phase: 'lead', overdue: true, limit: 20, offset: 40 })).toBe(
      '/api/assistance/cases?divisionCode=511923000000&phase=lead&overdue=true&limit=20&offset=40',
    );
    expect(
      caseListPath({ divisionCode: '511923000000', category: 'sudden-severe-hardship', limit: 50, offset: 0 }),
    ).toBe('/api/assistance/cases?divisionCode=511923000000&category=sudden-severe-hardship&limit=50&offset=0');
  });
});
