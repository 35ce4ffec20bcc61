import { idempotentHandler, type MessageHandler } from '@relapse-watch/messaging-core';
import { processedMessageStore, type ReadStore, type ReadStoreBatch } from '@relapse-watch/read-store-core';
import { registryFactsEventOf, type RegistryFactsEvent } from './registry-facts.events';
import { registryContractCheck } from './registry-facts.validation';

/** Where a skipped event is reported: ids, type and the schema path only (the data is about residents). */
export interface SkippedEventLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Options of {@link registryFactsHandler}. */
export interface RegistryFactsHandlerOptions {
  /** The service's consumer group, under which processed ids are kept. */
  readonly consumer: string;
  readonly store: ReadStore;
  /** The officials' time zone: the day an event was learnt is a local date. */
  readonly utcOffsetMinutes: number;
  readonly log: SkippedEventLog;
  /** The writes one event makes in the service's own view (the lib's `registryFactsEffects`, or a service's wrapper). */
  readonly effects: (store: ReadStore, event: RegistryFactsEvent) => Promise<ReadStoreBatch>;
}

/**
 * A service's handler of the registry's integration events: folds each into the service's own
 * household view once (the CloudEvent id is recorded as processed in the same read-store write as
 * the folded document, so a redelivery writes nothing). An event of a type the view does not fold
 * is acknowledged and left; one that does not match its contract (an older shape on a long-lived
 * topic) is skipped and logged by id and type only. A failure (the read store down) fails the
 * delivery, and the bus retries it, then dead-letters it.
 */
export function registryFactsHandler(options: RegistryFactsHandlerOptions): MessageHandler {
  const mismatchOf = registryContractCheck();
  return idempotentHandler({
    consumer: options.consumer,
    store: processedMessageStore(options.store),
    handle: async (envelope) => {
      const event = registryFactsEventOf(envelope, options.utcOffsetMinutes);
      if (event === null) return {};
      const mismatch = mismatchOf(envelope);
      if (mismatch !== null) {
        options.log.warn(
          { eventId: envelope.id, type: envelope.type, subject: envelope.subject, mismatch },
          '户籍事件不符合契约，未采用 / a registry event does not match its contract: skipped',
        );
        return {};
      }
      return options.effects(options.store, event);
    },
  });
}
