import { describe, expect, it } from '@jest/globals';
import {
  DuplicateEventId,
  EventStoreError,
  InvalidAppend,
  MultiStreamAppendNotSupported,
  WrongExpectedRevision,
  type EventStore,
  type StreamAppend,
} from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from './fixtures';

/**
 * Cases of {@link EventStore.appendToStreams}. `supported: false` is for an adapter that
 * documents it cannot append atomically to several streams: it must then refuse every request
 * with {@link MultiStreamAppendNotSupported} and write nothing.
 */
export function multiStreamAppendConformance(get: () => EventStore, supported: boolean): void {
  describe('appendToStreams', () => {
    if (!supported) {
      it('is refused with MultiStreamAppendNotSupported and writes nothing', async () => {
        const s = uniqueStreamId();
        const error = await get()
          .appendToStreams([{ streamId: s, events: [testEvent('E', 1)] }])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MultiStreamAppendNotSupported);
        expect((error as EventStoreError).code).toBe('event-store.multi-stream-append.not-supported');
        expect(await collect(get().readStream(s))).toEqual([]);
      });
      return;
    }

    it('writes every append, at contiguous positions in request order, each stream with its own hash chain', async () => {
      const [a, b, c] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await get().appendToStream(b, [testEvent('B', 0)]);
      const before = await get().headPosition();
      const results = await get().appendToStreams([
        { streamId: a, events: [testEvent('A', 1), testEvent('A', 2)], options: { expectedRevision: 'no_stream' } },
        { streamId: b, events: [testEvent('B', 1)], options: { expectedRevision: 0 } },
        { streamId: c, events: [testEvent('C', 1), testEvent('C', 2), testEvent('C', 3)] },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 1, 2]);
      const [streamA, streamB, streamC] = await Promise.all([a, b, c].map((s) => collect(get().readStream(s))));
      const written = [...streamA, streamB[1], ...streamC];
      const first = written[0].position;
      expect(first).toBeGreaterThan(before);
      expect(written.map((e) => e.position)).toEqual(written.map((_, i) => first + i));
      expect(results.map((r) => r.lastPosition)).toEqual([
        streamA[1].position,
        streamB[1].position,
        streamC[2].position,
      ]);
      expect(streamA.map((e) => e.data)).toEqual([1, 2]);
      expect(streamA[0].prevHash).toBeNull();
      expect(streamA[1].prevHash).toBe(streamA[0].hash);
      expect(streamB[1].prevHash).toBe(streamB[0].hash);
      expect(streamC[0].prevHash).toBeNull();
      expect(streamC[2].prevHash).toBe(streamC[1].hash);
    });

    it('no other event lands between the events of one request', async () => {
      const streams = Array.from({ length: 5 }, () => uniqueStreamId());
      const request = () =>
        streams.map((streamId): StreamAppend => ({ streamId, events: [testEvent('M', 1), testEvent('M', 2)] }));
      const others = Array.from({ length: 20 }, () => get().appendToStream(uniqueStreamId(), [testEvent('O', 1)]));
      const results = await get().appendToStreams(request());
      await Promise.all(others);
      const ours = (
        await collect(get().readAll({ fromPosition: (await collect(get().readStream(streams[0])))[0].position }))
      ).slice(0, 10);
      expect(ours.map((e) => e.streamId)).toEqual(streams.flatMap((s) => [s, s]));
      expect(results[4].lastPosition).toBe(ours[9].position);
    });

    it('appends to one stream twice in a request, the second checked against the first', async () => {
      const s = uniqueStreamId();
      const results = await get().appendToStreams([
        { streamId: s, events: [testEvent('E', 0)], options: { expectedRevision: 'no_stream' } },
        { streamId: s, events: [testEvent('E', 1)], options: { expectedRevision: 0 } },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([0, 1]);
      const read = await collect(get().readStream(s));
      expect(read.map((e) => e.data)).toEqual([0, 1]);
      expect(read[1].prevHash).toBe(read[0].hash);
    });

    it('writes nothing when one expected revision fails, and names the stream at fault', async () => {
      const [a, b, c] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await get().appendToStream(b, [testEvent('B', 0)]);
      const before = await get().headPosition();
      const error = await get()
        .appendToStreams([
          { streamId: a, events: [testEvent('A', 1)], options: { expectedRevision: 'no_stream' } },
          { streamId: b, events: [testEvent('B', 1)], options: { expectedRevision: 'no_stream' } },
          { streamId: c, events: [testEvent('C', 1)] },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect((error as WrongExpectedRevision).streamId).toBe(b);
      expect((error as WrongExpectedRevision).actualRevision).toBe(0);
      expect(await collect(get().readStream(a))).toEqual([]);
      expect(await collect(get().readStream(c))).toEqual([]);
      expect(await collect(get().readStream(b))).toHaveLength(1);
      expect(await get().headPosition()).toBeGreaterThanOrEqual(before);
      // Nothing of the request: a later append to `a` starts the stream.
      expect((await get().appendToStream(a, [testEvent('A', 2)], { expectedRevision: 'no_stream' })).nextRevision).toBe(
        0,
      );
    });

    it('writes nothing on a partial overlap with stored events (DuplicateEventId naming the stream)', async () => {
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const stored = testEvent('B', 'stored');
      await get().appendToStream(b, [stored, testEvent('B', 'other')]);
      const error = await get()
        .appendToStreams([
          { streamId: a, events: [testEvent('A', 1)] },
          { streamId: b, events: [stored, testEvent('B', 'new')], options: { expectedRevision: 'no_stream' } },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateEventId);
      expect((error as DuplicateEventId).streamId).toBe(b);
      expect(await collect(get().readStream(a))).toEqual([]);
      expect((await collect(get().readStream(b))).map((e) => e.data)).toEqual(['stored', 'other']);
    });

    it('a re-send of the same appends returns the original results and writes nothing', async () => {
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const request: StreamAppend[] = [
        { streamId: a, events: [testEvent('A', 1), testEvent('A', 2)], options: { expectedRevision: 'no_stream' } },
        { streamId: b, events: [testEvent('B', 1)] },
      ];
      const first = await get().appendToStreams(request);
      const again = await get().appendToStreams(request);
      expect(again).toEqual(first);
      await get().appendToStream(a, [testEvent('A', 3)], { expectedRevision: 1 });
      expect(await get().appendToStreams(request)).toEqual(first);
      expect(await collect(get().readStream(a))).toHaveLength(3);
      expect(await collect(get().readStream(b))).toHaveLength(1);
    });

    it('of 20 concurrent requests conflicting on one stream, exactly one wins; the losers write nothing', async () => {
      const shared = uniqueStreamId();
      const own = Array.from({ length: 20 }, () => uniqueStreamId());
      const outcomes = await Promise.allSettled(
        own.map((streamId, i) =>
          get().appendToStreams([
            { streamId, events: [testEvent('Own', i)], options: { expectedRevision: 'no_stream' } },
            { streamId: shared, events: [testEvent('Shared', i)], options: { expectedRevision: 'no_stream' } },
          ]),
        ),
      );
      const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          expect(o.reason).toBeInstanceOf(WrongExpectedRevision);
          expect((o.reason as WrongExpectedRevision).streamId).toBe(shared);
        }
      }
      const lengths = await Promise.all(own.map(async (s) => (await collect(get().readStream(s))).length));
      expect(lengths).toEqual(own.map((_, i) => (i === won[0] ? 1 : 0)));
      expect((await collect(get().readStream(shared))).map((e) => e.data)).toEqual([won[0]]);
    });

    it('a failed request does not fail single appends made at the same time', async () => {
      // Independent streams: concurrent appends to one stream have no defined order.
      const [taken, free, first, second] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await get().appendToStream(taken, [testEvent('T', 0)]);
      const results = await Promise.allSettled([
        get().appendToStream(first, [testEvent('S', 1)], { expectedRevision: 'no_stream' }),
        get().appendToStreams([
          { streamId: free, events: [testEvent('F', 1)] },
          { streamId: taken, events: [testEvent('T', 1)], options: { expectedRevision: 'no_stream' } },
        ]),
        get().appendToStream(second, [testEvent('S', 2)], { expectedRevision: 'no_stream' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await collect(get().readStream(free))).toEqual([]);
      expect((await collect(get().readStream(first))).map((e) => e.data)).toEqual([1]);
      expect((await collect(get().readStream(second))).map((e) => e.data)).toEqual([2]);
    });

    describe('bad input is an InvalidAppend naming the append, and writes nothing', () => {
      const cases: [string, () => unknown, string, string][] = [
        ['no appends', () => [], 'appends.empty', 'appends'],
        ['not an array', () => 'x', 'appends.empty', 'appends'],
        [
          'an append that is not an object',
          () => [{ streamId: uniqueStreamId(), events: [testEvent('E', 1)] }, 7],
          'append.invalid',
          'appends[1]',
        ],
        [
          'an empty stream id in the second append',
          () => [
            { streamId: uniqueStreamId(), events: [testEvent('E', 1)] },
            { streamId: '', events: [testEvent('E', 1)] },
          ],
          'stream-id.empty',
          'appends[1].streamId',
        ],
        [
          'no events in the first append',
          () => [{ streamId: uniqueStreamId(), events: [] }],
          'events.empty',
          'appends[0].events',
        ],
        [
          'a bad event id in the third append',
          () =>
            [0, 1, 2].map((i) => ({
              streamId: uniqueStreamId(),
              events: [i === 2 ? { ...testEvent('E', 1), id: 'x' } : testEvent('E', 1)],
            })),
          'event.id.invalid',
          'appends[2].events[0].id',
        ],
        [
          'data that is not JSON',
          () => [{ streamId: uniqueStreamId(), events: [testEvent('E', { f: () => 1 })] }],
          'event.not-json',
          'appends[0].events[0].data.f',
        ],
        [
          'a bad expected revision',
          () => [{ streamId: uniqueStreamId(), events: [testEvent('E', 1)], options: { expectedRevision: -2 } }],
          'expected-revision.invalid',
          'appends[0].expectedRevision',
        ],
      ];
      it.each(cases)('%s', async (_name, make, code, field) => {
        const appends = make();
        const before = await get().headPosition();
        const error = await (get().appendToStreams as (a: unknown) => Promise<unknown>)(appends).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidAppend);
        expect((error as InvalidAppend).code).toBe(code);
        expect((error as InvalidAppend).field).toBe(field);
        expect(await get().headPosition()).toBe(before);
        if (Array.isArray(appends)) {
          for (const a of appends as { streamId?: unknown }[]) {
            if (typeof a?.streamId === 'string' && a.streamId.length > 0)
              expect(await collect(get().readStream(a.streamId))).toEqual([]);
          }
        }
      });
    });
  });
}
