import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  commandDigest,
  foldStream,
  IdempotencyKeyReused,
  handleCommand,
  StreamStates,
  type CommandContext,
  type Decider,
  type EventStore,
} from '@relapse-watch/event-store-core';
import { collect, uniqueStreamId } from './fixtures';

// A tally with a cap: small enough to read at a glance, with one invariant to violate.
type TallyCommand = { type: 'Add'; data: { amount: number } };
type TallyEvent = { type: 'Added'; data: { amount: number } } | { type: 'CapReached'; data: { total: number } };
type TallyState = { total: number };
const CAP = 100;

class CapExceeded extends Error {}

const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: { total: 0 },
  decide(command, state) {
    if (state.total + command.data.amount > CAP) throw new CapExceeded('cap exceeded');
    const added: TallyEvent = { type: 'Added', data: { amount: command.data.amount } };
    return state.total + command.data.amount === CAP ? [added, { type: 'CapReached', data: { total: CAP } }] : [added];
  },
  evolve(state, event) {
    return event.type === 'Added' ? { total: state.total + event.data.amount } : state;
  },
};

function ctx(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    now: new Date('2024-08-20T10:00:00Z'),
    actor: { userId: 'u-1', role: 'county-official' },
    divisionCode: '510104000000',
    correlationId: randomUUID(),
    ...overrides,
  };
}

/** handleCommand cases of the event-store conformance suite (they need a real store's concurrency). */
export function commandHandlerConformance(get: () => EventStore): void {
  describe('handleCommand', () => {
    it('decides, appends with metadata from the context, and returns the new state', async () => {
      const s = uniqueStreamId('tally');
      const context = ctx({ causationId: randomUUID() });
      const first = await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 60 } }, context);
      const second = await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 40 } }, ctx());
      expect(first.state.total).toBe(60);
      expect(second.state.total).toBe(100);
      expect(second.events.map((e) => e.type)).toEqual(['Added', 'CapReached']);
      expect(second.nextRevision).toBe(2);
      const stored = await collect(get().readStream(s));
      expect(stored.map((e) => e.type)).toEqual(['Added', 'Added', 'CapReached']);
      expect(stored[0].metadata).toEqual({
        actor: context.actor,
        divisionCode: context.divisionCode,
        correlationId: context.correlationId,
        causationId: context.causationId,
        occurredAt: '2024-08-20T10:00:00.000Z',
      });
      expect(stored[2].position).toBe(second.lastPosition);
    });

    it('a domain error propagates and writes nothing', async () => {
      const s = uniqueStreamId('tally');
      await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 90 } }, ctx());
      await expect(handleCommand(get(), s, tally, { type: 'Add', data: { amount: 20 } }, ctx())).rejects.toBeInstanceOf(
        CapExceeded,
      );
      expect(await collect(get().readStream(s))).toHaveLength(1);
    });

    it('the same idempotency key twice produces no second set of events', async () => {
      const s = uniqueStreamId('tally');
      const key = randomUUID();
      const first = await handleCommand(
        get(),
        s,
        tally,
        { type: 'Add', data: { amount: 100 } },
        ctx({ idempotencyKey: key }),
      );
      // Deciding again would throw CapExceeded: the replay must not decide at all.
      const again = await handleCommand(
        get(),
        s,
        tally,
        { type: 'Add', data: { amount: 100 } },
        ctx({ idempotencyKey: key }),
      );
      expect(again.replayed).toBe(true);
      expect(again.events).toEqual(first.events);
      expect(again.nextRevision).toBe(first.nextRevision);
      expect(again.lastPosition).toBe(first.lastPosition);
      expect(await collect(get().readStream(s))).toHaveLength(2);
    });

    it('refuses an idempotency key sent again with another command, writing nothing', async () => {
      const s = uniqueStreamId('tally');
      const key = randomUUID();
      await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 10 } }, ctx({ idempotencyKey: key }));
      const [stored] = await collect(get().readStream(s));
      expect(stored?.metadata.commandDigest).toBe(commandDigest({ type: 'Add', data: { amount: 10 } }));
      await expect(
        handleCommand(get(), s, tally, { type: 'Add', data: { amount: 20 } }, ctx({ idempotencyKey: key })),
      ).rejects.toBeInstanceOf(IdempotencyKeyReused);
      expect(await collect(get().readStream(s))).toHaveLength(1);
      // The same command with the key still replays.
      const again = await handleCommand(
        get(),
        s,
        tally,
        { type: 'Add', data: { amount: 10 } },
        ctx({ idempotencyKey: key }),
      );
      expect(again.replayed).toBe(true);
    });

    it('retries on a concurrency conflict: 20 concurrent commands on one stream all land once', async () => {
      const s = uniqueStreamId('tally');
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          handleCommand(get(), s, tally, { type: 'Add', data: { amount: 1 } }, ctx({ maxAttempts: 50 })),
        ),
      );
      expect(results.every((r) => !r.replayed)).toBe(true);
      const stored = await collect(get().readStream(s));
      expect(stored).toHaveLength(20);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('with the revision the caller saw: refuses when the stream moved on, decides when it did not', async () => {
      const s = uniqueStreamId('tally');
      await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 10 } }, ctx());
      await handleCommand(get(), s, tally, { type: 'Add', data: { amount: 10 } }, ctx());
      const stale = handleCommand(get(), s, tally, { type: 'Add', data: { amount: 1 } }, ctx({ expectedRevision: 0 }));
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevision', actualRevision: 1 });
      const fresh = await handleCommand(
        get(),
        s,
        tally,
        { type: 'Add', data: { amount: 1 } },
        ctx({ expectedRevision: 1 }),
      );
      expect(fresh.nextRevision).toBe(2);
      await expect(
        handleCommand(
          get(),
          uniqueStreamId('tally'),
          tally,
          { type: 'Add', data: { amount: 1 } },
          ctx({ expectedRevision: 0 }),
        ),
      ).rejects.toMatchObject({
        actualRevision: null,
      });
      expect((await collect(get().readStream(s))).map((e) => (e.data as { amount: number }).amount)).toEqual([
        10, 10, 1,
      ]);
    });

    it('foldStream gives the state of the whole stream, or after its first maxCount events, writing nothing', async () => {
      const s = uniqueStreamId('tally');
      for (const amount of [10, 20, 30]) await handleCommand(get(), s, tally, { type: 'Add', data: { amount } }, ctx());
      expect(await foldStream(get(), s, tally)).toEqual({ total: 60 });
      expect(await foldStream(get(), s, tally, { maxCount: 2 })).toEqual({ total: 30 });
      expect(await foldStream(get(), uniqueStreamId('tally'), tally)).toEqual({ total: 0 });
      expect(await collect(get().readStream(s))).toHaveLength(3);
    });

    it('StreamStates gives the state after each event, reading a stream from the store once at most', async () => {
      const s = uniqueStreamId('tally');
      for (const amount of [10, 20, 30]) await handleCommand(get(), s, tally, { type: 'Add', data: { amount } }, ctx());
      const events = await collect(get().readStream(s));
      let reads = 0;
      const counting = new Proxy(get(), {
        get: (target, key) =>
          key === 'readStream'
            ? (...args: Parameters<EventStore['readStream']>) => (reads++, target.readStream(...args))
            : Reflect.get(target, key),
      });
      // In order from the start: no read at all.
      const inOrder = new StreamStates(counting, tally);
      const totals = [];
      for (const e of events) totals.push((await inOrder.after(e)).total);
      expect(totals).toEqual([10, 30, 60]);
      expect(reads).toBe(0);
      // Starting mid-stream folds once, then carries on; the same event again gives the same state.
      const midway = new StreamStates(counting, tally);
      expect(await midway.after(events[1])).toEqual({ total: 30 });
      expect(await midway.after(events[1])).toEqual({ total: 30 });
      expect(await midway.after(events[2])).toEqual({ total: 60 });
      expect(reads).toBe(1);
      // A stream dropped from a full cache is folded again when it comes back out of order.
      const small = new StreamStates(counting, tally, { maxStreams: 1 });
      const other = uniqueStreamId('tally');
      await handleCommand(get(), other, tally, { type: 'Add', data: { amount: 5 } }, ctx());
      const [otherEvent] = await collect(get().readStream(other));
      expect(await small.after(events[0])).toEqual({ total: 10 });
      expect(await small.after(otherEvent)).toEqual({ total: 5 });
      expect(await small.after(events[1])).toEqual({ total: 30 });
      expect(reads).toBe(2);
    });

    it('gives up after maxAttempts conflicts with the typed conflict error', async () => {
      const s = uniqueStreamId('tally');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          handleCommand(get(), s, tally, { type: 'Add', data: { amount: 1 } }, ctx({ maxAttempts: 1 })),
        ),
      );
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected.length).toBeGreaterThan(0);
      for (const r of rejected) expect((r.reason as Error).name).toBe('WrongExpectedRevision');
      expect(await collect(get().readStream(s))).toHaveLength(10 - rejected.length);
    });
  });
}
