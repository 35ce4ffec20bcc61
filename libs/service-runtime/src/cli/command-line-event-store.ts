import { DomainError } from '@relapse-watch/domain-kernel';
import {
  assertStoreFormat,
  checkStoreFormat,
  newEventId,
  StoreFormatRefused,
  type EventStore,
} from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { ADAPTER_CONNECT_TIMEOUT_MS, openReachable } from '../config/adapter-reachability.config';
import { ConfigError, maskValue } from '../config/config.errors';
import { loadCommandLineConfig } from '../config/runtime.config';
import { parseEventStoreUrl, type EventStoreTarget } from '../config/store-url.config';

/** The event store a command-line tool writes to and where that choice came from, to say so in one line. */
export interface ChosenEventStore {
  readonly target: EventStoreTarget;
  /** `--event-store`, `EVENT_STORE_URL`, `DATA_DIR` (the embedded default under it) or `默认 default` (./data). */
  readonly from: string;
  /** The file or URL as it may be printed: a server URL's password masked. */
  readonly label: string;
}

/**
 * The event store of a bulk tool (an import): `--event-store` when given, else the server's own
 * configuration (EVENT_STORE_URL, else `events.db` under DATA_DIR), so a sheet imported next to a
 * server lands in the server's store.
 * @throws DomainError `cli.event-store` for a bad `--event-store`; ConfigError for a bad variable.
 */
export function chosenEventStore(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ChosenEventStore {
  if (option !== undefined) {
    let target: EventStoreTarget;
    try {
      target = parseEventStoreUrl('--event-store', option, cwd);
    } catch (error) {
      if (error instanceof ConfigError) throw commandLineStoreError(error.variable, error.problem);
      throw error;
    }
    return { target, from: '--event-store', label: labelOf(target) };
  }
  const target = loadCommandLineConfig(env, cwd).eventStore;
  const set = (name: string) => (env[name]?.trim() ?? '') !== '';
  const from = set('EVENT_STORE_URL') ? 'EVENT_STORE_URL' : set('DATA_DIR') ? 'DATA_DIR' : '默认 default';
  return { target, from, label: labelOf(target) };
}

/**
 * Opens the event store a bulk tool writes to: a SQLite file directly, with the commit mode asked
 * for, and a server (`postgres://…`, `kurrentdb://…`) through the runtime's own factory, loaded
 * only then (the drivers are RSS an embedded import does not need); a server must answer within
 * 5 s. The store's format is checked as at a service's start: an empty store is stamped with the
 * current one.
 * @throws DomainError `cli.event-store` for a server that does not answer, `cli.event-store-format`
 *   for a store written in another format.
 */
export async function openCommandLineEventStore(
  chosen: Pick<ChosenEventStore, 'target' | 'from'>,
  synchronous: 'FULL' | 'NORMAL',
  stampedBy: string,
): Promise<EventStore> {
  const store = await openTarget(chosen.target, chosen.from, synchronous);
  try {
    assertStoreFormat(
      await checkStoreFormat(store, { eventId: newEventId(), now: new Date().toISOString(), stampedBy }),
    );
  } catch (error) {
    await store.close();
    if (!(error instanceof StoreFormatRefused)) throw error;
    throw new DomainError({ code: 'cli.event-store-format', field: 'eventStore', message: error.message });
  }
  return store;
}

/**
 * Opens the event store a read-only tool inspects (`audit verify`) as
 * {@link openCommandLineEventStore} does, but without the format check: nothing is stamped on an
 * empty store, and a store of another format can still be inspected (the stored hashes do not
 * depend on it).
 * @throws DomainError `cli.event-store` for a server that does not answer.
 */
export function openCommandLineEventStoreAsIs(chosen: Pick<ChosenEventStore, 'target' | 'from'>): Promise<EventStore> {
  return openTarget(chosen.target, chosen.from, 'NORMAL');
}

async function openTarget(target: EventStoreTarget, from: string, synchronous: 'FULL' | 'NORMAL'): Promise<EventStore> {
  if (target.kind === 'sqlite') {
    if (target.path === ':memory:') throw commandLineStoreError(from, '须指定数据库文件 / must name a file');
    return SqliteEventStore.open({ path: target.path, synchronous });
  }
  // The runtime's main entry (NestJS and every driver), as the services open their stores. By its
  // package name: a relative import() would need a `.js` extension, which Jest does not resolve.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const runtime = await import('@relapse-watch/service-runtime');
  try {
    return await openReachable(from, target.url, () => runtime.openEventStore(target), ADAPTER_CONNECT_TIMEOUT_MS);
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof runtime.ConfigError)) throw error;
    throw commandLineStoreError(from, error.problem);
  }
}

/** A store a command line names that cannot be used, as the tool's one line. */
export function commandLineStoreError(from: string, problem: string): DomainError {
  return new DomainError({ code: 'cli.event-store', field: 'eventStore', message: `${from} ${problem}` });
}

function labelOf(target: EventStoreTarget): string {
  return target.kind === 'sqlite' ? target.path : maskValue(target.url);
}
