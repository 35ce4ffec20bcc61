export * from './errors/domain-error';
export {
  addDays,
  ageOn,
  calendarDateAt,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  isRealDate,
  parseIsoDate,
} from './calendar/calendar-date';
export type { CalendarDate, IsoDate } from './calendar/calendar-date';
export { fixedOffsetClock, type Clock } from './calendar/clock';
export * from './calendar/public-holiday-schedule';
export * from './calendar/schedules';
export * from './calendar/working-day-calendar';
export * from './calendar/period';
export * from './calendar/case-time-limits';
export * from './resident-id/resident-id.types';
export { residentIdCheckCharacter } from './resident-id/resident-id.check-character';
export * from './resident-id/resident-id.parser';
export * from './resident-id/resident-id.hash';
export * from './resident-id/resident-id.mask';
export * from './division/division-code';
export * from './money/money';
export * from './money/per-capita-income';
export * from './text/free-text';
export { householdIdFor } from './ids/household-id';
export * from './risk-type/risk-types';
