import type { ReadStore } from './read-store.port';

/** A document whose data is already JSON text (made with `JSON.stringify` from JSON data). */
export interface JsonTextDocument {
  readonly id: string;
  readonly position: number;
  readonly dataJson: string;
}

/**
 * An optional capability of a read store (see {@link writesJsonText}): many documents whose data
 * the caller already serialised, written as {@link ReadStore.put} would write each —
 * position-guarded — in one transaction per call. For rebuilds that write a generation of
 * hundreds of thousands of documents: the collection name, ids and positions are checked, the
 * data text is not parsed or checked (the caller made it with `JSON.stringify` from data that
 * {@link ReadStore.put} would accept). Implemented by the SQLite adapter.
 */
export interface JsonTextWriter {
  /**
   * Writes the documents in order in one transaction; each applies only if its position is
   * greater than what is stored under its id.
   * @returns how many applied.
   * @throws ReadStoreInputError for a bad collection name, id or position; nothing is written.
   */
  putJsonTexts(collection: string, docs: readonly JsonTextDocument[]): Promise<number>;
}

/** Whether `store` offers {@link JsonTextWriter.putJsonTexts}. */
export function writesJsonText<T extends ReadStore>(store: T): store is T & JsonTextWriter {
  return typeof (store as Partial<JsonTextWriter>).putJsonTexts === 'function';
}
