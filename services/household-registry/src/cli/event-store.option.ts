import { DomainError } from '@relapse-watch/domain-kernel';
import {
  assertStoreFormat,
  checkStoreFormat,
  newEventId,
  StoreFormatRefused,
  type EventStore,
} from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { ConfigError, type EventStoreTarget } from '@relapse-watch/service-runtime/config';

/**
 * Opens the event store the CLI writes to (see `chosenEventStore`): a SQLite file here, with the
 * commit mode asked for, and any server (`postgres://…`, `kurrentdb://…`) through the service
 * runtime's own factory, loaded only then: the runtime brings NestJS and every driver, about
 * 120 MB of RSS an embedded import does not need. A server must answer within 5 s. The store's
 * format is checked like at a service's start: an empty store is stamped with the current one.
 * @throws DomainError `cli.event-store` for a server that does not answer, `cli.event-store-format`
 * for a store written in another format.
 */
export async function openEventStoreTarget(
  target: EventStoreTarget,
  from: string,
  synchronous: 'FULL' | 'NORMAL',
): Promise<EventStore> {
  const store = await openTarget(target, from, synchronous);
  try {
    // As a service's start does: an empty store is stamped, one in another format refused.
    assertStoreFormat(
      await checkStoreFormat(store, {
        eventId: newEventId(),
        now: new Date().toISOString(),
        stampedBy: 'relapse-watch households import',
      }),
    );
  } catch (error) {
    await store.close();
    if (!(error instanceof StoreFormatRefused)) throw error;
    throw new DomainError({ code: 'cli.event-store-format', field: 'eventStore', message: error.message });
  }
  return store;
}

async function openTarget(target: EventStoreTarget, from: string, synchronous: 'FULL' | 'NORMAL'): Promise<EventStore> {
  if (target.kind === 'sqlite') {
    if (target.path === ':memory:') throw storeError(from, '须指定数据库文件 / must name a file');
    return SqliteEventStore.open({ path: target.path, synchronous });
  }
  const runtime = await import('@relapse-watch/service-runtime');
  try {
    return await runtime.openReachable(
      from,
      target.url,
      () => runtime.openEventStore(target),
      runtime.ADAPTER_CONNECT_TIMEOUT_MS,
    );
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof runtime.ConfigError)) throw error;
    throw storeError(from, error.problem);
  }
}

/** A store URL the runtime's parser refused, as the CLI's one line. */
export function storeError(from: string, problem: string): DomainError {
  return new DomainError({ code: 'cli.event-store', field: 'eventStore', message: `${from} ${problem}` });
}
