import { Pool, type PoolClient } from 'pg';
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

/** Version of the schema below; a database of another version is refused. */
export const KEY_STORE_SCHEMA_VERSION = 1;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Options of {@link PostgresKeyStore.open}. */
export interface PostgresKeyStoreOptions {
  readonly connectionString: string;
  /** PostgreSQL schema of the tables (default `key_store`): keep it apart from the event store's. */
  readonly schema?: string;
  /** Pool size; default 4. */
  readonly maxConnections?: number;
}

/**
 * The distributed mode's key store: a table of its own in PostgreSQL (its own schema, and in
 * production its own database and backups), apart from the event log. An erasure sets the key
 * columns to NULL and leaves the tombstone; the old row version is reclaimed by VACUUM, which
 * runs right after the erasure — copies in WAL archives and backups age out with their retention.
 */
export class PostgresKeyStore implements KeyStore {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  static async open(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
    const schema = options.schema ?? 'key_store';
    if (!SCHEMA_NAME.test(schema)) {
      throw new PersonalDataError(
        'key-store.input',
        `PostgreSQL 模式名无效 / invalid PostgreSQL schema name ${schema}`,
      );
    }
    const pool = new Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4 });
    try {
      await ensureSchema(pool, `"${schema}"`, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresKeyStore(pool, `"${schema}".data_keys`);
  }

  async putIfAbsent(keys: readonly WrappedDataKey[]): Promise<ReadonlyMap<string, KeyRecord>> {
    this.assertOpen();
    checkWrappedKeys(keys);
    // One statement: the unique key decides races, and the rows read back are what won.
    await this.pool.query(
      `INSERT INTO ${this.table} (subject_id, master_key_id, wrapped, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[])
       ON CONFLICT (subject_id) DO NOTHING`,
      [
        keys.map((k) => k.subjectId),
        keys.map((k) => k.masterKeyId),
        keys.map((k) => Buffer.from(k.wrapped)),
        keys.map((k) => k.createdAt),
      ],
    );
    return this.get(keys.map((k) => k.subjectId));
  }

  async get(subjectIds: readonly string[]): Promise<ReadonlyMap<string, KeyRecord>> {
    this.assertOpen();
    checkSubjectIds(subjectIds);
    const { rows } = await this.pool.query<KeyRecordRow>(
      `SELECT * FROM ${this.table} WHERE subject_id = ANY($1::text[])`,
      [[...new Set(subjectIds)]],
    );
    return new Map(rows.map((row) => [row.subject_id, keyRecordFromRow(row)]));
  }

  async masterKeyIds(): Promise<readonly string[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ master_key_id: string }>(
      `SELECT DISTINCT master_key_id FROM ${this.table} WHERE master_key_id IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.master_key_id);
  }

  async erase(erasure: KeyErasure): Promise<'erased' | 'already-erased' | 'unknown'> {
    this.assertOpen();
    checkErasure(erasure);
    const client = await this.pool.connect();
    let outcome: 'erased' | 'already-erased' | 'unknown';
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ erased_at: string | null }>(
        `SELECT erased_at FROM ${this.table} WHERE subject_id = $1 FOR UPDATE`,
        [erasure.subjectId],
      );
      outcome = rows.length === 0 ? 'unknown' : rows[0]?.erased_at !== null ? 'already-erased' : 'erased';
      if (outcome !== 'already-erased') await this.writeTombstone(client, erasure);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    if (outcome === 'erased') await this.pool.query(`VACUUM ${this.table}`);
    return outcome;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async writeTombstone(client: PoolClient, erasure: KeyErasure): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table} (subject_id, erased_at, erase_reason, erased_by_user, erased_by_role)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject_id) DO UPDATE SET master_key_id = NULL, wrapped = NULL, erased_at = excluded.erased_at,
         erase_reason = excluded.erase_reason, erased_by_user = excluded.erased_by_user,
         erased_by_role = excluded.erased_by_role`,
      [erasure.subjectId, erasure.erasedAt, erasure.reason, erasure.erasedBy.userId, erasure.erasedBy.role],
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new PersonalDataError('key-store.closed', '密钥库已关闭 / the key store is closed');
  }
}

async function ensureSchema(pool: Pool, q: string, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`relapse-watch.key-store.ddl.${schema}`]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${q};
      CREATE TABLE IF NOT EXISTS ${q}.data_keys (
        subject_id     text PRIMARY KEY,
        master_key_id  text,
        wrapped        bytea,
        created_at     text,
        erased_at      text,
        erase_reason   text,
        erased_by_user text,
        erased_by_role text
      );
      CREATE TABLE IF NOT EXISTS ${q}.key_store_schema (version integer NOT NULL);`);
    const found = await client.query<{ version: number }>(`SELECT version FROM ${q}.key_store_schema`);
    if (found.rows.length === 0) {
      await client.query(`INSERT INTO ${q}.key_store_schema (version) VALUES ($1)`, [KEY_STORE_SCHEMA_VERSION]);
    } else if (found.rows[0]?.version !== KEY_STORE_SCHEMA_VERSION) {
      throw new Error(
        `密钥库结构版本 ${found.rows[0]?.version} 与本程序（${KEY_STORE_SCHEMA_VERSION}）不符 / key store schema version ${found.rows[0]?.version}, this build reads ${KEY_STORE_SCHEMA_VERSION}`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
