import type { AllStreamSubscription, KurrentDBClient, ReadPosition } from '@kurrent/kurrentdb-client';
import {
  matchesFilter,
  type EventSubscription,
  type StoredEvent,
  type SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import { lastPositionAtOrBefore } from './all-log-reader';
import { storedEventFrom } from './event-envelope';
import { readPositionOf, serverFilterFor } from './positions';

/**
 * A catch-up subscription to $all through KurrentDB's own (not persistent) subscription:
 * the server reads the stored events after the checkpoint, then switches to live ones, in
 * log order. Our exact filter and the envelope check run here on top of the server filter.
 *
 * A checkpoint that is not a record boundary makes the server fail the subscription before
 * it delivers anything; it is then restarted once from the last event at or before the
 * checkpoint, delivering only what comes after the checkpoint. A failure after that (the
 * connection lost, the server restarting) ends the iteration with the error: the caller
 * resubscribes from its stored checkpoint, which is what the relay does anyway.
 */
export function subscribeToAllEvents(client: KurrentDBClient, options: SubscribeToAllOptions = {}): EventSubscription {
  const after = options.fromPosition ?? 0;
  const filter = options.filter;
  let current: AllStreamSubscription | null = null;
  let stopped = false;
  let started = false;

  const open = (from: ReadPosition): AllStreamSubscription => {
    current = client.subscribeToAll({ fromPosition: from, filter: serverFilterFor(filter) });
    return current;
  };

  async function* run(): AsyncGenerator<StoredEvent> {
    let subscription = open(readPositionOf(after));
    let delivered = false;
    let restarted = false;
    try {
      for (;;) {
        try {
          for await (const resolved of subscription) {
            delivered = true;
            if (stopped) return;
            const event = storedEventFrom(resolved.event);
            if (!event || event.position <= after || !matchesFilter(event, filter)) continue;
            yield event;
            if (stopped) return;
          }
          return;
        } catch (error) {
          if (stopped) return;
          if (delivered || restarted || after <= 0) throw error;
          restarted = true;
          await subscription.unsubscribe().catch(() => undefined);
          const from = await lastPositionAtOrBefore(client, after);
          if (stopped) return;
          subscription = open(from);
        }
      }
    } finally {
      // A consumer breaking out early, or an error, must end the server call too.
      await current?.unsubscribe().catch(() => undefined);
    }
  }

  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A subscription can be iterated only once');
      started = true;
      return run();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await current?.unsubscribe().catch(() => undefined);
    },
  };
}
