import { DomainError } from '../errors/domain-error';
import type { PublicHolidaySchedule } from './public-holiday-schedule';
import { CHINA_PUBLIC_HOLIDAY_SCHEDULES, PUBLIC_HOLIDAYS_2024 } from './schedules';
import { WorkingDayCalendar } from './working-day-calendar';

function refusal(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

// Expected dates below are worked out by hand from the notices quoted in ./schedules.
describe('working-day calendar, given the shipped schedules 2024–2026', () => {
  const calendar = WorkingDayCalendar.of(CHINA_PUBLIC_HOLIDAY_SCHEDULES);

  it('knows which years it is configured for', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026]);
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2024-09-27', true, 'a Friday'],
      ['2024-09-28', false, 'a Saturday'],
      ['2024-09-29', true, 'a Sunday worked for National Day (调休)'],
      ['2024-10-01', false, 'National Day'],
      ['2024-10-07', false, 'a Monday inside the National Day block'],
      ['2024-10-08', true, 'the Tuesday after it'],
      ['2024-10-12', true, 'a Saturday worked for National Day'],
      ['2024-10-13', false, 'the Sunday after it'],
      ['2024-02-09', true, '除夕 2024, not yet a statutory holiday'],
      ['2025-01-28', false, '除夕 2025, a holiday under 国务院令第798号'],
      ['2025-05-02', false, '2 May 2025, a statutory holiday since 2025'],
      ['2024-02-29', true, 'the leap day, a Thursday'],
      ['2026-01-04', true, 'a Sunday worked for New Year 2026'],
      ['2026-12-31', true, 'the last configured day, a Thursday'],
    ])('%s is a working day: %s (%s)', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('refuses a date in a year without a schedule, naming the year, at the field given', () => {
      const error = refusal(() => calendar.isWorkingDay('2027-01-04', 'receivedOn'));
      expect(error.code).toBe('calendar.year-not-configured');
      expect(error.field).toBe('receivedOn');
      expect(error.message).toContain('2027年');
      expect(error.message).toContain('configured for 2027');
    });

    it('refuses the year before the first schedule as well, at `date` when no field is given', () => {
      const error = refusal(() => calendar.isWorkingDay('2023-12-29'));
      expect(error).toMatchObject({ code: 'calendar.year-not-configured', field: 'date' });
      expect(error.message).toContain('2023');
    });

    it('refuses a date that is not a real date', () => {
      expect(refusal(() => calendar.isWorkingDay('2024-02-30', 'postedOn'))).toMatchObject({
        code: 'calendar.date-format',
        field: 'postedOn',
      });
    });
  });

  describe('addWorkingDays', () => {
    it('when a lead arrives on Friday 2024-09-27, then its 5th working day is 10 October', () => {
      // 28 Sep Sat off; 29 Sep Sun worked (1); 30 Sep (2); 1–7 Oct off; 8 (3), 9 (4), 10 Oct (5).
      expect(calendar.addWorkingDays('2024-09-27', 5)).toBe('2024-10-10');
    });

    it.each([
      ['2024-02-29', 1, '2024-03-01'], // Thu → Fri
      ['2024-02-29', 2, '2024-03-04'], // over the weekend
      ['2024-02-08', 1, '2024-02-09'], // 除夕 2024 was worked
      ['2024-02-08', 2, '2024-02-18'], // 10–17 Feb off, Sunday 18 Feb worked
      ['2025-01-24', 1, '2025-01-26'], // Sat 25 off, Sun 26 Jan worked
      ['2025-01-24', 3, '2025-02-05'], // 27 Jan (2), 28 Jan–4 Feb off
      ['2025-01-24', 5, '2025-02-07'],
      ['2026-02-13', 5, '2026-02-27'], // Sat 14 Feb worked (1), 15–23 Feb off, 24–27 Feb (2–5)
      ['2026-02-13', 6, '2026-02-28'], // Saturday 28 Feb worked
      ['2024-12-30', 3, '2025-01-03'], // 31 Dec (1), 1 Jan off, 2 Jan (2), 3 Jan (3)
      ['2026-12-24', 5, '2026-12-31'], // 25, 28, 29, 30, 31 Dec: stays inside 2026
    ])('from %s, working day %i is %s', (date, days, expected) => {
      expect(calendar.addWorkingDays(date, days)).toBe(expected);
    });

    it('never counts the start day, whether or not it is a working day', () => {
      expect(calendar.addWorkingDays('2024-10-08', 1)).toBe('2024-10-09');
      expect(calendar.addWorkingDays('2024-10-03', 1)).toBe('2024-10-08');
    });

    it('refuses to run from 2026 into 2027, which has no schedule', () => {
      const error = refusal(() => calendar.addWorkingDays('2026-12-24', 6, 'acceptedOn'));
      expect(error).toMatchObject({ code: 'calendar.year-not-configured', field: 'acceptedOn' });
      expect(error.message).toContain('2027');
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses %p working days as a programming error', (days) => {
      expect(() => calendar.addWorkingDays('2024-09-27', days)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2024-09-27', '2024-10-10', 5],
      ['2024-09-27', '2024-10-07', 2], // 29 and 30 September
      ['2024-12-31', '2025-01-02', 1], // 1 January off
      ['2024-09-27', '2024-09-27', 0],
      ['2024-10-10', '2024-09-27', 0],
    ])('after %s up to and including %s: %i', (from, to, expected) => {
      expect(calendar.workingDaysBetween(from, to)).toBe(expected);
    });

    // 366 − 104 weekend days − 11 statutory days (2013 rules) = 251; from 2025, 13 statutory days:
    // 365 − 104 − 13 = 248. Make-up days only move work around, so the totals must match these.
    it.each([
      ['2024-01-01', '2024-12-31', 251],
      ['2024-12-31', '2025-12-31', 248],
      ['2025-12-31', '2026-12-31', 248],
    ])('the year after %s up to %s has %i working days', (from, to, expected) => {
      expect(calendar.workingDaysBetween(from, to)).toBe(expected);
    });

    it('refuses when either end lies in a year without a schedule', () => {
      expect(refusal(() => calendar.workingDaysBetween('2023-12-31', '2024-01-02', 'from')).code).toBe(
        'calendar.year-not-configured',
      );
      expect(refusal(() => calendar.workingDaysBetween('2026-12-30', '2027-01-02')).message).toContain('2027');
    });
  });

  describe('nextWorkingDayOnOrAfter', () => {
    it.each([
      ['2024-10-08', '2024-10-08'], // a working day is its own answer
      ['2024-10-01', '2024-10-08'],
      ['2024-09-28', '2024-09-29'], // the Sunday after is worked
      ['2026-12-26', '2026-12-28'],
    ])('from %s: %s', (date, expected) => {
      expect(calendar.nextWorkingDayOnOrAfter(date)).toBe(expected);
    });

    it('refuses to look into a year without a schedule', () => {
      expect(refusal(() => calendar.nextWorkingDayOnOrAfter('2027-01-02')).code).toBe('calendar.year-not-configured');
    });
  });
});

describe('building a calendar from schedules', () => {
  const source = { documentNumber: 'test', title: 'test schedule', issuedOn: '2018-12-04' };
  // Test data shaped like the 2019 notice (国办发明电〔2018〕15号), whose New Year reached back into 2018.
  const year2019: PublicHolidaySchedule = {
    year: 2019,
    holidays: ['2018-12-30', '2018-12-31', '2019-01-01'],
    makeUpWorkingDays: ['2018-12-29'],
    source,
  };
  const year2018: PublicHolidaySchedule = { year: 2018, holidays: [], makeUpWorkingDays: [], source };

  it('given a notice that reaches back into December, then those days follow it', () => {
    const calendar = WorkingDayCalendar.of([year2018, year2019]);
    expect(calendar.isWorkingDay('2018-12-29')).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false); // Monday, off
    expect(calendar.isWorkingDay('2018-12-28')).toBe(true);
  });

  it('given no schedule for the previous year, then its December is still refused', () => {
    const calendar = WorkingDayCalendar.of([year2019]);
    expect(refusal(() => calendar.isWorkingDay('2018-12-29')).code).toBe('calendar.year-not-configured');
  });

  it('given no schedules at all, then every date is refused', () => {
    expect(refusal(() => WorkingDayCalendar.of([]).isWorkingDay('2024-09-27')).code).toBe(
      'calendar.year-not-configured',
    );
  });

  it('refuses two schedules for one year', () => {
    const error = refusal(() => WorkingDayCalendar.of([PUBLIC_HOLIDAYS_2024, PUBLIC_HOLIDAYS_2024]));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'holiday-schedule.year-duplicate', field: 'schedules[1]' }),
    ]);
  });

  it('refuses two notices that disagree about a December day', () => {
    const conflicting: PublicHolidaySchedule = { ...year2018, makeUpWorkingDays: [], holidays: ['2018-12-29'] };
    const error = refusal(() => WorkingDayCalendar.of([conflicting, year2019]));
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'holiday-schedule.day-both-off-and-working',
        field: 'schedules[1].makeUpWorkingDays[0]',
      }),
    ]);
  });

  it('refuses a broken schedule with every problem at once, at its index', () => {
    const broken: PublicHolidaySchedule = {
      year: 2024,
      holidays: ['2024-10-01', '2025-01-01', '2024-02-30'],
      makeUpWorkingDays: ['2024-10-08'],
      source,
    };
    const error = refusal(() => WorkingDayCalendar.of([PUBLIC_HOLIDAYS_2024, { ...broken, year: 2023 }]));
    expect(error.problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['holiday-schedule.date-outside-year', 'schedules[1].holidays[0]'],
      ['holiday-schedule.date-outside-year', 'schedules[1].holidays[1]'],
      ['holiday-schedule.date-format', 'schedules[1].holidays[2]'],
      ['holiday-schedule.date-outside-year', 'schedules[1].makeUpWorkingDays[0]'],
      ['holiday-schedule.make-up-day-not-weekend', 'schedules[1].makeUpWorkingDays[0]'],
    ]);
  });
});
