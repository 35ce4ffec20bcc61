import { ReadStoreInputError } from './errors';
import { isPlainObject } from './json-data.validation';
import type { ReadStore } from './read-store.port';
import type { ReadStoreBatch } from './read-store.types';

/**
 * The idempotent-consumer store of a consumer whose effects are read-store writes. It has
 * the shape of messaging's `ProcessedMessageStore<ReadStoreBatch>` (kept structural so the
 * read store does not depend on messaging).
 */
export interface ReadStoreProcessedMessages {
  /** Whether `consumer` already committed `messageId`. */
  hasProcessed(consumer: string, messageId: string): Promise<boolean>;
  /**
   * Applies the message's effects and marks it processed in one {@link ReadStore.applyBatch},
   * so a crash leaves either both or neither (or, without transactions, effects that the
   * position guard makes safe to apply again). When the id is already recorded (a
   * concurrent redelivery committed first), writes nothing and resolves.
   */
  commit(consumer: string, messageId: string, effects: ReadStoreBatch): Promise<void>;
}

/** Adapts a {@link ReadStore} to the idempotent-consumer store shape. */
export function processedMessageStore(readStore: ReadStore): ReadStoreProcessedMessages {
  return {
    hasProcessed: (consumer, messageId) => readStore.hasProcessed(consumer, messageId),
    async commit(consumer, messageId, effects) {
      const earlier: unknown = effects?.processed;
      let messageIds: unknown[] = [messageId];
      if (earlier !== undefined) {
        const sameConsumer =
          isPlainObject(earlier) && earlier['consumer'] === consumer && Array.isArray(earlier['messageIds']);
        if (!sameConsumer) {
          throw new ReadStoreInputError(
            'processed.conflict',
            'effects.processed',
            'The effects already mark messages processed, not as a list for this consumer',
          );
        }
        messageIds = [...(earlier['messageIds'] as unknown[]), messageId];
      }
      await readStore.applyBatch({ ...effects, processed: { consumer, messageIds: messageIds as string[] } });
    },
  };
}
