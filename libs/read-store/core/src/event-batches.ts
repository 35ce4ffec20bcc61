import type { EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';

const IDLE = Symbol('idle');

/** Resolves after the current turn: once every event already read has been handed out. */
const turnEnds = () => new Promise<typeof IDLE>((resolve) => setImmediate(() => resolve(IDLE)));

/**
 * Groups a subscription's events into batches of at most `max` events, or fewer when no
 * more are already at hand. A subscription hands out the rest of a page it has read in
 * microtasks, while waiting for new commits or for I/O needs a later turn of the event
 * loop, so racing each read against the end of the turn gives "whatever is available".
 */
export async function* eventBatches(subscription: EventSubscription, max: number): AsyncGenerator<StoredEvent[]> {
  const events = subscription[Symbol.asyncIterator]();
  // A read that lost the race against the end of the turn: the next batch starts with it.
  let pending: Promise<IteratorResult<StoredEvent>> | null = null;
  try {
    for (;;) {
      const first = await (pending ?? events.next());
      pending = null;
      if (first.done) return;
      const batch = [first.value];
      const idle = turnEnds();
      while (batch.length < max) {
        pending = events.next();
        const next = await Promise.race([pending, idle]);
        if (next === IDLE) break;
        pending = null;
        if (next.done) {
          yield batch;
          return;
        }
        batch.push(next.value);
      }
      yield batch;
    }
  } finally {
    // Left behind when the consumer stops early: it must not become an unhandled rejection.
    void pending?.catch(() => undefined);
  }
}
