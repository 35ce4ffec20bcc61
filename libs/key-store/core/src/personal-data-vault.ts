import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { PersonalDataError } from './errors';
import type { KeyErasure, KeyRecord, KeyStore } from './key-store.port';
import { MasterKeyring } from './master-keyring';

/**
 * Personal data as it is stored inside an event: AES-256-GCM under the subject's data key, the
 * subject id as additional data (a sealed value moved to another household does not open).
 * Fields are base64url; the format version is `v`.
 */
export interface SealedPersonal {
  readonly v: 1;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

/** What opening a sealed value gives: the value, or the fact that its subject was erased. */
export type OpenedPersonal<T> =
  { readonly state: 'open'; readonly value: T } | { readonly state: 'erased'; readonly erasedAt: string };

/** Options of {@link PersonalDataVault}. */
export interface PersonalDataVaultOptions {
  /** Unwrapped data keys kept in memory (least recently used dropped first); default 50,000. */
  readonly cacheSize?: number;
  /**
   * How long an unwrapped key may be used from memory before the store is asked again (ms;
   * default 60,000). It bounds how long another process that cached a key can still open data
   * after an erasure; the process that erases forgets the key at once.
   */
  readonly cacheTtlMs?: number;
  /** The clock for the cache's ages and new keys' `createdAt`; default `Date.now`. */
  readonly now?: () => number;
}

/** A subject's unwrapped key (a KeyObject: ciphers from raw bytes convert them on every call), or when it was erased. */
type SubjectKey = { readonly key: KeyObject } | { readonly erasedAt: string };
type CachedKey = SubjectKey & { readonly at: number };

/**
 * Seals and opens personal data with per-subject (per-household) data keys kept in a
 * {@link KeyStore}, wrapped by the {@link MasterKeyring}. Erasing a subject destroys its key,
 * after which everything sealed for it opens as `erased` — in every read model, export and
 * replay — while the ciphertext, and so the event log's hash chain, stays as it was.
 */
export class PersonalDataVault {
  private readonly cache = new Map<string, CachedKey>();
  private readonly cacheSize: number;
  private readonly cacheTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: KeyStore,
    private readonly keyring: MasterKeyring,
    options: PersonalDataVaultOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 50_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Seals one JSON value for a subject, making the subject's key on first use. */
  async seal(subjectId: string, value: unknown): Promise<SealedPersonal> {
    const [sealed] = await this.sealAll([{ subjectId, value }]);
    return sealed as SealedPersonal;
  }

  /**
   * Seals many values (an import batch) with one key-store round trip for the keys missing
   * from memory. Refuses the whole batch when one subject was erased.
   */
  async sealAll(items: readonly { readonly subjectId: string; readonly value: unknown }[]): Promise<SealedPersonal[]> {
    const keys = await this.keysFor(
      items.map((i) => i.subjectId),
      true,
    );
    return items.map(({ subjectId, value }) => {
      const found = keys.get(subjectId);
      if (found === undefined || !('key' in found)) throw erased();
      return sealWith(found.key, subjectId, value);
    });
  }

  /** Opens a sealed value of a subject; `erased` once the subject's key is destroyed. */
  async open<T = unknown>(subjectId: string, sealed: SealedPersonal): Promise<OpenedPersonal<T>> {
    const [opened] = await this.openAll<T>([{ subjectId, sealed }]);
    return opened as OpenedPersonal<T>;
  }

  /** Opens many sealed values with one key-store round trip for the keys missing from memory. */
  async openAll<T = unknown>(
    items: readonly { readonly subjectId: string; readonly sealed: SealedPersonal }[],
  ): Promise<OpenedPersonal<T>[]> {
    const keys = await this.keysFor(
      items.map((i) => i.subjectId),
      false,
    );
    return items.map(({ subjectId, sealed }) => {
      const found = keys.get(subjectId);
      // A subject with no key never had anything sealed: the value cannot be one of ours.
      if (found === undefined) throw tamperedValue();
      if ('key' in found) return { state: 'open', value: openWith(found.key, subjectId, sealed) as T };
      return { state: 'erased', erasedAt: found.erasedAt };
    });
  }

  /** Destroys the subject's key (see {@link KeyStore.erase}) and forgets it here at once. */
  async erase(erasure: KeyErasure): Promise<'erased' | 'already-erased' | 'unknown'> {
    const outcome = await this.store.erase(erasure);
    this.cache.set(erasure.subjectId, { erasedAt: erasure.erasedAt, at: this.now() });
    return outcome;
  }

  /** The key (or erasure time) of each subject; with `create`, a key is made for subjects without a record. */
  private async keysFor(subjectIds: readonly string[], create: boolean): Promise<Map<string, SubjectKey>> {
    const found = new Map<string, SubjectKey>();
    const missing = new Set<string>();
    const now = this.now();
    for (const id of subjectIds) {
      const cached = this.cache.get(id);
      if (cached !== undefined && now - cached.at < this.cacheTtlMs) found.set(id, cached);
      else missing.add(id);
    }
    if (missing.size === 0) return found;
    // To seal, one round trip: a key offered for every missing subject, and putIfAbsent answers
    // with what each has afterwards (ours, an earlier one, or a tombstone). A key that won is used
    // as made, without unwrapping it again.
    const made = new Map<string, { readonly dataKey: Buffer; readonly wrapped: Buffer }>();
    const records = create
      ? await this.store.putIfAbsent(
          [...missing].map((subjectId) => {
            const dataKey = MasterKeyring.newDataKey();
            const wrapped = this.keyring.wrap(subjectId, dataKey);
            made.set(subjectId, { dataKey, wrapped: wrapped.wrapped });
            return { subjectId, ...wrapped, createdAt: new Date(now).toISOString() };
          }),
        )
      : await this.store.get([...missing]);
    for (const [id, record] of records) {
      const value = this.unwrapped(id, record, made.get(id));
      found.set(id, value);
      this.remember(id, { ...value, at: now });
    }
    return found;
  }

  private unwrapped(subjectId: string, record: KeyRecord, made?: { dataKey: Buffer; wrapped: Buffer }): SubjectKey {
    if (record.state === 'erased') return { erasedAt: record.erasure.erasedAt };
    if (made !== undefined && made.wrapped.equals(record.key.wrapped)) return { key: createSecretKey(made.dataKey) };
    return { key: createSecretKey(this.keyring.unwrap(subjectId, record.key.masterKeyId, record.key.wrapped)) };
  }

  private remember(subjectId: string, entry: CachedKey): void {
    this.cache.delete(subjectId);
    this.cache.set(subjectId, entry);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function sealWith(key: KeyObject, subjectId: string, value: unknown): SealedPersonal {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

function openWith(key: KeyObject, subjectId: string, sealed: SealedPersonal): unknown {
  if (
    sealed?.v !== 1 ||
    typeof sealed.iv !== 'string' ||
    typeof sealed.ct !== 'string' ||
    typeof sealed.tag !== 'string'
  ) {
    throw new PersonalDataError('personal-data.sealed-format', '密文格式无法识别 / sealed value format not recognised');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
  decipher.setAAD(Buffer.from(subjectId, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  try {
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text);
  } catch {
    throw tamperedValue();
  }
}

function erased(): PersonalDataError {
  return new PersonalDataError(
    'personal-data.erased',
    '该户个人信息已删除 / this household’s personal data was erased',
  );
}

function tamperedValue(): PersonalDataError {
  return new PersonalDataError(
    'personal-data.tampered',
    '密文校验失败（被篡改或不属于该户）/ sealed value failed authentication (altered, or not this subject’s)',
  );
}
