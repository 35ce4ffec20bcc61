import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DuplicateEventId,
  EventStoreError,
  InvalidAppend,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from './fixtures';
import { commandHandlerConformance } from './command-handler.conformance';
import { subscriptionConformance } from './subscription.conformance';
import { multiStreamAppendConformance } from './multi-stream-append.conformance';

/** How the suite gets a store: a fresh or shared one, closed by the suite when done. */
export type EventStoreFactory = () => Promise<EventStore>;

/** What an adapter declares about itself to {@link eventStoreConformance}. */
export interface EventStoreConformanceOptions {
  /**
   * False for an adapter that documents it cannot append to several streams atomically: the
   * suite then checks that `appendToStreams` refuses with `MultiStreamAppendNotSupported`.
   * Default true.
   */
  readonly multiStreamAppend?: boolean;
}

/**
 * The event-store conformance suite. Every adapter's spec calls it once with a factory;
 * tests never assume an empty store (each uses its own stream ids), so one store may be
 * shared by all of them.
 */
export function eventStoreConformance(
  adapterName: string,
  factory: EventStoreFactory,
  options: EventStoreConformanceOptions = {},
): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });
    const get = () => store;

    describe('round trip', () => {
      it('returns every field as written, Chinese text and a 1 MB payload included', async () => {
        const streamId = uniqueStreamId('registry-household');
        const chinese = { 户主: '张三', 村: '四川省成都市锦江区某村', note: '脱贫户 · 监测户 😀', amount: 12345.67 };
        const big = { blob: '监'.repeat(350_000), list: Array.from({ length: 1000 }, (_, i) => i) };
        const first = testEvent('HouseholdRegistered', chinese);
        const second = testEvent('MembersChanged', big, { schemaVersion: 2 });
        const before = await get().headPosition();
        const result = await get().appendToStream(streamId, [first, second], { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(1);

        const read = await collect(get().readStream(streamId));
        expect(read).toHaveLength(2);
        expect(read[0]).toMatchObject({ id: first.id, streamId, revision: 0, type: first.type, schemaVersion: 1 });
        expect(read[0].data).toEqual(chinese);
        expect(read[0].metadata).toEqual(first.metadata);
        expect(read[1]).toMatchObject({ id: second.id, revision: 1, type: second.type, schemaVersion: 2 });
        expect(read[1].data).toEqual(big);
        expect(Buffer.byteLength(JSON.stringify(read[1].data))).toBeGreaterThan(1_000_000);
        expect(read[0].position).toBeGreaterThan(before);
        expect(read[1].position).toBe(result.lastPosition);
        expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
        expect(read[0].hash).toMatch(/^[0-9a-f]{64}$/);
        expect(read[0].prevHash).toBeNull();
        expect(read[1].prevHash).toBe(read[0].hash);
      });
    });

    describe('revisions and positions', () => {
      it('numbers revisions per stream from 0 and positions globally, strictly increasing', async () => {
        const a = uniqueStreamId();
        const b = uniqueStreamId();
        const r1 = await get().appendToStream(a, [testEvent('A', 1), testEvent('A', 2), testEvent('A', 3)]);
        const r2 = await get().appendToStream(b, [testEvent('B', 1), testEvent('B', 2)]);
        const r3 = await get().appendToStream(a, [testEvent('A', 4)]);
        expect([r1.nextRevision, r2.nextRevision, r3.nextRevision]).toEqual([2, 1, 3]);
        expect(r2.lastPosition).toBeGreaterThan(r1.lastPosition);
        expect(r3.lastPosition).toBeGreaterThan(r2.lastPosition);
        const streamA = await collect(get().readStream(a));
        expect(streamA.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect(streamA.map((e) => e.data)).toEqual([1, 2, 3, 4]);
        expect(streamA[3].position).toBe(r3.lastPosition);
        expect(await get().headPosition()).toBeGreaterThanOrEqual(r3.lastPosition);
      });
    });

    describe('expected revision', () => {
      const conflict = async (promise: Promise<unknown>) => {
        const error = await promise.then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        return error as WrongExpectedRevision;
      };

      it("'no_stream' succeeds on a new stream and fails on an existing one with the actual revision", async () => {
        const s = uniqueStreamId();
        await get().appendToStream(s, [testEvent('E', 1)], { expectedRevision: 'no_stream' });
        const error = await conflict(get().appendToStream(s, [testEvent('E', 2)], { expectedRevision: 'no_stream' }));
        expect(error.actualRevision).toBe(0);
        expect(error.streamId).toBe(s);
        expect(error.code).toBe('event-store.wrong-expected-revision');
      });

      it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
        const s = uniqueStreamId();
        const error = await conflict(
          get().appendToStream(s, [testEvent('E', 1)], { expectedRevision: 'stream_exists' }),
        );
        expect(error.actualRevision).toBeNull();
        await get().appendToStream(s, [testEvent('E', 1)]);
        const ok = await get().appendToStream(s, [testEvent('E', 2)], { expectedRevision: 'stream_exists' });
        expect(ok.nextRevision).toBe(1);
      });

      it('an exact revision succeeds when it matches and fails otherwise', async () => {
        const s = uniqueStreamId();
        await conflict(get().appendToStream(s, [testEvent('E', 0)], { expectedRevision: 0 }));
        await get().appendToStream(s, [testEvent('E', 0), testEvent('E', 1)], { expectedRevision: 'no_stream' });
        const ok = await get().appendToStream(s, [testEvent('E', 2)], { expectedRevision: 1 });
        expect(ok.nextRevision).toBe(2);
        const stale = await conflict(get().appendToStream(s, [testEvent('E', 3)], { expectedRevision: 1 }));
        expect(stale.actualRevision).toBe(2);
        const ahead = await conflict(get().appendToStream(s, [testEvent('E', 3)], { expectedRevision: 7 }));
        expect(ahead.actualRevision).toBe(2);
        expect((await collect(get().readStream(s))).map((e) => e.data)).toEqual([0, 1, 2]);
      });

      it("'any' appends whatever the stream holds", async () => {
        const s = uniqueStreamId();
        expect((await get().appendToStream(s, [testEvent('E', 0)], { expectedRevision: 'any' })).nextRevision).toBe(0);
        expect((await get().appendToStream(s, [testEvent('E', 1)])).nextRevision).toBe(1);
      });

      it('50 concurrent appends with the same expected revision: exactly one wins', async () => {
        const s = uniqueStreamId();
        await get().appendToStream(s, [testEvent('E', 'seed')]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) => get().appendToStream(s, [testEvent('E', i)], { expectedRevision: 0 })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const o of lost) {
          expect(o.reason).toBeInstanceOf(WrongExpectedRevision);
          expect((o.reason as WrongExpectedRevision).actualRevision).toBe(1);
        }
        expect(await collect(get().readStream(s))).toHaveLength(2);
      });
    });

    describe('idempotent append', () => {
      it('re-appending the same events at the same expected revision returns the original result and writes nothing', async () => {
        const s = uniqueStreamId();
        const events = [testEvent('E', 1), testEvent('E', 2)];
        const first = await get().appendToStream(s, events, { expectedRevision: 'no_stream' });
        const head = await get().headPosition();
        const again = await get().appendToStream(s, events, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const more = await get().appendToStream(s, [testEvent('E', 3)], { expectedRevision: 1 });
        const thirdTime = await get().appendToStream(s, events, { expectedRevision: 'no_stream' });
        expect(thirdTime).toEqual(first);
        expect(await collect(get().readStream(s))).toHaveLength(3);
        expect(await get().headPosition()).toBeLessThanOrEqual(more.lastPosition);
        expect(more.lastPosition).toBeGreaterThan(head);
      });

      it("re-appending with 'any' is a no-op too", async () => {
        const s = uniqueStreamId();
        await get().appendToStream(s, [testEvent('E', 0)]);
        const events = [testEvent('E', 1), testEvent('E', 2)];
        const first = await get().appendToStream(s, events);
        expect(await get().appendToStream(s, events)).toEqual(first);
        expect(await get().appendToStream(s, events, { expectedRevision: 'stream_exists' })).toEqual(first);
        expect(await collect(get().readStream(s))).toHaveLength(3);
      });

      it('a partial overlap with stored events is an error and writes nothing', async () => {
        const s = uniqueStreamId();
        const [a, b] = [testEvent('E', 'a'), testEvent('E', 'b')];
        await get().appendToStream(s, [a, b], { expectedRevision: 'no_stream' });
        const error = await get()
          .appendToStream(s, [a, testEvent('E', 'c')], { expectedRevision: 'no_stream' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventId);
        const errorAny = await get()
          .appendToStream(s, [a, testEvent('E', 'd')])
          .catch((e: unknown) => e);
        expect(errorAny).toBeInstanceOf(DuplicateEventId);
        expect((await collect(get().readStream(s))).map((e) => e.data)).toEqual(['a', 'b']);
      });
    });

    describe('paging', () => {
      const count = 2_345;
      let streamId: string;
      beforeAll(async () => {
        streamId = uniqueStreamId();
        const events: NewEvent[] = Array.from({ length: count }, (_, i) => testEvent('Paged', { i }));
        for (let i = 0; i < count; i += 500) await get().appendToStream(streamId, events.slice(i, i + 500));
      });

      it('reads a stream forwards across pages, from a revision, up to maxCount', async () => {
        const all = await collect(get().readStream(streamId));
        expect(all.map((e) => e.revision)).toEqual(Array.from({ length: count }, (_, i) => i));
        const from = await collect(get().readStream(streamId, { fromRevision: 1_000, maxCount: 1_200 }));
        expect(from.map((e) => e.revision)).toEqual(Array.from({ length: 1_200 }, (_, i) => 1_000 + i));
      });

      it('reads a stream backwards across pages, from a revision, up to maxCount', async () => {
        const all = await collect(get().readStream(streamId, { direction: 'backwards' }));
        expect(all.map((e) => e.revision)).toEqual(Array.from({ length: count }, (_, i) => count - 1 - i));
        const last = await collect(get().readStream(streamId, { direction: 'backwards', maxCount: 1 }));
        expect(last.map((e) => e.revision)).toEqual([count - 1]);
        const from = await collect(
          get().readStream(streamId, { direction: 'backwards', fromRevision: 1_500, maxCount: 1_100 }),
        );
        expect(from.map((e) => e.revision)).toEqual(Array.from({ length: 1_100 }, (_, i) => 1_500 - i));
      });

      it('a missing stream yields nothing', async () => {
        expect(await collect(get().readStream(uniqueStreamId('missing')))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns every event in strictly increasing position order, from a position, up to maxCount', async () => {
        const start = (await get().headPosition()) + 1;
        const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
        const written: string[] = [];
        for (let round = 0; round < 5; round++) {
          for (const s of streams) {
            const batch = [testEvent('R', { round }), testEvent('R', { round })];
            await get().appendToStream(s, batch);
            written.push(...batch.map((e) => e.id));
          }
        }
        const read = await collect(get().readAll({ fromPosition: start }));
        const ours = read.filter((e) => streams.includes(e.streamId));
        expect(ours.map((e) => e.id)).toEqual(written);
        expectStrictlyIncreasing(read);
        const page = await collect(get().readAll({ fromPosition: ours[3].position, maxCount: 4 }));
        expect(page.map((e) => e.position)).toEqual(ours.slice(3, 7).map((e) => e.position));
      });
    });

    describe('bad input is a typed error and writes nothing', () => {
      const cases: [string, () => [unknown, unknown, unknown?], string, string][] = [
        ['an empty stream id', () => ['', [testEvent('E', 1)]], 'stream-id.empty', 'streamId'],
        ['an over-long stream id', () => ['s'.repeat(5_000), [testEvent('E', 1)]], 'stream-id.too-long', 'streamId'],
        [
          'a stream id with control characters',
          () => ['bad\nid', [testEvent('E', 1)]],
          'stream-id.invalid',
          'streamId',
        ],
        ['no events', () => [uniqueStreamId(), []], 'events.empty', 'events'],
        [
          'an event without a type',
          () => [uniqueStreamId(), [{ ...testEvent('E', 1), type: undefined }]],
          'event.type.missing',
          'events[0].type',
        ],
        [
          'an event with an empty type',
          () => [uniqueStreamId(), [testEvent('', 1)]],
          'event.type.missing',
          'events[0].type',
        ],
        [
          'an event id that is not a UUID',
          () => [uniqueStreamId(), [{ ...testEvent('E', 1), id: 'x' }]],
          'event.id.invalid',
          'events[0].id',
        ],
        [
          'the same id twice in one append',
          () => {
            const e = testEvent('E', 1);
            return [uniqueStreamId(), [e, { ...e }]];
          },
          'event.id.repeated',
          'events[1].id',
        ],
        [
          'data with a function',
          () => [uniqueStreamId(), [testEvent('E', { f: () => 1 })]],
          'event.not-json',
          'events[0].data.f',
        ],
        [
          'data with a bigint',
          () => [uniqueStreamId(), [testEvent('E', { n: BigInt(1) })]],
          'event.not-json',
          'events[0].data.n',
        ],
        [
          'data with NaN',
          () => [uniqueStreamId(), [testEvent('E', [1, Number.NaN])]],
          'event.not-json',
          'events[0].data[1]',
        ],
        [
          'data with a cycle',
          () => {
            const d: Record<string, unknown> = {};
            d['self'] = d;
            return [uniqueStreamId(), [testEvent('E', d)]];
          },
          'event.not-json',
          'events[0].data.self',
        ],
        [
          'data with a lone surrogate (no UTF-8 form: the stored text would not match its hash)',
          () => [uniqueStreamId(), [testEvent('E', { note: 'a\uD800b' })]],
          'event.not-json',
          'events[0].data.note',
        ],
        [
          'data with a Date (JSON would turn it into a string)',
          () => [uniqueStreamId(), [testEvent('E', { at: new Date(0) })]],
          'event.not-json',
          'events[0].data.at',
        ],
        [
          'data that is undefined',
          () => [uniqueStreamId(), [testEvent('E', undefined)]],
          'event.not-json',
          'events[0].data',
        ],
        [
          'metadata without a correlation id',
          () => {
            const e = testEvent('E', 1);
            return [uniqueStreamId(), [{ ...e, metadata: { ...e.metadata, correlationId: undefined } }]];
          },
          'event.metadata.correlation-id.missing',
          'events[0].metadata.correlationId',
        ],
        [
          'a negative expected revision',
          () => [uniqueStreamId(), [testEvent('E', 1)], { expectedRevision: -1 }],
          'expected-revision.invalid',
          'expectedRevision',
        ],
        [
          'a fractional expected revision',
          () => [uniqueStreamId(), [testEvent('E', 1)], { expectedRevision: 1.5 }],
          'expected-revision.invalid',
          'expectedRevision',
        ],
      ];
      it.each(cases)('%s', async (_name, make, code, field) => {
        const [streamId, events, options] = make();
        const before = await get().headPosition();
        const error = await (get().appendToStream as (...a: unknown[]) => Promise<unknown>)(
          streamId,
          events,
          options,
        ).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidAppend);
        expect(error).toBeInstanceOf(EventStoreError);
        expect((error as InvalidAppend).code).toBe(code);
        expect((error as InvalidAppend).field).toBe(field);
        expect(await get().headPosition()).toBe(before);
        if (typeof streamId === 'string' && streamId.length > 0 && streamId.length < 200) {
          expect(await collect(get().readStream(streamId))).toEqual([]);
        }
      });

      it('a bad append does not fail good appends made at the same time', async () => {
        // Independent streams: concurrent appends to one stream have no defined order unless
        // an adapter batches them (the SQLite one does, PostgreSQL runs them side by side).
        const [first, second] = [uniqueStreamId(), uniqueStreamId()];
        const results = await Promise.allSettled([
          get().appendToStream(first, [testEvent('E', 1)], { expectedRevision: 'no_stream' }),
          get().appendToStream(uniqueStreamId(), [testEvent('E', { f: Symbol('x') })]),
          get().appendToStream(second, [testEvent('E', 2)], { expectedRevision: 'no_stream' }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((await collect(get().readStream(first))).map((e) => e.data)).toEqual([1]);
        expect((await collect(get().readStream(second))).map((e) => e.data)).toEqual([2]);
      });
    });

    multiStreamAppendConformance(get, options.multiStreamAppend ?? true);
    subscriptionConformance(get);
    commandHandlerConformance(get);
  });
}

/** Asserts positions strictly increase along the list. */
export function expectStrictlyIncreasing(events: readonly StoredEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (!(events[i].position > events[i - 1].position)) {
      throw new Error(`position ${events[i].position} at index ${i} does not follow ${events[i - 1].position}`);
    }
  }
}
