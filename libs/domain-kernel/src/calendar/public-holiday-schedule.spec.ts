import { publicHolidayScheduleProblems, type PublicHolidaySchedule } from './public-holiday-schedule';
import {
  CHINA_PUBLIC_HOLIDAY_SCHEDULES,
  PUBLIC_HOLIDAYS_2024,
  PUBLIC_HOLIDAYS_2025,
  PUBLIC_HOLIDAYS_2026,
} from './schedules';

describe('the shipped schedules', () => {
  it.each(CHINA_PUBLIC_HOLIDAY_SCHEDULES.map((schedule) => [schedule.year, schedule]))(
    '%i passes its own validation',
    (_year, schedule) => {
      expect(publicHolidayScheduleProblems(schedule)).toEqual([]);
    },
  );

  it.each(CHINA_PUBLIC_HOLIDAY_SCHEDULES.map((schedule) => [schedule.year, schedule]))(
    '%i lists its days in ascending order',
    (_year, schedule) => {
      expect(schedule.holidays).toEqual([...schedule.holidays].sort());
      expect(schedule.makeUpWorkingDays).toEqual([...schedule.makeUpWorkingDays].sort());
    },
  );

  // Sums of the notices' own "共N天" and counts of their "上班" days.
  it.each([
    [PUBLIC_HOLIDAYS_2024, 1 + 8 + 3 + 5 + 1 + 3 + 7, 8, '国办发明电〔2023〕7号', '2023-10-25'],
    [PUBLIC_HOLIDAYS_2025, 1 + 8 + 3 + 5 + 3 + 8, 5, '国办发明电〔2024〕12号', '2024-11-12'],
    [PUBLIC_HOLIDAYS_2026, 3 + 9 + 3 + 5 + 3 + 3 + 7, 6, '国办发明电〔2025〕7号', '2025-11-04'],
  ])('has as many days as its notice', (schedule, holidays, makeUpDays, documentNumber, issuedOn) => {
    expect(schedule.holidays).toHaveLength(holidays);
    expect(schedule.makeUpWorkingDays).toHaveLength(makeUpDays);
    expect(schedule.source).toMatchObject({ documentNumber, issuedOn });
  });
});

describe('publicHolidayScheduleProblems', () => {
  const valid: PublicHolidaySchedule = {
    year: 2019,
    holidays: ['2018-12-30', '2018-12-31', '2019-01-01'],
    makeUpWorkingDays: ['2018-12-29'],
    source: {
      documentNumber: '国办发明电〔2018〕15号',
      title: '国务院办公厅关于2019年部分节假日安排的通知',
      issuedOn: '2018-12-04',
    },
  };

  it('accepts days in the previous December, where a New Year block can reach back', () => {
    expect(publicHolidayScheduleProblems(valid)).toEqual([]);
  });

  it.each([
    ['a year that is not whole', { year: 2019.5 }, 'holiday-schedule.year', 'schedule.year'],
    ['a date that is not real', { holidays: ['2019-02-29'] }, 'holiday-schedule.date-format', 'schedule.holidays[0]'],
    [
      'a date in the next January',
      { holidays: ['2020-01-01'] },
      'holiday-schedule.date-outside-year',
      'schedule.holidays[0]',
    ],
    [
      'a date in the previous November',
      { makeUpWorkingDays: ['2018-11-24'] },
      'holiday-schedule.date-outside-year',
      'schedule.makeUpWorkingDays[0]',
    ],
    [
      'a date listed twice',
      { holidays: ['2019-01-01', '2019-01-01'] },
      'holiday-schedule.date-duplicate',
      'schedule.holidays[1]',
    ],
    [
      'a make-up day on a weekday',
      { makeUpWorkingDays: ['2019-01-02'] },
      'holiday-schedule.make-up-day-not-weekend',
      'schedule.makeUpWorkingDays[0]',
    ],
    [
      'a day both off and worked',
      { holidays: ['2018-12-29'] },
      'holiday-schedule.day-both-off-and-working',
      'schedule.makeUpWorkingDays[0]',
    ],
    [
      'a source without its number',
      { source: { documentNumber: ' ', title: 't', issuedOn: '2018-12-04' } },
      'holiday-schedule.source',
      'schedule.source',
    ],
    [
      'a source without a real date',
      { source: { documentNumber: 'n', title: 't', issuedOn: '2018-12' } },
      'holiday-schedule.source',
      'schedule.source',
    ],
  ])('refuses %s', (_what, change, code, field) => {
    expect(publicHolidayScheduleProblems({ ...valid, ...change } as PublicHolidaySchedule)).toEqual([
      expect.objectContaining({ code, field }),
    ]);
  });

  it('reports every problem at once, under the field it is given', () => {
    const problems = publicHolidayScheduleProblems(
      { ...valid, holidays: ['2019-13-01'], makeUpWorkingDays: ['2019-01-02'], source: undefined as never },
      'schedules[3]',
    );
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['holiday-schedule.date-format', 'schedules[3].holidays[0]'],
      ['holiday-schedule.make-up-day-not-weekend', 'schedules[3].makeUpWorkingDays[0]'],
      ['holiday-schedule.source', 'schedules[3].source'],
    ]);
    expect(problems[0]?.message).toBe('日期须为真实日期（YYYY-MM-DD） / A date is a real YYYY-MM-DD date');
  });
});
