import type { KeyStore } from '@relapse-watch/key-store-core';
import { PostgresKeyStore } from '@relapse-watch/key-store-postgres';
import { SqliteKeyStore } from '@relapse-watch/key-store-sqlite';
import { assertNever } from '../config/assert-never';
import type { KeyStoreTarget } from '../config/personal-data.config';

/** Opens the key store `KEY_STORE_URL` names (a server is proven to answer: its schema is checked or made). */
export async function openKeyStore(target: KeyStoreTarget): Promise<KeyStore> {
  switch (target.kind) {
    case 'sqlite':
      return SqliteKeyStore.open(target.path);
    case 'postgres':
      return PostgresKeyStore.open({ connectionString: target.connectionString, schema: target.schema });
    default:
      return assertNever(target);
  }
}
