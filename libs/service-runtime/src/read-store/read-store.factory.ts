import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { assertNever } from '../config/assert-never';
import type { ReadStoreTarget } from '../config/store-url.config';
import { notAvailable } from '../event-store/event-store.factory';

/** Opens the read store `READ_STORE_URL` names; adapters not in this build are refused. */
export function openReadStore(target: ReadStoreTarget): ReadStore {
  switch (target.kind) {
    case 'sqlite':
      return SqliteReadStore.open({ path: target.path });
    case 'mongodb':
      throw notAvailable('READ_STORE_URL', target.kind, target.url);
    default:
      return assertNever(target);
  }
}
