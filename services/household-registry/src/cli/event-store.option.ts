import { DomainError } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { ConfigError, type EventStoreTarget } from '@relapse-watch/service-runtime/config';

/**
 * Opens the event store the CLI writes to (see `chosenEventStore`): a SQLite file here, with the
 * commit mode asked for, and any server (`postgres://…`, `kurrentdb://…`) through the service
 * runtime's own factory, loaded only then: the runtime brings NestJS and every driver, about
 * 120 MB of RSS an embedded import does not need. A server must answer within 5 s.
 * @throws DomainError `cli.event-store` for a server that does not answer.
 */
export async function openEventStoreTarget(
  target: EventStoreTarget,
  from: string,
  synchronous: 'FULL' | 'NORMAL',
): Promise<EventStore> {
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
