import { describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from './clock';

describe('fixedOffsetClock', () => {
  // 2024-12-31T16:30Z is already 1 January 2025 in Beijing, still 31 December in UTC.
  const instant = new Date('2024-12-31T16:30:00Z');

  it('gives the local date at its offset: after 16:00 UTC it is the next day in China', () => {
    expect(fixedOffsetClock(480).dateAt(instant)).toBe('2025-01-01');
    expect(fixedOffsetClock(0).dateAt(instant)).toBe('2024-12-31');
    expect(fixedOffsetClock(-300).dateAt(instant)).toBe('2024-12-31');
  });

  it('reads the instant from the function it was given, so a test can pin the date', () => {
    const clock = fixedOffsetClock(480, () => instant);
    expect(clock.now()).toBe(instant);
    expect(clock.dateAt(clock.now())).toBe('2025-01-01');
    expect(clock.utcOffsetMinutes).toBe(480);
  });
});
