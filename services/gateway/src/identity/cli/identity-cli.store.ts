import { assertStoreFormat, checkStoreFormat, newEventId, type EventStore } from '@relapse-watch/event-store-core';
import { loadCommandLineConfig } from '@relapse-watch/service-runtime/config';
import { IdentityCommands } from '../application/identity-commands';
import { IdentityQueries } from '../application/identity-queries';
import { PasswordHasher } from '../application/password-hasher';
import { loadIdentityConfig } from '../config/identity.config';
import type { IdentityCliIo } from './identity-cli-io';

/** The identity services on the event store the server uses (DATA_DIR or EVENT_STORE_URL). */
export interface IdentityCliSession {
  readonly commands: IdentityCommands;
  readonly queries: IdentityQueries;
}

/**
 * Opens the server's event store, as the server's own configuration names it (without the
 * access-token keys: the command line mints no token), checks its format as a server's start
 * does (an empty store is stamped, one of another format refused), runs `work` and closes it.
 * The runtime (and with it NestJS and the drivers) is loaded only here.
 */
export async function withIdentityStore<T>(
  io: IdentityCliIo,
  work: (session: IdentityCliSession) => Promise<T>,
): Promise<T> {
  const env = io.env ?? {};
  const config = loadCommandLineConfig(env, io.cwd);
  const identity = loadIdentityConfig(env);
  const runtime = await import('@relapse-watch/service-runtime');
  const store: EventStore = await runtime.openReachable(
    'EVENT_STORE_URL',
    config.eventStore.url,
    () => runtime.openEventStore(config.eventStore),
    runtime.ADAPTER_CONNECT_TIMEOUT_MS,
  );
  try {
    assertStoreFormat(
      await checkStoreFormat(store, {
        eventId: newEventId(),
        now: new Date().toISOString(),
        stampedBy: 'relapse-watch users/clients',
      }),
    );
    const hasher = new PasswordHasher(identity.argon2);
    return await work({ commands: new IdentityCommands(store, hasher), queries: new IdentityQueries(store) });
  } finally {
    await store.close();
  }
}
