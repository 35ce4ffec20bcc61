import type { EventFilter, EventSubscription, StoredEvent, SubscribeToAllOptions } from './types';

/** What an adapter gives {@link catchUpSubscription}: paged reads of the log and a wake-up. */
export interface LogSource {
  /** Up to `limit` events with position > `afterPosition`, in position order, committed only. */
  readPage(afterPosition: number, limit: number): Promise<readonly StoredEvent[]>;
  /**
   * Resolves when events after `afterPosition` may have been committed, or after a poll
   * interval, or when `signal` aborts — whichever comes first. Spurious wake-ups are fine.
   */
  waitForNewEvents(afterPosition: number, signal: AbortSignal): Promise<void>;
}

/** Events read per page by a catch-up subscription. */
export const SUBSCRIPTION_PAGE_SIZE = 256;

/** True when the event passes the filter. */
export function matchesFilter(event: StoredEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}

/**
 * A catch-up-then-live subscription over any log that can be read in position order.
 * Order, no-gap and no-duplicate follow from reading strictly after the last position
 * seen; the adapter's `readPage` must only return events whose position can no longer be
 * preceded by a later commit (true for SQLite's single writer; PostgreSQL needs a safe
 * high-water mark).
 */
export function catchUpSubscription(source: LogSource, options: SubscribeToAllOptions = {}): EventSubscription {
  const abort = new AbortController();
  let inFlight: Promise<unknown> = Promise.resolve();
  let started = false;
  const filter = options.filter;

  async function* run(): AsyncGenerator<StoredEvent> {
    let position = options.fromPosition ?? 0;
    while (!abort.signal.aborted) {
      const read = source.readPage(position, SUBSCRIPTION_PAGE_SIZE);
      inFlight = read.catch(() => undefined);
      const page = await read;
      if (page.length === 0) {
        const wait = source.waitForNewEvents(position, abort.signal);
        inFlight = wait.catch(() => undefined);
        await wait;
        continue;
      }
      for (const event of page) {
        if (abort.signal.aborted) return;
        position = event.position;
        if (matchesFilter(event, filter)) yield event;
      }
    }
  }

  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A subscription can be iterated only once');
      started = true;
      return run();
    },
    async stop() {
      abort.abort();
      await inFlight;
    },
  };
}

/**
 * The subscriptions an adapter has open, so `close()` can stop them all: a subscription
 * stopped by its owner leaves the set by itself.
 */
export class OpenSubscriptions {
  private readonly open = new Set<EventSubscription>();

  /** Registers the subscription and returns it with a `stop` that also unregisters it. */
  track(subscription: EventSubscription): EventSubscription {
    this.open.add(subscription);
    const stop = subscription.stop.bind(subscription);
    return Object.assign(subscription, {
      stop: async () => {
        this.open.delete(subscription);
        await stop();
      },
    });
  }

  /** Stops every subscription still open. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((s) => s.stop()));
  }
}
