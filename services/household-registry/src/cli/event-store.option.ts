import { isAbsolute, resolve } from 'node:path';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';

/**
 * Default of `--event-store`: the embedded event store under the runtime's default DATA_DIR,
 * the file the service runtime opens when EVENT_STORE_URL is not set (`sqlite:./data/events.db`).
 */
export const DEFAULT_EVENT_STORE_URL = 'sqlite:./data/events.db';

/** An opened `--event-store` and how to name it in a log line (password masked). */
export interface OpenedEventStore {
  readonly store: EventStore;
  readonly label: string;
}

/**
 * Opens the event store an `--event-store` URL names, written exactly as EVENT_STORE_URL:
 * `sqlite:<path>` (relative to `cwd`, or `sqlite:///abs/path`) here, and any server URL
 * (`postgres://…`, `kurrentdb://…`) through the service runtime's own parser and factory, loaded
 * only then: the runtime brings NestJS and every driver, about 190 MB of RSS an embedded import
 * does not need. A server must answer within 5 s.
 * @throws DomainError `cli.event-store` for a URL that names no store, or a server that does not answer.
 */
export async function openEventStoreOption(
  url: string,
  cwd: string,
  synchronous: 'FULL' | 'NORMAL',
): Promise<OpenedEventStore> {
  if (url.startsWith('sqlite:')) {
    const path = sqlitePathOf(url, cwd);
    return { store: SqliteEventStore.open({ path, synchronous }), label: path };
  }
  const runtime = await import('@relapse-watch/service-runtime');
  try {
    const target = runtime.parseEventStoreUrl('--event-store', url, cwd);
    const store = await runtime.openReachable(
      '--event-store',
      url,
      () => runtime.openEventStore(target),
      runtime.ADAPTER_CONNECT_TIMEOUT_MS,
    );
    return { store, label: runtime.maskValue(url) };
  } catch (error) {
    if (!(error instanceof runtime.ConfigError)) throw error;
    throw storeError(error.problem);
  }
}

function sqlitePathOf(url: string, cwd: string): string {
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path.length === 0 || path.includes('\0') || path === ':memory:')
    throw storeError('须指定数据库文件 / must name a file');
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function storeError(problem: string): DomainError {
  return new DomainError({ code: 'cli.event-store', field: 'eventStore', message: `--event-store ${problem}` });
}
