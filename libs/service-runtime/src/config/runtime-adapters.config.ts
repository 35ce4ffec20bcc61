import type { EventStore } from '@relapse-watch/event-store-core';
import {
  assertMasterKeysHold,
  PersonalDataEventStore,
  PersonalDataVault,
  type KeyStore,
} from '@relapse-watch/key-store-core';
import type { Bus } from '@relapse-watch/messaging-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import type { Logger } from 'pino';
import { openBus } from '../bus/bus.factory';
import { openEventStore } from '../event-store/event-store.factory';
import { openReadStore } from '../read-store/read-store.factory';
import { openKeyStore } from '../personal-data/personal-data.factory';
import { openMasterKeyring } from '../personal-data/master-keys.file';
import { ADAPTER_CONNECT_TIMEOUT_MS, openReachable } from './adapter-reachability.config';
import { ConfigError } from './config.errors';
import type { RuntimeConfig } from './runtime.config';

/** The adapters a service runs on, open and answering. */
export interface RuntimeAdapters {
  /** Seals every event's `data.personal` under its household's data key, and opens it on every read. */
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly bus: Bus;
  /** The households' data keys (the event store's vault uses it; closed after the event store). */
  readonly keyStore: KeyStore;
  /** Seals, opens and erases personal data: the one the event store uses, so an erasure is seen at once. */
  readonly vault: PersonalDataVault;
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
  // A bad master key stops the start before anything is opened.
  const keyring = openMasterKeyring(config.personalData.masterKeys);
  const log = options.logger.child({ component: 'kafka' });
  const [eventStore, readStore, bus, keyStore] = await Promise.allSettled([
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
    openReachable(
      'KEY_STORE_URL',
      config.personalData.keyStore.url,
      () => openKeyStore(config.personalData.keyStore),
      timeoutMs,
    ),
  ]);
  if (
    eventStore.status === 'fulfilled' &&
    readStore.status === 'fulfilled' &&
    bus.status === 'fulfilled' &&
    keyStore.status === 'fulfilled'
  ) {
    // Data keys wrapped by a master key this configuration lacks: sealing more would split the store.
    const refusal = await assertMasterKeysHold(keyStore.value, keyring).then(
      () => null,
      (error: unknown) => new ConfigError('MASTER_KEYS', (error as Error).message),
    );
    if (refusal !== null) {
      await closeRuntimeAdapters({
        bus: bus.value,
        readStore: readStore.value,
        eventStore: eventStore.value,
        keyStore: keyStore.value,
      });
      throw refusal;
    }
    const vault = new PersonalDataVault(keyStore.value, keyring);
    return {
      eventStore: new PersonalDataEventStore(eventStore.value, vault),
      readStore: readStore.value,
      bus: bus.value,
      keyStore: keyStore.value,
      vault,
    };
  }
  await closeRuntimeAdapters({
    bus: bus.status === 'fulfilled' ? bus.value : undefined,
    readStore: readStore.status === 'fulfilled' ? readStore.value : undefined,
    eventStore: eventStore.status === 'fulfilled' ? eventStore.value : undefined,
    keyStore: keyStore.status === 'fulfilled' ? keyStore.value : undefined,
  });
  const failed = [eventStore, readStore, bus, keyStore].find((result) => result.status === 'rejected');
  throw (failed as PromiseRejectedResult).reason;
}

/**
 * Closes what is open in shutdown order, bus before stores, ignoring close failures: used
 * only when start-up is abandoned (a running service closes through `ShutdownSequence`).
 */
export async function closeRuntimeAdapters(adapters: Partial<Omit<RuntimeAdapters, 'vault'>>): Promise<void> {
  await adapters.bus?.close().catch(() => undefined);
  await Promise.allSettled([adapters.readStore?.close(), adapters.eventStore?.close(), adapters.keyStore?.close()]);
}
