import type { EventStore } from '@relapse-watch/event-store-core';
import type { Bus } from '@relapse-watch/messaging-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import type { Logger } from 'pino';
import { openBus } from '../bus/bus.factory';
import { openEventStore } from '../event-store/event-store.factory';
import { openReadStore } from '../read-store/read-store.factory';
import { ADAPTER_CONNECT_TIMEOUT_MS, openReachable } from './adapter-reachability.config';
import type { RuntimeConfig } from './runtime.config';

/** The three adapters a service runs on, open and answering. */
export interface RuntimeAdapters {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly bus: Bus;
}

/** Options of {@link openRuntimeAdapters}. */
export interface OpenRuntimeAdaptersOptions {
  /** The service's name: the Kafka client id. */
  readonly clientId: string;
  /** Where the Kafka client's warnings go. */
  readonly logger: Logger;
  /** Per adapter; default {@link ADAPTER_CONNECT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * Opens the event store, read store and bus the configuration names, all at once, each
 * proven to answer within the timeout. If any cannot be opened, the others are closed again
 * and the failure of the first in variable order (EVENT_STORE_URL, READ_STORE_URL, BUS_URL)
 * is thrown: a {@link ConfigError} naming that variable.
 */
export async function openRuntimeAdapters(
  config: RuntimeConfig,
  options: OpenRuntimeAdaptersOptions,
): Promise<RuntimeAdapters> {
  const timeoutMs = options.timeoutMs ?? ADAPTER_CONNECT_TIMEOUT_MS;
  const log = options.logger.child({ component: 'kafka' });
  const [eventStore, readStore, bus] = await Promise.allSettled([
    openReachable('EVENT_STORE_URL', config.eventStore.url, () => openEventStore(config.eventStore), timeoutMs),
    openReachable(
      'READ_STORE_URL',
      config.readStore.url,
      // A little under the deadline, so the driver's own reason (e.g. ECONNREFUSED) is usually what is reported.
      () => openReadStore(config.readStore, { serverSelectionTimeoutMs: Math.max(1, Math.floor(timeoutMs * 0.9)) }),
      timeoutMs,
    ),
    openReachable(
      'BUS_URL',
      config.bus.url,
      () =>
        openBus(config.bus, {
          clientId: options.clientId,
          // kafkajs logs every retry it recovers from as an error; only warnings and worse are kept.
          log: (line) =>
            line.level === 'error' || line.level === 'warn'
              ? log[line.level]({ kafka: line.namespace }, line.message)
              : undefined,
        }),
      timeoutMs,
    ),
  ]);
  if (eventStore.status === 'fulfilled' && readStore.status === 'fulfilled' && bus.status === 'fulfilled') {
    return { eventStore: eventStore.value, readStore: readStore.value, bus: bus.value };
  }
  await closeRuntimeAdapters({
    bus: bus.status === 'fulfilled' ? bus.value : undefined,
    readStore: readStore.status === 'fulfilled' ? readStore.value : undefined,
    eventStore: eventStore.status === 'fulfilled' ? eventStore.value : undefined,
  });
  const failed = [eventStore, readStore, bus].find((result) => result.status === 'rejected');
  throw (failed as PromiseRejectedResult).reason;
}

/**
 * Closes what is open in shutdown order, bus before stores, ignoring close failures: used
 * only when start-up is abandoned (a running service closes through `ShutdownSequence`).
 */
export async function closeRuntimeAdapters(adapters: Partial<RuntimeAdapters>): Promise<void> {
  await adapters.bus?.close().catch(() => undefined);
  await Promise.allSettled([adapters.readStore?.close(), adapters.eventStore?.close()]);
}
