import type { MessageHandler, ReceivedMessage } from './bus.port';
import { parseCloudEvent, type IntegrationEventEnvelope } from './cloud-event';

/**
 * Where an idempotent consumer keeps the ids of the messages it processed, next to its
 * effects. Implemented by the read-store adapters, whose documents are the usual effects.
 */
export interface ProcessedMessageStore<Effects> {
  /** True when `consumer` already committed the message with this id. */
  hasProcessed(consumer: string, messageId: string): Promise<boolean>;
  /**
   * Writes `effects` and records `messageId` as processed by `consumer`, in one atomic
   * write: either both are stored or neither. When the id is already recorded (a
   * concurrent redelivery committed first), writes nothing and resolves.
   */
  commit(consumer: string, messageId: string, effects: Effects): Promise<void>;
}

/** Computes a consumer's effects for one integration event, without writing them. */
export type EffectsHandler<Effects, Data = unknown> = (
  event: IntegrationEventEnvelope<Data>,
  message: ReceivedMessage,
) => Promise<Effects>;

/** Options of {@link idempotentHandler}. */
export interface IdempotentHandlerOptions<Effects, Data = unknown> {
  /** Name the processed ids are kept under: one per consumer (usually its group). */
  readonly consumer: string;
  readonly store: ProcessedMessageStore<Effects>;
  readonly handle: EffectsHandler<Effects, Data>;
}

/**
 * Wraps an effects handler into a bus handler that applies each integration event once,
 * however often the bus delivers it: a message whose CloudEvent id the consumer already
 * committed is skipped; otherwise the effects are computed and committed together with the
 * id. Redelivery after a failure that came after the commit therefore writes nothing twice.
 * A value that is not a valid integration event throws {@link InvalidCloudEvent}, which
 * ends in the dead-letter topic after the bus's retries.
 */
export function idempotentHandler<Effects, Data = unknown>(
  options: IdempotentHandlerOptions<Effects, Data>,
): MessageHandler {
  const { consumer, store, handle } = options;
  return async (message) => {
    const event = parseCloudEvent<Data>(message.value);
    if (await store.hasProcessed(consumer, event.id)) return;
    const effects = await handle(event, message);
    await store.commit(consumer, event.id, effects);
  };
}
