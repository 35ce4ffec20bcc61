import type { NewEvent, StoredEvent } from '@relapse-watch/event-store-core';

/**
 * A new event as the import's in-memory views hold it before (or without) reading it back:
 * what a decider folds (type, data) and what a replay compares (id, revision) are exact; the
 * store's own columns (recording time, hash chain) are left empty, so these never stand in for
 * stored events anywhere but in those views.
 */
export function provisionalStoredEvent(
  event: NewEvent,
  streamId: string,
  revision: number,
  position: number,
): StoredEvent {
  return {
    id: event.id,
    streamId,
    revision,
    position,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata,
    recordedAt: '',
    hash: '',
    prevHash: null,
  };
}
