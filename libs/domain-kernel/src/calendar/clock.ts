import { calendarDateAt, type IsoDate } from './calendar-date';

/**
 * What application code asks instead of `new Date()`: the instant, and the calendar date an
 * instant falls on in the officials' time zone ("today" for a command's date rules). Deciders
 * never see it; handlers turn it into `now` and `facts.today`. Tests pass a fixed one.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The officials' calendar date at an instant. */
  dateAt(instant: Date): IsoDate;
  /** Offset of the officials' time zone from UTC, in minutes (China Standard Time: 480). */
  readonly utcOffsetMinutes: number;
}

/**
 * A clock at a fixed UTC offset (China keeps UTC+8 all year). `now` defaults to the system
 * time; pass a function returning a fixed instant to pin the date in a test.
 */
export function fixedOffsetClock(utcOffsetMinutes: number, now: () => Date = () => new Date()): Clock {
  return { now, dateAt: (instant) => calendarDateAt(instant, utcOffsetMinutes), utcOffsetMinutes };
}
