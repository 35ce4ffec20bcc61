import { createHash } from 'node:crypto';
import { MongoServerError, type MongoBulkWriteError } from 'mongodb';

/**
 * How the MongoDB read store lays out its data.
 *
 * Each read-store collection is its own MongoDB collection, `rm_<name>`, so a rebuild
 * drops it in one command and an index covers one read model only. A document is
 * `{ _id: id, position, deleted, data }`: `_id` keys every write and every lookup, and
 * `position` is the guard every write compares against. A delete keeps the `_id` and its
 * position as a tombstone (`deleted: true`, no `data`) so a replayed older put cannot
 * resurrect the document. `deleted` is stored as `false` on live documents, not left out,
 * so `find` and `count` select them with an equality rather than `$ne`.
 *
 * What FerretDB 1.24 (SQLite backend) hands to SQLite is a filter of exactly
 * `{ _id: <string> }`, nothing else: with any other key, or `$in`, it loads every document
 * of the collection and filters in Go (about 0.1 ms per document). So lookups by id use
 * `{ _id }` alone and check `deleted` in code. Even that filter is a scan in SQLite
 * (`sjson->'$._id'` does not match its `_id` index, built on `sjson->"_id"`), ending at the
 * first match for a find but never for an update; only an insert goes through the index.
 *
 * The store's own collections have no `rm_` prefix, so no read-model name can collide
 * with them.
 */
export interface StoredDocument {
  readonly _id: string;
  readonly position: number;
  readonly deleted: boolean;
  readonly data?: unknown;
}

/** A saved checkpoint: `_id` is its name. */
export interface StoredCheckpoint {
  readonly _id: string;
  readonly position: number;
}

/** A processed message: `_id` is {@link processedKey} of consumer and message id. */
export interface StoredProcessed {
  readonly _id: string;
  readonly processedAt: string;
}

/** Collection of checkpoints. */
export const CHECKPOINTS = 'read_store_checkpoints';
/** Collection of processed message ids. */
export const PROCESSED = 'read_store_processed';

/** MongoDB collection of a (checked) read-store collection name. */
export function documentCollection(collection: string): string {
  return `rm_${collection}`;
}

/** The path of a (checked) data field path inside a stored document. */
export function dataPath(field: string): string {
  return `data.${field}`;
}

/**
 * One string `_id` for a consumer and a message id. A JSON array cannot be confused for
 * another pair whatever characters the names hold, and a string `_id` keeps the lookup
 * an equality on `_id` alone.
 */
export function processedKey(consumer: string, messageId: string): string {
  return JSON.stringify([consumer, messageId]);
}

/**
 * A stable index name from its fields: the default name joins every field path, which
 * for many long paths could pass the server's name length limit.
 */
export function indexName(fields: readonly string[]): string {
  return `rx_${createHash('sha256').update(fields.join(',')).digest('hex').slice(0, 16)}`;
}

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

/**
 * Whether `error` is the duplicate-key error an upsert raises when its filter missed an
 * existing `_id`: for a position-guarded write that means "not applied", not a failure.
 */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Whether every failure of an unordered bulk write was a duplicate key. */
export function onlyDuplicateKeys(error: MongoBulkWriteError): boolean {
  const failures = error.writeErrors;
  const list = Array.isArray(failures) ? failures : [failures];
  return list.length > 0 && list.every((e) => e.code === DUPLICATE_KEY) && !error.writeConcernError;
}

/** Whether `error` says the collection does not exist (dropping it is then already done). */
export function isNamespaceNotFound(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND;
}
