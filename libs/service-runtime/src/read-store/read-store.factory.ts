import type { ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { assertNever } from '../config/assert-never';
import type { ReadStoreTarget } from '../config/store-url.config';

/** Name of the checkpoint read to prove a read store answers; never written. */
export const READ_STORE_PROBE = 'readiness-probe';

/** Options of {@link openReadStore}. */
export interface OpenReadStoreOptions {
  /**
   * How long the MongoDB driver looks for a server before an operation fails (its own default
   * is 30 s), unless the URL sets `serverSelectionTimeoutMS` itself. Also bounds start-up: a
   * client that never found its server stops trying when start-up has given up on it.
   */
  readonly serverSelectionTimeoutMs?: number;
}

/**
 * Opens the read store `READ_STORE_URL` names and, for a server, proves it answers with one
 * round trip (MongoDB: connect, then a checkpoint read).
 */
export async function openReadStore(target: ReadStoreTarget, options: OpenReadStoreOptions = {}): Promise<ReadStore> {
  switch (target.kind) {
    case 'sqlite':
      return SqliteReadStore.open({ path: target.path });
    case 'mongodb': {
      const url =
        options.serverSelectionTimeoutMs === undefined
          ? target.url
          : withServerSelectionTimeout(target.url, options.serverSelectionTimeoutMs);
      const store = await MongoReadStore.connect(url, { database: target.database });
      try {
        await store.loadCheckpoint(READ_STORE_PROBE);
      } catch (error) {
        await store.close();
        throw error;
      }
      return store;
    }
    default:
      return assertNever(target);
  }
}

function withServerSelectionTimeout(url: string, ms: number): string {
  if (/[?&]serverSelectionTimeoutMS=/i.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}serverSelectionTimeoutMS=${ms}`;
}
