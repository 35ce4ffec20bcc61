import { describe, expect, it } from '@jest/globals';
import type { EventStore, EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';
import { testEvent, uniqueStreamId } from './fixtures';

/** Iterates a subscription until `count` events arrived, then stops it. */
export async function take(subscription: EventSubscription, count: number): Promise<StoredEvent[]> {
  const got: StoredEvent[] = [];
  if (count > 0) {
    for await (const event of subscription) {
      got.push(event);
      if (got.length >= count) break;
    }
  }
  await subscription.stop();
  return got;
}

/** `writers` concurrent writers, each appending `perWriter` events in batches of 1–5 to its own streams. */
async function concurrentWriters(
  store: EventStore,
  prefix: string,
  writers: number,
  perWriter: number,
): Promise<string[]> {
  const ids: string[][] = Array.from({ length: writers }, () => []);
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let written = 0;
      let round = 0;
      while (written < perWriter) {
        const size = Math.min(1 + ((w + round) % 5), perWriter - written);
        const batch = Array.from({ length: size }, () => testEvent('Written', { w, round }));
        await store.appendToStream(`${prefix}-w${w}-${round % 3}`, batch);
        ids[w].push(...batch.map((e) => e.id));
        written += size;
        round++;
      }
    }),
  );
  return ids.flat();
}

function expectExactlyOnceInOrder(received: readonly StoredEvent[], expectedIds: readonly string[]): void {
  const receivedIds = received.map((e) => e.id);
  expect(new Set(receivedIds).size).toBe(receivedIds.length);
  expect([...receivedIds].sort()).toEqual([...expectedIds].sort());
  for (let i = 1; i < received.length; i++) expect(received[i].position).toBeGreaterThan(received[i - 1].position);
}

/** Catch-up subscription cases of the event-store conformance suite. */
export function subscriptionConformance(get: () => EventStore): void {
  describe('subscribeToAll', () => {
    it('from zero, while 8 writers append concurrently: every event exactly once, in position order', async () => {
      const prefix = uniqueStreamId('sub-zero');
      const before = await concurrentWriters(get(), prefix, 8, 50);
      const subscription = get().subscribeToAll({ filter: { streamPrefixes: [prefix] } });
      const receiving = take(subscription, 8 * 250);
      const during = await concurrentWriters(get(), prefix, 8, 200);
      const received = await receiving;
      expectExactlyOnceInOrder(received, [...before, ...during]);
    });

    it('from a stored checkpoint, while 8 writers append: exactly the events after it', async () => {
      const prefix = uniqueStreamId('sub-checkpoint');
      const before = await concurrentWriters(get(), prefix, 8, 30);
      const first = await take(get().subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 100);
      const checkpoint = first[first.length - 1].position;
      const subscription = get().subscribeToAll({ fromPosition: checkpoint, filter: { streamPrefixes: [prefix] } });
      const receiving = take(subscription, 140 + 8 * 100);
      const during = await concurrentWriters(get(), prefix, 8, 100);
      const received = await receiving;
      const afterCheckpoint = before.filter((id) => !first.some((e) => e.id === id));
      expectExactlyOnceInOrder(received, [...afterCheckpoint, ...during]);
      expect(received[0].position).toBeGreaterThan(checkpoint);
    });

    it('filters by event type', async () => {
      const s = uniqueStreamId('sub-filter');
      await get().appendToStream(s, [testEvent('Kept', 1), testEvent('Dropped', 2), testEvent('Kept', 3)]);
      const got = await take(get().subscribeToAll({ filter: { streamPrefixes: [s], eventTypes: ['Kept'] } }), 2);
      expect(got.map((e) => e.data)).toEqual([1, 3]);
    });

    it('stops: a stopped subscription ends its iteration', async () => {
      const s = uniqueStreamId('sub-stop');
      const subscription = get().subscribeToAll({
        fromPosition: await get().headPosition(),
        filter: { streamPrefixes: [s] },
      });
      const seen: StoredEvent[] = [];
      const loop = (async () => {
        for await (const e of subscription) seen.push(e);
      })();
      await get().appendToStream(s, [testEvent('E', 1)]);
      while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
      await subscription.stop();
      await loop;
      await get().appendToStream(s, [testEvent('E', 2)]);
      expect(seen.map((e) => e.data)).toEqual([1]);
    });
  });
}
