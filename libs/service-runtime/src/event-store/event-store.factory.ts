import type { EventStore } from '@relapse-watch/event-store-core';
import { KurrentDbEventStore } from '@relapse-watch/event-store-kurrentdb';
import { PostgresEventStore } from '@relapse-watch/event-store-postgres';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { assertNever } from '../config/assert-never';
import type { EventStoreTarget } from '../config/store-url.config';

/**
 * Opens the event store adapter `EVENT_STORE_URL` names and, for a server, proves it answers
 * (PostgreSQL: the schema is checked or created, then the head position read; KurrentDB: one
 * read of the log).
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
      // open() reads once, so a server that does not answer fails here, inside the start-up timeout.
      return KurrentDbEventStore.open({ connectionString: target.url });
    default:
      return assertNever(target);
  }
}
