import { describe, expect, it } from '@jest/globals';
import { EVENT_TYPE, START, STREAM_NAME } from '@kurrent/kurrentdb-client';
import { positionFromKurrent, readPositionOf, revisionFromKurrent, serverFilterFor } from './positions';

describe('position and revision mapping', () => {
  it('uses the commit offset as the position and reads from commit = prepare', () => {
    expect(positionFromKurrent({ commit: 123_456n, prepare: 123_456n })).toBe(123_456);
    expect(readPositionOf(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
  });

  it('maps position 0 (and below) to the start of the log', () => {
    expect(readPositionOf(0)).toBe(START);
    expect(readPositionOf(-1)).toBe(START);
  });

  it('maps revisions one to one and refuses numbers a double cannot hold exactly', () => {
    expect(revisionFromKurrent(0n)).toBe(0);
    expect(revisionFromKurrent(2_344n)).toBe(2_344);
    expect(() => positionFromKurrent({ commit: 2n ** 53n, prepare: 2n ** 53n })).toThrow(RangeError);
    expect(() => revisionFromKurrent(-1n)).toThrow(RangeError);
  });
});

describe('server-side pre-filter', () => {
  it('narrows to the stream prefixes when none can match a system stream', () => {
    expect(serverFilterFor({ streamPrefixes: ['registry-', 'inspection-'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['registry-', 'inspection-'],
    });
  });

  it('otherwise only leaves out system event types', () => {
    for (const filter of [
      undefined,
      {},
      { eventTypes: ['A'] },
      { streamPrefixes: [''] },
      { streamPrefixes: ['$ce-'] },
      { streamPrefixes: [] },
    ]) {
      expect(serverFilterFor(filter)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    }
  });
});
