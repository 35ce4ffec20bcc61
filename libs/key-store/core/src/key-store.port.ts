/**
 * A household's data key as the key store keeps it: wrapped (encrypted) by a master key that
 * lives in configuration, never in the event store or the key store. The key store is the
 * only place a data key exists at rest; destroying it there makes every ciphertext sealed with
 * it unreadable for good (crypto-shredding, DESIGN.md "Event sourcing").
 */
export interface WrappedDataKey {
  /** Whose data the key protects: a household id. */
  readonly subjectId: string;
  /** Which master key wrapped it (a master key can be rotated; old ids stay readable). */
  readonly masterKeyId: string;
  /** 12-byte IV ‖ ciphertext ‖ 16-byte GCM tag of the 32-byte data key. */
  readonly wrapped: Uint8Array;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** Who erased a subject's data, when and why: kept as a tombstone in place of the key. */
export interface KeyErasure {
  readonly subjectId: string;
  /** ISO 8601. */
  readonly erasedAt: string;
  readonly reason: string;
  readonly erasedBy: { readonly userId: string; readonly role: string };
}

/** What the key store holds for a subject: a live key, or the tombstone of an erased one. */
export type KeyRecord =
  | { readonly state: 'active'; readonly key: WrappedDataKey }
  | { readonly state: 'erased'; readonly erasure: KeyErasure };

/**
 * The key store port (PIPL: personal data erasable although the event log is immutable).
 * Adapters: SQLite (embedded mode) and PostgreSQL (distributed mode), both run by one
 * conformance suite (`@relapse-watch/key-store-testing`).
 *
 * Guarantees every adapter gives:
 * - one key per subject, ever: of racing `putIfAbsent` calls for one subject exactly one key is
 *   stored and every caller gets that one back;
 * - an erased subject never gets a key again (its tombstone answers instead), so nothing new is
 *   sealed for it and nothing old becomes readable;
 * - `erase` removes the wrapped key bytes from the store's files, not only from its answers
 *   (each adapter says how, and what it cannot reach, e.g. backups).
 */
export interface KeyStore {
  /**
   * Stores each key whose subject has no record yet, and returns the record each subject has
   * afterwards: the key given, a key stored earlier (a race lost), or an erasure tombstone.
   */
  putIfAbsent(keys: readonly WrappedDataKey[]): Promise<ReadonlyMap<string, KeyRecord>>;
  /** The records of the subjects that have one; subjects without a record are absent from the map. */
  get(subjectIds: readonly string[]): Promise<ReadonlyMap<string, KeyRecord>>;
  /**
   * Destroys a subject's key and leaves the tombstone. `erased` the first time, `already-erased`
   * after (the first tombstone is kept), `unknown` for a subject that never had a key (a
   * tombstone is written all the same, so no key can be made for it later).
   */
  erase(erasure: KeyErasure): Promise<'erased' | 'already-erased' | 'unknown'>;
  /**
   * The ids of the master keys that wrapped the active keys, each once: what a start checks its
   * configured master keys against (see {@link assertMasterKeysHold}).
   */
  masterKeyIds(): Promise<readonly string[]>;
  /** Releases the store's resources; later calls reject. */
  close(): Promise<void>;
}
