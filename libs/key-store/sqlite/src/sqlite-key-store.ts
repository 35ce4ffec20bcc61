import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import {
  checkErasure,
  checkSubjectIds,
  checkWrappedKeys,
  keyRecordFromRow,
  PersonalDataError,
  type KeyErasure,
  type KeyRecord,
  type KeyRecordRow,
  type KeyStore,
  type WrappedDataKey,
} from '@relapse-watch/key-store-core';

/** Version of the schema below; a file of another version is refused, never migrated blindly. */
export const KEY_STORE_SCHEMA_VERSION = 1;

// One row per subject: the wrapped key while active; after erasure the key columns are NULL and
// the tombstone columns say who erased it, when and why. secure_delete overwrites freed content
// with zeros, and a checkpoint after each erasure truncates the write-ahead log, so the wrapped
// key's bytes leave the files (copies already in backups are beyond the store's reach).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS data_keys (
  subject_id     TEXT PRIMARY KEY,
  master_key_id  TEXT,
  wrapped        BLOB,
  created_at     TEXT,
  erased_at      TEXT,
  erase_reason   TEXT,
  erased_by_user TEXT,
  erased_by_role TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS key_store_schema (version INTEGER NOT NULL);
`;

/** SQLite caps bound parameters per statement; lookups go in chunks of this many ids. */
const CHUNK = 500;

/**
 * The embedded mode's key store: a SQLite file of its own, next to (never inside) the event
 * store's, so the log and the keys can be backed up and retained separately.
 */
export class SqliteKeyStore implements KeyStore {
  private db: DatabaseSync | null;
  private readonly insert: StatementSync;

  private constructor(db: DatabaseSync) {
    this.db = db;
    this.insert = db.prepare(
      'INSERT INTO data_keys (subject_id, master_key_id, wrapped, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING',
    );
  }

  /** Opens (creating when missing) the key store at `path` (`:memory:` for a throwaway one). */
  static open(path: string): SqliteKeyStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA secure_delete = ON');
      db.exec('PRAGMA busy_timeout = 10000');
      db.exec('BEGIN IMMEDIATE');
      db.exec(SCHEMA);
      const found = db.prepare('SELECT version FROM key_store_schema').all() as { version: number }[];
      if (found.length === 0)
        db.prepare('INSERT INTO key_store_schema (version) VALUES (?)').run(KEY_STORE_SCHEMA_VERSION);
      else if (found[0]?.version !== KEY_STORE_SCHEMA_VERSION) {
        throw new Error(
          `密钥库结构版本 ${found[0]?.version} 与本程序（${KEY_STORE_SCHEMA_VERSION}）不符 / key store schema version ${found[0]?.version}, this build reads ${KEY_STORE_SCHEMA_VERSION}`,
        );
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
      throw error;
    }
    return new SqliteKeyStore(db);
  }

  async putIfAbsent(keys: readonly WrappedDataKey[]): Promise<ReadonlyMap<string, KeyRecord>> {
    const db = this.open();
    checkWrappedKeys(keys);
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const k of keys) this.insert.run(k.subjectId, k.masterKeyId, k.wrapped, k.createdAt);
      const records = this.read(
        db,
        keys.map((k) => k.subjectId),
      );
      db.exec('COMMIT');
      return records;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  async get(subjectIds: readonly string[]): Promise<ReadonlyMap<string, KeyRecord>> {
    const db = this.open();
    checkSubjectIds(subjectIds);
    return this.read(db, subjectIds);
  }

  async masterKeyIds(): Promise<readonly string[]> {
    const db = this.open();
    const rows = db
      .prepare('SELECT DISTINCT master_key_id FROM data_keys WHERE master_key_id IS NOT NULL ORDER BY 1')
      .all() as { master_key_id: string }[];
    return rows.map((row) => row.master_key_id);
  }

  async erase(erasure: KeyErasure): Promise<'erased' | 'already-erased' | 'unknown'> {
    const db = this.open();
    checkErasure(erasure);
    db.exec('BEGIN IMMEDIATE');
    let outcome: 'erased' | 'already-erased' | 'unknown';
    try {
      const [existing] = this.read(db, [erasure.subjectId]).values();
      outcome = existing === undefined ? 'unknown' : existing.state === 'erased' ? 'already-erased' : 'erased';
      if (outcome !== 'already-erased') {
        db.prepare(
          `INSERT INTO data_keys (subject_id, erased_at, erase_reason, erased_by_user, erased_by_role) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (subject_id) DO UPDATE SET master_key_id = NULL, wrapped = NULL, erased_at = excluded.erased_at,
             erase_reason = excluded.erase_reason, erased_by_user = excluded.erased_by_user, erased_by_role = excluded.erased_by_role`,
        ).run(erasure.subjectId, erasure.erasedAt, erasure.reason, erasure.erasedBy.userId, erasure.erasedBy.role);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    // Moves the committed pages into the database file (where secure_delete zeroed the old
    // content) and empties the log, which still held the page with the key.
    if (outcome === 'erased') db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return outcome;
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }

  private open(): DatabaseSync {
    if (this.db === null) throw new PersonalDataError('key-store.closed', '密钥库已关闭 / the key store is closed');
    return this.db;
  }

  private read(db: DatabaseSync, subjectIds: readonly string[]): Map<string, KeyRecord> {
    const records = new Map<string, KeyRecord>();
    const unique = [...new Set(subjectIds)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const rows = db
        .prepare(`SELECT * FROM data_keys WHERE subject_id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as unknown as KeyRecordRow[];
      for (const row of rows) records.set(row.subject_id, keyRecordFromRow(row));
    }
    return records;
  }
}
