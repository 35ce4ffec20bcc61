import { ageOn, calendarDateAt, daysInMonth, isIsoDate, isLeapYear, parseIsoDate } from './calendar-date';

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
});
