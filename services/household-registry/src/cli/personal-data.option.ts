import {
  assertMasterKeysHold,
  PersonalDataEventStore,
  PersonalDataVault,
  type KeyStore,
} from '@relapse-watch/key-store-core';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteKeyStore } from '@relapse-watch/key-store-sqlite';
import { ConfigError, openMasterKeyring, type PersonalDataConfig } from '@relapse-watch/service-runtime/config';

/** An event store that seals personal data as the server's does, with the vault that can erase it. */
export interface SealingEventStore {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  /** Closes the event store, then the key store. */
  close(): Promise<void>;
}

/**
 * Wraps the CLI's event store in the server's sealing (`KEY_STORE_URL`, `MASTER_KEYS`), so every
 * event the CLI writes holds personal data only sealed under its household's key. A SQLite key
 * store opens here; a server one through the runtime's factory, loaded only then (as for the
 * event store: the runtime brings NestJS and every driver).
 */
export async function sealingEventStore(inner: EventStore, config: PersonalDataConfig): Promise<SealingEventStore> {
  const keyring = openMasterKeyring(config.masterKeys);
  let keyStore: KeyStore;
  if (config.keyStore.kind === 'sqlite') keyStore = SqliteKeyStore.open(config.keyStore.path);
  else {
    const runtime = await import('@relapse-watch/service-runtime');
    keyStore = await runtime.openKeyStore(config.keyStore);
  }
  // Keys wrapped by a master key the CLI lacks (a key file made here beside a server that has
  // MASTER_KEYS configured): refused before anything is sealed under a key the server cannot open.
  try {
    await assertMasterKeysHold(keyStore, keyring);
  } catch (error) {
    await keyStore.close();
    throw new ConfigError('MASTER_KEYS', (error as Error).message);
  }
  // A bulk import uses each household's key once, in batches of a few hundred: a small cache keeps
  // the import's memory flat (the server's default of 50,000 keys cost ~100 MB of RSS here).
  const vault = new PersonalDataVault(keyStore, keyring, { cacheSize: 4_096 });
  return {
    store: new PersonalDataEventStore(inner, vault),
    vault,
    async close() {
      await inner.close().finally(() => keyStore.close());
    },
  };
}
