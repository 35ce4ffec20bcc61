import { describe, expect, it } from '@jest/globals';
import {
  DuplicateEventId,
  prepareAppend,
  WrongExpectedRevision,
  type StoredEvent,
} from '@relapse-watch/event-store-core';
import { testEvent } from '@relapse-watch/event-store-testing';
import { chainEvents, checkKurrentDbNames, planAppend, replayOutcome } from './append-plan';

describe('planAppend', () => {
  it.each([
    ['any', null, { kind: 'write' }],
    ['any', 3, { kind: 'find' }],
    ['stream_exists', null, { kind: 'conflict' }],
    ['stream_exists', 0, { kind: 'find' }],
    ['no_stream', null, { kind: 'write' }],
    ['no_stream', 1, { kind: 'replay', fromRevision: 0 }],
    [0, null, { kind: 'conflict' }],
    [2, 2, { kind: 'write' }],
    [1, 2, { kind: 'replay', fromRevision: 2 }],
    [7, 2, { kind: 'conflict' }],
  ] as const)('expected %p with actual %p → %o', (expected, actual, plan) => {
    expect(planAppend(expected, actual)).toEqual(plan);
  });
});

describe('replayOutcome', () => {
  const [a, b, c] = [testEvent('E', 'a'), testEvent('E', 'b'), testEvent('E', 'c')];
  const stored = (ids: string[], from: number): StoredEvent[] =>
    ids.map((id, i) => ({ id, revision: from + i, position: 100 * (from + i + 1) }) as StoredEvent);

  it('returns the original result for the same ids in the same order', () => {
    const append = prepareAppend('s', [a, b], { expectedRevision: 'no_stream' });
    expect(replayOutcome(append, stored([a.id, b.id], 0), 1)).toEqual({ nextRevision: 1, lastPosition: 200 });
  });

  it('is a DuplicateEventId on a partial overlap and a conflict with no overlap', () => {
    const append = prepareAppend('s', [a, c], { expectedRevision: 'no_stream' });
    expect(() => replayOutcome(append, stored([a.id, b.id], 0), 1)).toThrow(DuplicateEventId);
    const other = prepareAppend('s', [c], { expectedRevision: 1 });
    const error = (() => {
      try {
        return replayOutcome(other, stored([b.id], 2), 2);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect((error as WrongExpectedRevision).actualRevision).toBe(2);
  });
});

describe('chainEvents and reserved names', () => {
  it('numbers after the head and links each hash to the previous one', () => {
    const append = prepareAppend('s', [testEvent('E', 1), testEvent('E', 2)]);
    const fresh = chainEvents(append, null, '2024-01-01T00:00:00.000Z');
    expect(fresh[0].prevHash).toBeNull();
    expect(fresh[1].prevHash).toBe(fresh[0].hash);
    const after = chainEvents(append, { revision: 9, hash: 'f'.repeat(64) }, '2024-01-01T00:00:00.000Z');
    expect(after[0].prevHash).toBe('f'.repeat(64));
    // The revision is part of the hash: the same events after another head hash differently.
    expect(after[1].hash).not.toBe(fresh[1].hash);
  });

  it('refuses $ stream ids and event types, which KurrentDB keeps for itself', () => {
    expect(() => checkKurrentDbNames(prepareAppend('$all', [testEvent('E', 1)]))).toThrow(
      expect.objectContaining({ code: 'stream-id.reserved' }),
    );
    expect(() => checkKurrentDbNames(prepareAppend('s', [testEvent('$>', 1)]))).toThrow(
      expect.objectContaining({ field: 'events[0].type' }),
    );
    expect(() => checkKurrentDbNames(prepareAppend('a$b', [testEvent('E$', 1)]))).not.toThrow();
  });
});
