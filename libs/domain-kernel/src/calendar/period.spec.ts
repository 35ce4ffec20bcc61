import { DomainError } from '../errors/domain-error';
import { isOverdue, mayCloseNoticeOn, noticeClosingProblem, noticeEarliestEnd, periodEnd } from './period';
import { CHINA_PUBLIC_HOLIDAY_SCHEDULES } from './schedules';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.of(CHINA_PUBLIC_HOLIDAY_SCHEDULES);

function refusal(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

// Civil Code arts. 201 and 203; expected dates worked out by hand from the notices in ./schedules.
describe('periodEnd', () => {
  describe('given a limit in working days', () => {
    it.each([
      // 29 Sep (Sun, worked) 1, 30 Sep 2, 1–7 Oct off, 8–10 Oct 3–5.
      ['2024-09-27', 5, '2024-10-10'],
      // … 11 Oct 6, 12 Oct (Sat, worked) 7, 14–18 Oct 8–12, 21–25 Oct 13–17, 28–30 Oct 18–20.
      ['2024-09-27', 20, '2024-10-30'],
      ['2024-02-28', 1, '2024-02-29'],
      ['2026-12-24', 5, '2026-12-31'],
    ])('when the step starts on %s with %i working days, then its last day is %s', (start, days, expected) => {
      expect(periodEnd(start, { days, unit: 'working' }, calendar)).toBe(expected);
    });
  });

  describe('given a limit in calendar days', () => {
    it.each([
      ['2024-09-27', '2024-09-29', 'Sunday 29 Sep is a make-up working day, so it stays'],
      ['2024-09-28', '2024-09-30', 'a Monday'],
      ['2024-09-29', '2024-10-08', '1 Oct is off: moved past the holiday (art. 203)'],
      ['2024-02-27', '2024-02-29', 'the leap day, a Thursday'],
      ['2024-02-28', '2024-03-01', '2024 has a 29 February, so two days later is 1 March'],
      ['2025-02-27', '2025-03-03', 'no leap day: Saturday 1 March, moved to Monday'],
      ['2026-12-29', '2026-12-31', 'a Thursday, still in 2026'],
    ])('when a lead arrives on %s with 2 days to accept, then the last day is %s (%s)', (start, expected) => {
      expect(periodEnd(start, { days: 2, unit: 'calendar' }, calendar)).toBe(expected);
    });
  });

  describe('given a period that runs into a year without a schedule', () => {
    it('when 2 calendar days from 2026-12-30 reach 2027-01-01, then it is refused at the caller’s field', () => {
      const error = refusal(() => periodEnd('2026-12-30', { days: 2, unit: 'calendar' }, calendar, 'receivedOn'));
      expect(error).toMatchObject({ code: 'calendar.year-not-configured', field: 'receivedOn' });
      expect(error.message).toContain('2027');
    });

    it('when 20 working days from 2026-12-24 need January 2027, then it is refused', () => {
      // Only 25, 28, 29, 30 and 31 December are left in 2026.
      const error = refusal(() => periodEnd('2026-12-24', { days: 20, unit: 'working' }, calendar));
      expect(error).toMatchObject({ code: 'calendar.year-not-configured', field: 'date' });
      expect(error.message).toContain('2027');
    });

    it('when the start itself lies in an unconfigured year, then it is refused', () => {
      expect(refusal(() => periodEnd('2023-12-30', { days: 2, unit: 'calendar' }, calendar)).code).toBe(
        'calendar.year-not-configured',
      );
    });
  });

  it.each([0, -2, 2.5])('refuses a limit of %p days as a programming error', (days) => {
    expect(() => periodEnd('2024-09-27', { days, unit: 'calendar' }, calendar)).toThrow(RangeError);
  });

  it('refuses a start that is not a real date', () => {
    expect(refusal(() => periodEnd('2024-02-30', { days: 2, unit: 'calendar' }, calendar, 'receivedOn'))).toMatchObject(
      { code: 'calendar.date-format', field: 'receivedOn' },
    );
  });
});

describe('isOverdue', () => {
  const homeVerification = { days: 5, unit: 'working' } as const;

  it('given a step due on 2024-10-10, when today is that day, then it is not overdue yet', () => {
    expect(isOverdue('2024-09-27', homeVerification, '2024-10-10', calendar)).toBe(false);
  });

  it('given a step due on 2024-10-10, when today is the next day, then it is overdue', () => {
    expect(isOverdue('2024-09-27', homeVerification, '2024-10-11', calendar)).toBe(true);
  });

  it('refuses a malformed today', () => {
    expect(refusal(() => isOverdue('2024-09-27', homeVerification, '2024/10/11', calendar)).field).toBe('today');
  });
});

describe('public notice (公示) of at least the configured days', () => {
  it.each([
    // 24–28 Sep; Saturday 28 Sep is a rest day and Sunday 29 Sep is worked.
    ['2024-09-23', 5, '2024-09-29'],
    // 28 Sep – 2 Oct; 2 Oct is in the National Day block, which ends on 7 Oct.
    ['2024-09-27', 5, '2024-10-08'],
    // 4–8 March 2025; Saturday, so on to Monday.
    ['2025-03-03', 5, '2025-03-10'],
    ['2025-03-05', 5, '2025-03-10'],
    // 27, 28, 29 February 2024.
    ['2024-02-26', 3, '2024-02-29'],
  ])('when posted on %s for %i days, then objections run through %s', (postedOn, days, expected) => {
    expect(noticeEarliestEnd(postedOn, days, calendar)).toBe(expected);
  });

  it.each([
    ['2024-09-29', false, 'the last objection day itself'],
    ['2024-09-28', false, 'a day inside the notice'],
    ['2024-09-23', false, 'the posting day'],
    ['2024-09-20', false, 'before posting'],
    ['2024-09-30', true, 'the day after the last objection day'],
    ['2024-10-09', true, 'any later day'],
  ])('given a 5-day notice posted on 2024-09-23, may it close on %s: %s (%s)', (closingOn, allowed) => {
    expect(mayCloseNoticeOn('2024-09-23', closingOn, 5, calendar)).toBe(allowed);
  });

  it('refuses an early close with the rule, at the field given', () => {
    expect(noticeClosingProblem('2024-09-27', '2024-10-08', 5, calendar, 'noticeClosedOn')).toEqual({
      code: 'notice.period-too-short',
      field: 'noticeClosedOn',
      message:
        '公示期不足5天（自公示次日起算，最后一日为休假日的顺延至其后第一个工作日） / The public notice ran shorter than 5 days (counted from the day after posting; a last day on a rest day moves to the next working day)',
    });
  });

  it('has no problem with a close on the first day allowed', () => {
    expect(noticeClosingProblem('2024-09-27', '2024-10-09', 5, calendar)).toBeNull();
  });

  it('refuses a notice that would run into a year without a schedule, at `postedOn`', () => {
    expect(refusal(() => mayCloseNoticeOn('2026-12-28', '2027-01-05', 5, calendar))).toMatchObject({
      code: 'calendar.year-not-configured',
      field: 'postedOn',
    });
  });

  it('refuses a closing date that is not a real date', () => {
    expect(refusal(() => mayCloseNoticeOn('2024-09-23', '2024-09-31', 5, calendar))).toMatchObject({
      code: 'calendar.date-format',
      field: 'closingOn',
    });
  });
});
