import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { PersonalDataError } from './errors';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;

/**
 * The master keys that wrap data keys, from configuration (never stored with the data): the
 * first is the current one, used for new keys; the others stay to unwrap keys made before a
 * rotation. Wrapping is AES-256-GCM with the subject id as additional data, so a wrapped key
 * copied onto another subject's row fails to unwrap instead of opening the wrong household.
 */
export class MasterKeyring {
  private constructor(
    readonly currentId: string,
    // KeyObjects, made once: a cipher made from raw bytes converts them on every call (about 3× slower).
    private readonly keys: ReadonlyMap<string, KeyObject>,
  ) {}

  /**
   * Parses `id:base64key[,id:base64key…]` (e.g. `PERSONAL_DATA_MASTER_KEYS`), each key 32 bytes.
   * The message of a refusal names the entry by position, never a key.
   */
  static parse(text: string): MasterKeyring {
    const entries = text.split(',').map((s) => s.trim());
    const keys = new Map<string, KeyObject>();
    entries.forEach((entry, i) => {
      const [id, encoded, ...rest] = entry.split(':');
      const key = encoded === undefined ? Buffer.alloc(0) : Buffer.from(encoded, 'base64');
      if (rest.length > 0 || id === undefined || !KEY_ID.test(id) || key.length !== DATA_KEY_BYTES) {
        throw new PersonalDataError(
          'personal-data.master-keys-config',
          `主密钥第 ${i + 1} 项格式错误，应为 id:base64(32字节) / master key entry ${i + 1} is not id:base64 of 32 bytes`,
        );
      }
      if (keys.has(id)) {
        throw new PersonalDataError(
          'personal-data.master-keys-config',
          `主密钥标识重复（第 ${i + 1} 项）/ master key id repeated at entry ${i + 1}`,
        );
      }
      keys.set(id, createSecretKey(key));
    });
    const [currentId] = keys.keys();
    return new MasterKeyring(currentId as string, keys);
  }

  /** Whether the keyring holds the master key of this id (the current one or an older one). */
  holds(masterKeyId: string): boolean {
    return this.keys.has(masterKeyId);
  }

  /** A new random data key (32 bytes). */
  static newDataKey(): Buffer {
    return randomBytes(DATA_KEY_BYTES);
  }

  /** The data key wrapped by the current master key for `subjectId`: IV ‖ ciphertext ‖ tag. */
  wrap(subjectId: string, dataKey: Uint8Array): { masterKeyId: string; wrapped: Buffer } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId) as KeyObject, iv);
    cipher.setAAD(aad(subjectId));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { masterKeyId: this.currentId, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]) };
  }

  /** The data key inside `wrapped`; refuses an unknown master key id or bytes that fail authentication. */
  unwrap(subjectId: string, masterKeyId: string, wrapped: Uint8Array): Buffer {
    const master = this.keys.get(masterKeyId);
    if (master === undefined) {
      throw new PersonalDataError(
        'personal-data.master-key-unknown',
        `数据密钥由未配置的主密钥 ${masterKeyId} 加密 / data key wrapped by master key ${masterKeyId}, which is not configured`,
      );
    }
    const bytes = Buffer.from(wrapped);
    if (bytes.length !== IV_BYTES + DATA_KEY_BYTES + TAG_BYTES) throw tampered();
    const decipher = createDecipheriv('aes-256-gcm', master, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(subjectId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES + DATA_KEY_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, IV_BYTES + DATA_KEY_BYTES)), decipher.final()]);
    } catch {
      throw tampered();
    }
  }
}

function aad(subjectId: string): Buffer {
  return Buffer.from(`relapse-watch/data-key/v1/${subjectId}`, 'utf8');
}

function tampered(): PersonalDataError {
  return new PersonalDataError(
    'personal-data.tampered',
    '密钥或密文校验失败（被篡改或不属于该户）/ key or ciphertext failed authentication (altered, or not this subject’s)',
  );
}

/**
 * Refuses master keys that cannot unwrap the store's data keys: configured without the key that
 * wrapped them (a lost or mistyped `MASTER_KEYS`, or a CLI that made a key file of its own beside
 * a server that has one configured). Checked when a key store is opened, so nothing is sealed
 * under a key the other processes cannot open.
 * @throws PersonalDataError `personal-data.master-key-missing` naming the ids, never a key.
 */
export async function assertMasterKeysHold(
  store: { masterKeyIds(): Promise<readonly string[]> },
  keyring: MasterKeyring,
): Promise<void> {
  const missing = (await store.masterKeyIds()).filter((id) => !keyring.holds(id));
  if (missing.length === 0) return;
  throw new PersonalDataError(
    'personal-data.master-key-missing',
    `主密钥缺少 ${missing.join(', ')}：密钥库中的数据密钥由它加密，请配置同一 MASTER_KEYS / the master keys lack ${missing.join(', ')}, which wrapped the key store's data keys: configure the same MASTER_KEYS`,
  );
}
