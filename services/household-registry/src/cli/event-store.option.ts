import type { DomainError } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { commandLineStoreError, openCommandLineEventStore } from '@relapse-watch/service-runtime/cli';
import type { EventStoreTarget } from '@relapse-watch/service-runtime/config';

/**
 * Opens the event store the CLI writes to (see `chosenEventStore`) as every bulk tool does
 * (service-runtime's `openCommandLineEventStore`): a SQLite file with the commit mode asked for,
 * a server through the runtime's factory, loaded only then; the store's format checked as at a
 * service's start.
 * @throws DomainError `cli.event-store` for a server that does not answer, `cli.event-store-format`
 * for a store written in another format.
 */
export function openEventStoreTarget(
  target: EventStoreTarget,
  from: string,
  synchronous: 'FULL' | 'NORMAL',
): Promise<EventStore> {
  return openCommandLineEventStore({ target, from }, synchronous, 'relapse-watch households import');
}

/** A store URL the runtime's parser refused, as the CLI's one line. */
export function storeError(from: string, problem: string): DomainError {
  return commandLineStoreError(from, problem);
}
