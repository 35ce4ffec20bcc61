import type { EventStore } from '@relapse-watch/event-store-core';
import { PostgresEventStore } from '@relapse-watch/event-store-postgres';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { assertNever } from '../config/assert-never';
import { ConfigError, maskValue } from '../config/config.errors';
import type { EventStoreTarget } from '../config/store-url.config';

/**
 * Opens the event store adapter `EVENT_STORE_URL` names and, for a server, proves it answers
 * (PostgreSQL: the schema is checked or created, then the head position read). Adapters this
 * build does not carry yet are refused with a {@link ConfigError}, so start-up stops with one
 * clear line instead of quietly running on another store.
 */
export async function openEventStore(target: EventStoreTarget): Promise<EventStore> {
  switch (target.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ path: target.path });
    case 'postgres': {
      const store = await PostgresEventStore.open({ connectionString: target.connectionString, schema: target.schema });
      try {
        await store.headPosition();
      } catch (error) {
        await store.close();
        throw error;
      }
      return store;
    }
    case 'kurrentdb':
      throw notAvailable('EVENT_STORE_URL', target.kind, target.url);
    default:
      return assertNever(target);
  }
}

/** The error for an adapter that parses but is not part of this build. */
export function notAvailable(variable: string, kind: string, url: string): ConfigError {
  return new ConfigError(variable, `此版本尚不支持 ${kind} / ${kind} is not available in this build yet`, maskValue(url));
}
