import type { DatabaseSync } from 'node:sqlite';
import type { BatchResult, CheckedBatch, CheckedDelete, CheckedPut } from '@relapse-watch/read-store-core';
import { collectionTable, createCollectionTable } from './schema';
import type { StatementCache } from './statement-cache';

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction: taking the write lock up front means
 * a writer in another process waits (busy_timeout) instead of failing half-way.
 */
export function inTransaction<R>(db: DatabaseSync, work: () => R): R {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Within a write transaction: creates the collection's table on its first write. */
export function ensureCollection(db: DatabaseSync, statements: StatementCache, collection: string): void {
  if (!statements.hasCollection(collection)) db.exec(createCollectionTable(collection));
}

/** Writes a checked batch in one transaction: operations, processed ids, then the checkpoint. */
export function writeBatch(db: DatabaseSync, statements: StatementCache, batch: CheckedBatch): BatchResult {
  return inTransaction(db, () => {
    if (batch.processed && isAnyProcessed(statements, batch.processed.consumer, batch.processed.messageIds)) {
      return { applied: batch.operations.map(() => false), alreadyProcessed: true };
    }
    // Each collection's table once per batch (a lookup in sqlite_schema per operation showed in profiles).
    for (const collection of new Set(batch.operations.map((op) => op.collection)))
      ensureCollection(db, statements, collection);
    const applied = batch.operations.map((op) =>
      op.type === 'put' ? putRow(statements, op) : tombstoneRow(statements, op),
    );
    if (batch.processed) {
      const insert = statements.get(
        'INSERT INTO read_store_processed (consumer, message_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      );
      const now = new Date().toISOString();
      for (const messageId of batch.processed.messageIds) insert.run(batch.processed.consumer, messageId, now);
    }
    if (batch.checkpoint) {
      statements
        .get(
          `INSERT INTO read_store_checkpoints (name, position) VALUES (?, ?)
           ON CONFLICT (name) DO UPDATE SET position = excluded.position WHERE excluded.position > position`,
        )
        .run(batch.checkpoint.name, batch.checkpoint.position);
    }
    return { applied, alreadyProcessed: false };
  });
}

function isAnyProcessed(statements: StatementCache, consumer: string, messageIds: readonly string[]): boolean {
  const seen = statements.get('SELECT 1 FROM read_store_processed WHERE consumer = ? AND message_id = ?');
  return messageIds.some((id) => seen.get(consumer, id) !== undefined);
}

/** The position-guarded upsert of one document of `collection`. */
export function putStatement(statements: StatementCache, collection: string) {
  return statements.get(
    `INSERT INTO ${collectionTable(collection)} (id, position, data) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data WHERE excluded.position > position`,
  );
}

function putRow(statements: StatementCache, op: CheckedPut): boolean {
  const result = putStatement(statements, op.collection).run(op.id, op.position, op.dataJson);
  return Number(result.changes) > 0;
}

/** A delete keeps the row as a tombstone (data NULL) holding the delete's position. */
function tombstoneRow(statements: StatementCache, op: CheckedDelete): boolean {
  const table = collectionTable(op.collection);
  const row = statements.get(`SELECT position, data IS NOT NULL AS live FROM ${table} WHERE id = ?`).get(op.id) as
    { position: number; live: number } | undefined;
  if (row && row.position >= op.position) return false;
  statements
    .get(
      `INSERT INTO ${table} (id, position, data) VALUES (?, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = NULL`,
    )
    .run(op.id, op.position);
  return row?.live === 1;
}
