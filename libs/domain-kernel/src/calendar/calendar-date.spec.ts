import {
  addDays,
  ageOn,
  calendarDateAt,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
} from './calendar-date';

describe('calendar dates', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2024, true],
    [2023, false],
    [2100, false],
  ])('leap year %i: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2023, 4, 30],
    [2023, 12, 31],
    [2023, 13, 0],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2023-02-29', null],
    ['2024-2-03', null],
    ['2024/02/03', null],
    ['2024-00-10', null],
    ['2024-06-31', null],
    ['0000-01-01', null],
    ['2024-08-20T00:00', null],
  ])('parseIsoDate(%s)', (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
    expect(isIsoDate(text)).toBe(expected !== null);
  });

  it.each([
    ['1990-03-07', '2024-03-06', 33],
    ['1990-03-07', '2024-03-07', 34],
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['2024-08-20', '2024-08-20', 0],
  ])('born %s, on %s aged %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses an age before birth or on malformed dates', () => {
    expect(() => ageOn('2024-08-20', '2024-08-19')).toThrow(RangeError);
    expect(() => ageOn('2024-02-30', '2024-08-19')).toThrow(RangeError);
  });

  it.each([
    ['2024-08-19T16:00:00.000Z', 480, '2024-08-20'],
    ['2024-08-19T15:59:59.999Z', 480, '2024-08-19'],
    ['2024-12-31T16:00:00.000Z', 480, '2025-01-01'],
    ['2024-08-19T16:00:00.000Z', 0, '2024-08-19'],
  ])('%s at UTC%+i min falls on %s', (instant, offset, date) => {
    expect(calendarDateAt(new Date(instant), offset)).toBe(date);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    // 2024-03-01 to 2025-03-01 is 365 days (no 29 February between), so the leap day + 365 is 28 February.
    ['2024-02-29', 365, '2025-02-28'],
    ['2024-02-29', 366, '2025-03-01'],
    ['2024-08-20', 0, '2024-08-20'],
    ['1970-01-01', 0, '1970-01-01'],
    ['0001-01-01', 1, '0001-01-02'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses to add days to a malformed date, a fraction of a day, or past the years 0001–9999', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2024-02-28', 1.5)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it.each([
    ['1970-01-01', 4], // Thursday
    ['0001-01-01', 1], // Monday in the proleptic Gregorian calendar
    ['2024-02-29', 4], // Thursday
    ['2024-09-27', 5], // Friday
    ['2024-09-28', 6], // Saturday
    ['2024-09-29', 7], // Sunday
    ['2026-12-24', 4], // Thursday
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('refuses the weekday of a malformed date', () => {
    expect(() => isoWeekday('2023-02-29')).toThrow(RangeError);
  });
});
