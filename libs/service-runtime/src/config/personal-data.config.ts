import { join } from 'node:path';
import { MasterKeyring } from '@relapse-watch/key-store-core';
import { ConfigError, maskValue } from './config.errors';
import { parseEventStoreUrl, sqliteUrl } from './store-url.config';

/** Variable naming the key store of the households' data keys (`sqlite:<path>` or `postgres://…`). */
export const KEY_STORE_URL = 'KEY_STORE_URL';
/** Variable holding the master keys that wrap data keys: `id:base64[,id:base64…]`, the first current. */
export const MASTER_KEYS = 'MASTER_KEYS';
/** The PostgreSQL schema of the key store when `KEY_STORE_URL` names none: apart from the event store's. */
export const DEFAULT_KEY_STORE_SCHEMA = 'key_store';

/** Where the data keys are kept: a SQLite file of its own, or a PostgreSQL schema of its own. */
export type KeyStoreTarget =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly connectionString: string; readonly schema: string };

/**
 * Where the master keys come from: configured (`MASTER_KEYS`, a deployment secret), or in embedded
 * mode a file in the data folder, made once (owner-only) on the first start.
 */
export type MasterKeysConfig =
  { readonly kind: 'configured'; readonly keys: string } | { readonly kind: 'generated'; readonly file: string };

/**
 * How personal data inside events is sealed (issue 10): the key store and the master keys. The
 * master keys never enter the key store or the event log, so a copy of both stores alone reads
 * nothing.
 */
export interface PersonalDataConfig {
  readonly keyStore: KeyStoreTarget;
  readonly masterKeys: MasterKeysConfig;
}

/**
 * Reads `KEY_STORE_URL` (default `sqlite:<DATA_DIR>/keys.db`) and `MASTER_KEYS` (required in
 * distributed mode; in embedded mode `<DATA_DIR>/master-keys` when unset).
 * @throws {@link ConfigError} naming the variable; a master key's value is never shown.
 */
export function parsePersonalDataConfig(
  read: (name: string) => string | undefined,
  embedded: boolean,
  dataDir: string,
  cwd: string,
): PersonalDataConfig {
  const keyStore = parseKeyStoreUrl(read(KEY_STORE_URL) ?? sqliteUrl(join(dataDir, 'keys.db')), cwd);
  const keys = read(MASTER_KEYS);
  if (keys === undefined) {
    if (embedded) return { keyStore, masterKeys: { kind: 'generated', file: join(dataDir, 'master-keys') } };
    throw new ConfigError(
      MASTER_KEYS,
      '分布式模式必须设置（id:base64 的 32 字节密钥，逗号分隔，首个为当前密钥）/ is required in distributed mode (id:base64 of 32 bytes, comma-separated, the first current)',
    );
  }
  try {
    MasterKeyring.parse(keys);
  } catch (error) {
    // The keyring's message names the entry by position, never a key.
    throw new ConfigError(MASTER_KEYS, (error as Error).message);
  }
  return { keyStore, masterKeys: { kind: 'configured', keys } };
}

function parseKeyStoreUrl(value: string, cwd: string): KeyStoreTarget {
  // The same URL forms as the event store's, with a schema of its own by default.
  const withSchema =
    /^postgres(ql)?:\/\//i.test(value) && !/[?&]schema=/.test(value)
      ? `${value}${value.includes('?') ? '&' : '?'}schema=${DEFAULT_KEY_STORE_SCHEMA}`
      : value;
  const target = parseEventStoreUrl(KEY_STORE_URL, withSchema, cwd);
  switch (target.kind) {
    case 'sqlite':
      return target;
    case 'postgres':
      return { ...target, url: value };
    default:
      throw new ConfigError(
        KEY_STORE_URL,
        '须为 sqlite:<文件路径 path> 或 postgres:// / must be sqlite:<path> or postgres://',
        maskValue(value),
      );
  }
}
