import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  checkBatch,
  checkCollection,
  checkIds,
  checkFindQuery,
  checkIndexFields,
  checkKey,
  checkPosition,
  checkPut,
  checkWhere,
  MAX_GET_MANY_IDS,
  ReadStoreClosed,
  ReadStoreInputError,
  type BatchResult,
  type CheckedDelete,
  type FindQuery,
  type JsonTextDocument,
  type JsonTextWriter,
  type ReadDocument,
  type ReadStore,
  type ReadStoreBatch,
  type WhereFilter,
} from '@relapse-watch/read-store-core';
import { CREATE_SCHEMA, SCHEMA_VERSION, collectionTable, createIndex } from './schema';
import { ensureCollection, inTransaction, putStatement, writeBatch } from './sqlite-batch-writer';
import { StatementCache } from './statement-cache';
import { countSql, findSql } from './sqlite-query';

/** Options of {@link SqliteReadStore.open}. */
export interface SqliteReadStoreOptions {
  /** Database file; created with its folder when missing. `:memory:` for throw-away stores. */
  readonly path: string;
  /**
   * `FULL` (default): every commit is fsynced, so a saved checkpoint and its documents
   * survive a power cut together. `NORMAL` trades that for speed (a projection then
   * replays the last batches, which the position guard keeps correct).
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/**
 * The embedded read store: one SQLite file in WAL mode on Node's built-in `node:sqlite`,
 * documents as JSON text (schema in `schema.ts`). Every method runs synchronously inside,
 * so one instance never interleaves two writes; a batch is one `BEGIN IMMEDIATE`
 * transaction, which also serialises writers in other processes on the same file.
 */
export class SqliteReadStore implements ReadStore, JsonTextWriter {
  private readonly statements: StatementCache;
  private closed = false;

  private constructor(private readonly db: DatabaseSync) {
    this.statements = new StatementCache(db);
  }

  /** Opens (and if needed creates) the store at `options.path`. */
  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const db = new DatabaseSync(options.path);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    // Another process (a rebuild from the CLI next to the server) may hold the write lock briefly.
    db.exec('PRAGMA busy_timeout = 10000');
    db.exec(CREATE_SCHEMA);
    const version = db.prepare('SELECT version FROM read_store_schema').get() as { version: number } | undefined;
    if (!version) db.prepare('INSERT INTO read_store_schema (version) VALUES (?)').run(SCHEMA_VERSION);
    else if (version.version !== SCHEMA_VERSION) {
      db.close();
      throw new Error(
        `Read store schema version ${version.version} at ${options.path}; this build expects ${SCHEMA_VERSION}`,
      );
    }
    return new SqliteReadStore(db);
  }

  async get<T = unknown>(collection: string, id: string): Promise<ReadDocument<T> | null> {
    this.assertOpen();
    checkCollection(collection);
    checkKey(id, 'id', 'id');
    if (!this.statements.hasCollection(collection)) return null;
    const sql = `SELECT position, data FROM ${collectionTable(collection)} WHERE id = ? AND data IS NOT NULL`;
    const row = this.statements.get(sql).get(id) as { position: number; data: string } | undefined;
    return row ? { id, position: row.position, data: JSON.parse(row.data) as T } : null;
  }

  async getMany<T = unknown>(collection: string, ids: readonly string[]): Promise<Map<string, ReadDocument<T> | null>> {
    this.assertOpen();
    checkCollection(collection);
    const unique = checkIds(ids, MAX_GET_MANY_IDS);
    const found = new Map<string, ReadDocument<T> | null>(unique.map((id) => [id, null]));
    if (unique.length === 0 || !this.statements.hasCollection(collection)) return found;
    // One statement for any number of ids: they travel as one JSON array parameter.
    const sql = `SELECT id, position, data FROM ${collectionTable(collection)}
      WHERE id IN (SELECT value FROM json_each(?)) AND data IS NOT NULL`;
    const rows = this.statements.get(sql, true).all(JSON.stringify(unique)) as unknown as [string, number, string][];
    for (const [id, position, data] of rows) found.set(id, { id, position, data: JSON.parse(data) as T });
    return found;
  }

  async put<T = unknown>(collection: string, doc: ReadDocument<T>): Promise<boolean> {
    this.assertOpen();
    const put = checkPut(collection, doc, { collection: 'collection', doc: 'doc' });
    return writeBatch(this.db, this.statements, { operations: [put], checkpoint: null, processed: null }).applied[0];
  }

  async delete(collection: string, id: string, position: number): Promise<boolean> {
    this.assertOpen();
    const del: CheckedDelete = {
      type: 'delete',
      collection: checkCollection(collection),
      id: checkKey(id, 'id', 'id'),
      position: checkPosition(position, 'position'),
    };
    return writeBatch(this.db, this.statements, { operations: [del], checkpoint: null, processed: null }).applied[0];
  }

  async applyBatch(batch: ReadStoreBatch): Promise<BatchResult> {
    this.assertOpen();
    return writeBatch(this.db, this.statements, checkBatch(batch));
  }

  async putJsonTexts(collection: string, docs: readonly JsonTextDocument[]): Promise<number> {
    this.assertOpen();
    checkCollection(collection);
    docs.forEach((doc, i) => {
      checkKey(doc.id, `docs[${i}].id`, 'id');
      checkPosition(doc.position, `docs[${i}].position`);
      if (typeof doc.dataJson !== 'string' || doc.dataJson.length === 0)
        throw new ReadStoreInputError('data.not-json', `docs[${i}].dataJson`, 'dataJson must be JSON text');
    });
    if (docs.length === 0) return 0;
    return inTransaction(this.db, () => {
      ensureCollection(this.db, this.statements, collection);
      const put = putStatement(this.statements, collection);
      let applied = 0;
      for (const doc of docs) applied += Number(put.run(doc.id, doc.position, doc.dataJson).changes) > 0 ? 1 : 0;
      return applied;
    });
  }

  async find<T = unknown>(collection: string, query?: FindQuery): Promise<ReadDocument<T>[]> {
    this.assertOpen();
    checkCollection(collection);
    const checked = checkFindQuery(query);
    if (!this.statements.hasCollection(collection)) return [];
    const { sql, params } = findSql(collection, checked);
    const rows = this.statements.get(sql, true).all(...params) as unknown as [string, number, string][];
    return rows.map(([id, position, data]) => ({ id, position, data: JSON.parse(data) as T }));
  }

  async count(collection: string, where?: WhereFilter): Promise<number> {
    this.assertOpen();
    checkCollection(collection);
    const checked = checkWhere(where);
    if (!this.statements.hasCollection(collection)) return 0;
    const { sql, params } = countSql(collection, checked);
    return (this.statements.get(sql, true).get(...params) as unknown as [number])[0];
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    this.assertOpen();
    checkCollection(collection);
    const checked = checkIndexFields(fields);
    inTransaction(this.db, () => {
      ensureCollection(this.db, this.statements, collection);
      this.db.exec(createIndex(collection, checked));
    });
  }

  async dropCollection(collection: string): Promise<void> {
    this.assertOpen();
    checkCollection(collection);
    // Cached statements on the table would keep pointing at the dropped schema.
    this.statements.clear();
    this.db.exec(`DROP TABLE IF EXISTS ${collectionTable(collection)}`);
  }

  async loadCheckpoint(name: string): Promise<number> {
    this.assertOpen();
    checkKey(name, 'name', 'checkpoint-name');
    const row = this.statements.get('SELECT position FROM read_store_checkpoints WHERE name = ?').get(name) as
      { position: number } | undefined;
    return row?.position ?? 0;
  }

  async resetCheckpoint(name: string): Promise<void> {
    this.assertOpen();
    checkKey(name, 'name', 'checkpoint-name');
    this.statements.get('DELETE FROM read_store_checkpoints WHERE name = ?').run(name);
  }

  async hasProcessed(consumer: string, messageId: string): Promise<boolean> {
    this.assertOpen();
    checkKey(consumer, 'consumer', 'consumer');
    checkKey(messageId, 'messageId', 'message-id');
    const sql = 'SELECT 1 FROM read_store_processed WHERE consumer = ? AND message_id = ?';
    return this.statements.get(sql).get(consumer, messageId) !== undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreClosed();
  }
}
