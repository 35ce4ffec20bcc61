import { DomainError } from '@relapse-watch/domain-kernel';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { ConfigError, type ReadStoreTarget } from '@relapse-watch/service-runtime/config';

/**
 * Opens the read store the CLI writes to (see `chosenReadStore`): a SQLite file here, a MongoDB
 * server through the service runtime's factory, loaded only then (NestJS and the drivers). A
 * server must answer within 5 s.
 * @throws DomainError `cli.read-store` for an in-memory file or a server that does not answer.
 */
export async function openReadStoreTarget(target: ReadStoreTarget, from: string): Promise<ReadStore> {
  if (target.kind === 'sqlite') {
    if (target.path === ':memory:') throw readStoreError(from, '须指定数据库文件 / must name a file');
    return SqliteReadStore.open({ path: target.path });
  }
  const runtime = await import('@relapse-watch/service-runtime');
  try {
    return await runtime.openReachable(
      from,
      target.url,
      () => runtime.openReadStore(target, { serverSelectionTimeoutMs: runtime.ADAPTER_CONNECT_TIMEOUT_MS }),
      runtime.ADAPTER_CONNECT_TIMEOUT_MS,
    );
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof runtime.ConfigError)) throw error;
    throw readStoreError(from, error.problem);
  }
}

/** A read store option the runtime's parser refused, as the CLI's one line. */
export function readStoreError(from: string, problem: string): DomainError {
  return new DomainError({ code: 'cli.read-store', field: 'readStore', message: `${from} ${problem}` });
}
