import type { BatchResult, FindQuery, ReadDocument, ReadStoreBatch, WhereFilter } from './read-store.types';

/** Most ids one {@link ReadStore.getMany} takes (what a projection batch touches fits well under it). */
export const MAX_GET_MANY_IDS = 10_000;

/** Injection token for the {@link ReadStore} port. */
export const READ_STORE = Symbol.for('relapse-watch.read-store');

/**
 * The read store port: projections (read models) as JSON documents in named collections.
 * Shaped so a store without transactions (MongoDB API on FerretDB 1.x) can implement it:
 * every write is keyed by document id and guarded by the event position stored in the
 * document, and queries are equality filters plus sort and paging.
 *
 * Every method rejects bad input with a {@link ReadStoreInputError} (with `code` and
 * `field`) before writing anything, and with {@link ReadStoreClosed} after {@link close}.
 * Collection names match `/^[a-z][a-z0-9_-]{0,62}$/`. Every adapter passes the
 * conformance suite in `@relapse-watch/read-store-testing`.
 */
export interface ReadStore {
  /** The document, or null when it does not exist (or was deleted). */
  get<T = unknown>(collection: string, id: string): Promise<ReadDocument<T> | null>;

  /**
   * The documents under these ids, read together: a map with every requested id as a key
   * (each once, duplicates allowed in `ids`), to its document or to null when it does not
   * exist (or was deleted) — what {@link get} would return for each. The map is a snapshot
   * per id, not across ids (engines without transactions read them in more than one step).
   * At most {@link MAX_GET_MANY_IDS} ids per call.
   */
  getMany<T = unknown>(collection: string, ids: readonly string[]): Promise<Map<string, ReadDocument<T> | null>>;

  /**
   * Writes the document only if `doc.position` is greater than the position of what is
   * stored under its id (a live document or a deletion), so a replayed event never
   * applies twice and an older write never overwrites a newer one.
   * @returns whether the write applied.
   */
  put<T = unknown>(collection: string, doc: ReadDocument<T>): Promise<boolean>;

  /**
   * Deletes the document if `position` is greater than its stored position. The deletion
   * keeps the id and position as an invisible tombstone, so a replayed older put cannot
   * bring the document back; a delete of an id never seen leaves such a tombstone too.
   * @returns whether a visible document was deleted.
   */
  delete(collection: string, id: string, position: number): Promise<boolean>;

  /**
   * Applies puts and deletes across collections, a checkpoint and processed message ids
   * as one write. Each operation stays position-guarded on its own; the whole batch is
   * validated first, and bad input anywhere writes nothing at all. When `processed` names
   * a message id its consumer already processed, the batch writes nothing and reports
   * `alreadyProcessed` (the idempotent-consumer guarantee).
   *
   * On SQLite the batch is one transaction. Engines without transactions (MongoDB API on
   * FerretDB) check the processed ids, then apply the parts in order — operations, then
   * processed ids, then the checkpoint last. That stays correct after a crash half-way:
   * neither checkpoint nor processed ids were saved, so the events or messages are
   * delivered again, and the position guard turns the operations that had applied into
   * no-ops. (Two deliveries racing past the check are absorbed the same way.)
   */
  applyBatch(batch: ReadStoreBatch): Promise<BatchResult>;

  /** The documents matching `query`, in its order (by id when it has no sort). */
  find<T = unknown>(collection: string, query?: FindQuery): Promise<ReadDocument<T>[]>;

  /** How many documents match `where` (all of the collection without it). */
  count(collection: string, where?: WhereFilter): Promise<number>;

  /**
   * Makes sure an index over these data field paths (in this order) exists, for fields
   * filtered or sorted on often. Idempotent; never changes results. Indexes go with
   * {@link dropCollection}, so callers ensure them again after a rebuild.
   */
  ensureIndex(collection: string, fields: readonly string[]): Promise<void>;

  /** Removes every document of the collection, tombstones and indexes included; used by rebuilds. */
  dropCollection(collection: string): Promise<void>;

  /** The checkpoint saved under `name` by {@link applyBatch}; 0 when there is none. */
  loadCheckpoint(name: string): Promise<number>;

  /** Forgets the checkpoint under `name`, so it reads 0 again; used by rebuilds. */
  resetCheckpoint(name: string): Promise<void>;

  /** Whether `messageId` was saved as processed by `consumer` in an {@link applyBatch}. */
  hasProcessed(consumer: string, messageId: string): Promise<boolean>;

  /** Releases the storage; later calls reject with {@link ReadStoreClosed}. Idempotent. */
  close(): Promise<void>;
}
