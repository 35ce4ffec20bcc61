/**
 * One read-model document. `position` is the global event position of the last event
 * applied to it: every write is guarded by it, so replaying events never applies one twice.
 */
export interface ReadDocument<T = unknown> {
  /** Unique within its collection; 1–200 characters. */
  readonly id: string;
  /** Non-negative safe integer. */
  readonly position: number;
  /** JSON data: plain objects, arrays, strings, finite numbers, booleans and null only. */
  readonly data: T;
}

/** A scalar an equality filter can compare a data field with. */
export type FieldValue = string | number | boolean | null;

/**
 * A field equal to any of the listed values (each compared as an equality condition); an
 * empty list matches nothing. Lists filter by a set of units in one lookup, e.g. the
 * villages a village inspector covers. At most {@link MAX_IN_VALUES} values.
 */
export interface AnyOf {
  readonly in: readonly FieldValue[];
}

/** Most values of one {@link AnyOf} condition. */
export const MAX_IN_VALUES = 1000;

/**
 * Conditions on data fields, all of which must hold: an equality, or {@link AnyOf}. Keys are
 * field paths, dots for nesting (`'address.villageCode'`). Values match by JSON type as well
 * as value (`true` does not match `1`, `'1'` does not match `1`); `null` also matches a
 * missing field, as in MongoDB. Matching inside arrays is not part of the port.
 */
export type WhereFilter = Readonly<Record<string, FieldValue | AnyOf>>;

/** One sort key of a {@link FindQuery}. */
export interface SortKey {
  /** A data field path, as in {@link WhereFilter}. */
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** What {@link ReadStore.find} returns. */
export interface FindQuery {
  readonly where?: WhereFilter;
  /**
   * Sort keys, most significant first; ties are always broken by document id ascending so
   * paging with offset is stable. Strings compare by Unicode code point; a missing field
   * sorts before any value in ascending order. Sort on fields holding one JSON type.
   */
  readonly sort?: readonly SortKey[];
  /** At most this many documents; a positive integer. Default: all. */
  readonly limit?: number;
  /** Skip this many documents first; default 0. */
  readonly offset?: number;
}

/** Writes a document, guarded by its position (see {@link ReadStore.put}). */
export interface PutOperation {
  readonly type: 'put';
  readonly collection: string;
  readonly doc: ReadDocument;
}

/** Deletes a document, guarded by position (see {@link ReadStore.delete}). */
export interface DeleteOperation {
  readonly type: 'delete';
  readonly collection: string;
  readonly id: string;
  readonly position: number;
}

/** One document write of a {@link ReadStoreBatch}. */
export type ReadStoreOperation = PutOperation | DeleteOperation;

/** Everything one {@link ReadStore.applyBatch} writes. Every part is optional. */
export interface ReadStoreBatch {
  /** Applied in order, each position-guarded on its own. */
  readonly operations?: readonly ReadStoreOperation[];
  /** A subscriber's checkpoint, saved with the documents (a lower position than the stored one is ignored). */
  readonly checkpoint?: { readonly name: string; readonly position: number };
  /**
   * Message ids a consumer has now handled, saved with their effects. They are also the
   * batch's idempotency key: if the consumer already processed any of them, the batch
   * writes nothing (see {@link BatchResult.alreadyProcessed}).
   */
  readonly processed?: { readonly consumer: string; readonly messageIds: readonly string[] };
}

/** What {@link ReadStore.applyBatch} returns. */
export interface BatchResult {
  /** For each operation, in order: whether its position guard let it apply. */
  readonly applied: readonly boolean[];
  /**
   * True when the batch's `processed` consumer had already processed one of its message
   * ids (a redelivery that lost the race): nothing at all was written.
   */
  readonly alreadyProcessed: boolean;
}
