import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { ReadDocument, ReadStoreOperation } from './read-store.types';

/**
 * A read model (STYLE.md §5): an evolve function over stored events, one document per id.
 * Pure like a decider: no clock, no I/O, and `evolve` must not mutate the `doc` it is given.
 */
export interface Projection<T> {
  /** Stable name; the runner's checkpoint is saved under it. */
  readonly name: string;
  /** Collection holding the documents. */
  readonly collection: string;
  /** Event types `evolve` understands; other events are skipped (but still advance the checkpoint). */
  readonly handles: readonly string[];
  /** The document an event changes, or null when this event changes none. */
  documentId(event: StoredEvent): string | null;
  /** The document after the event; null deletes it. `doc` is null when there is none yet. */
  evolve(doc: T | null, event: StoredEvent): T | null;
  /** Field-path lists the runner ensures as indexes before it starts (and after a rebuild). */
  readonly indexes?: readonly (readonly string[])[];
}

/** Ids of the documents the events change, in first-touch order, each once. */
export function touchedDocumentIds<T>(projection: Projection<T>, events: readonly StoredEvent[]): string[] {
  const handled = new Set(projection.handles);
  const ids = new Set<string>();
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const id = projection.documentId(event);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}

/**
 * Folds events (in position order) into the documents and returns the writes that store
 * the result: one put or delete per touched document, carrying the position of the last
 * event that changed it. `current` maps ids to the stored documents (a missing entry counts
 * as no document) and is updated in place, so several events on one document chain.
 * An event at or below a document's position is already in it and is skipped: that is
 * what keeps a replay, or a second runner, from applying an event twice.
 */
export function projectEvents<T>(
  projection: Projection<T>,
  events: readonly StoredEvent[],
  current: Map<string, ReadDocument<T> | null>,
): ReadStoreOperation[] {
  const handled = new Set(projection.handles);
  const lastChange = new Map<string, number>();
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const id = projection.documentId(event);
    if (id === null) continue;
    const doc = current.get(id) ?? null;
    if (doc !== null && event.position <= doc.position) continue;
    const data = projection.evolve(doc === null ? null : doc.data, event);
    current.set(id, data === null ? null : { id, position: event.position, data });
    // Re-inserting keeps the writes in the order of each document's last change.
    lastChange.delete(id);
    lastChange.set(id, event.position);
  }
  return [...lastChange].map(([id, position]): ReadStoreOperation => {
    const doc = current.get(id) ?? null;
    return doc === null
      ? { type: 'delete', collection: projection.collection, id, position }
      : { type: 'put', collection: projection.collection, doc };
  });
}

/**
 * The documents a projection builds from these events, without any store: the
 * Given-When-Then helper for read-model tests.
 */
export function foldProjection<T>(
  projection: Projection<T>,
  events: readonly StoredEvent[],
): Map<string, ReadDocument<T>> {
  const current = new Map<string, ReadDocument<T> | null>();
  projectEvents(projection, events, current);
  const documents = new Map<string, ReadDocument<T>>();
  for (const [id, doc] of current) if (doc !== null) documents.set(id, doc);
  return documents;
}
