import { createHash } from 'node:crypto';

/**
 * The embedded read store's schema: one table per collection, plus tables for checkpoints
 * and processed message ids.
 *
 * Why a table per collection rather than one documents table keyed by (collection, id):
 * a rebuild drops a collection, and DROP TABLE frees it at once where a DELETE of every
 * row would rewrite the whole table inside one large transaction; an expression index
 * then covers only its own collection's rows, with no partial-index condition that
 * queries would have to repeat literally; and it mirrors MongoDB collections, so both
 * adapters keep one mental model. The cost — table names built from collection names —
 * is safe because names are checked against a strict pattern before use.
 *
 * A row whose `data` is NULL is a tombstone: it keeps the position of a delete so a
 * replayed older put cannot resurrect the document. Every read filters on
 * `data IS NOT NULL`, which also lets partial indexes on live rows be used.
 */
export const SCHEMA_VERSION = 1;

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS read_store_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS read_store_checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS read_store_processed (
  consumer     TEXT NOT NULL,
  message_id   TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (consumer, message_id)
) WITHOUT ROWID;
`;

/** Quoted table name of a (checked) collection; the prefix keeps clear of the store's own tables. */
export function collectionTable(collection: string): string {
  return `"rs_${collection}"`;
}

/** Unquoted name, as sqlite_schema lists it. */
export function collectionTableName(collection: string): string {
  return `rs_${collection}`;
}

/** DDL of a collection's table. JSON text in `data` keeps the file readable with any SQLite shell. */
export function createCollectionTable(collection: string): string {
  return `CREATE TABLE IF NOT EXISTS ${collectionTable(collection)} (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    data     TEXT
  )`;
}

/**
 * The expression SQL compares and sorts a data field by. Paths are inlined rather than
 * bound: an expression index is only used when the query repeats its exact expression.
 * Safe because field paths are checked against `FIELD_PATH` (identifiers and dots).
 */
export function fieldExpression(path: string): string {
  return `json_extract(data, '$.${path}')`;
}

/** JSON type of a data field, as `json_type` names it ('text', 'integer', 'true', …). */
export function fieldType(path: string): string {
  return `json_type(data, '$.${path}')`;
}

/** DDL of an expression index over these (checked) field paths, named after them. */
export function createIndex(collection: string, fields: readonly string[]): string {
  const digest = createHash('sha256').update(fields.join(',')).digest('hex').slice(0, 16);
  return `CREATE INDEX IF NOT EXISTS "rsx_${collection}_${digest}" ON ${collectionTable(collection)} (${fields
    .map(fieldExpression)
    .join(', ')}) WHERE data IS NOT NULL`;
}
