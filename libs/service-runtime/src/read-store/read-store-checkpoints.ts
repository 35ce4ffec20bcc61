import type { CheckpointStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';

/**
 * Subscriber checkpoints (the relay's) kept in the service's read store, which every mode has:
 * SQLite embedded, MongoDB distributed. A lower position than the stored one is ignored, as the
 * read store's own checkpoints are.
 */
export function readStoreCheckpoints(store: ReadStore): CheckpointStore {
  return {
    loadCheckpoint: (subscriber) => store.loadCheckpoint(subscriber),
    saveCheckpoint: async (subscriber, position) => {
      await store.applyBatch({ checkpoint: { name: subscriber, position } });
    },
  };
}
