/** Injection token for the {@link Bus} port. */
export const BUS = Symbol.for('relapse-watch.bus');

/** A message to publish. */
export interface BusMessage {
  /**
   * Partitioning and ordering key: the aggregate id for integration events. Messages with
   * the same key reach every consumer group in publish order. Non-empty.
   */
  readonly key: string;
  /** The payload: for integration events, the serialised CloudEvent (structured JSON mode). */
  readonly value: string;
  /** String headers carried with the message (Kafka record headers). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A message as a handler receives it. */
export interface ReceivedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  /** The headers as published (an empty object when there were none). */
  readonly headers: Readonly<Record<string, string>>;
  /** Partition the message was read from. */
  readonly partition: number;
  /** Offset in its partition, a decimal integer as a string (Kafka offsets exceed 2^53). */
  readonly offset: string;
  /** 1 on first delivery to this subscription, then 2, 3… on retries after a handler failure. */
  readonly attempt: number;
}

/**
 * Handles one message. Resolving means done: the message counts as consumed for the group.
 * Rejecting means retry (see {@link SubscribeOptions.maxAttempts}). Error messages end up in
 * the `x-error-message` header of a dead-lettered message, so they must not carry personal data.
 */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

/** Options of {@link Bus.subscribe}. */
export interface SubscribeOptions {
  readonly topic: string;
  /**
   * Consumer group: every group receives every message of the topic; within one group each
   * message is handled by one subscription. A group that never consumed the topic starts at
   * its beginning; a group that did resumes after the last message it finished.
   */
  readonly group: string;
  readonly handler: MessageHandler;
  /** Handler attempts per message, the first included, before dead-lettering; default 5. */
  readonly maxAttempts?: number;
  /**
   * Wait before the first retry, in ms; each further retry waits twice as long as the one
   * before, up to {@link MAX_RETRY_DELAY_MS}. Default 100.
   */
  readonly retryDelayMs?: number;
}

/** A running subscription. */
export interface BusSubscription {
  readonly topic: string;
  readonly group: string;
  /**
   * Stops fetching, lets handlers already running finish (without retrying them if they
   * fail), commits what finished, then resolves. No handler of this subscription starts
   * after it resolves. Messages fetched but not started go to the group's next subscription.
   * Idempotent: later calls return the same promise.
   */
  close(): Promise<void>;
}

/**
 * The message bus port: Kafka in the distributed mode, an in-process log in the embedded
 * mode. Every adapter passes the conformance suite in `@relapse-watch/messaging-testing`.
 *
 * Guarantees:
 * - **At-least-once**: a message is delivered until a handler of the group finishes it;
 *   after a crash or a close, the group may see again messages it already handled, so
 *   handlers are idempotent (see {@link idempotentHandler}).
 * - **Per-key order within a group**: messages with the same key are handled one at a time
 *   in publish order; messages with different keys may be handled concurrently.
 * - **Fan-out**: every consumer group receives every message.
 * - **Bounded retries, then dead letter**: a failing message is retried up to `maxAttempts`
 *   in all, holding back later messages with the same key; after the last failure it is
 *   published to `<topic>.dlq` with its key, value and headers plus `x-original-topic`,
 *   `x-original-partition`, `x-original-offset`, `x-error-message` and `x-attempts`, and
 *   the subscription moves on. A dead-letter topic is consumed like any other topic.
 */
export interface Bus {
  /**
   * Publishes messages to one topic, in order. Resolves when the bus has durably accepted
   * all of them (Kafka: acknowledged by all in-sync replicas). On rejection some may have
   * been accepted: publishing is at-least-once, callers re-publish.
   * @throws {@link InvalidBusRequest} for a bad topic or message; nothing is published.
   * @throws {@link BusClosed} after {@link close}.
   */
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;

  /**
   * Starts consuming `topic` as a member of `group`; resolves once the subscription is
   * registered (messages may arrive at once).
   *
   * A group name serves one topic: subscriptions of one group to different topics are not
   * supported. (On Kafka a group's partitions are shared out over all its members whatever
   * topic each one reads, so a member could be handed partitions it never fetches.) A
   * service reading several topics uses one group per topic, e.g. `<service>.<topic>` as
   * the Nest transport strategy does.
   * @throws {@link InvalidBusRequest} for bad options.
   * @throws {@link BusClosed} after {@link close}.
   */
  subscribe(options: SubscribeOptions): Promise<BusSubscription>;

  /**
   * Closes every open subscription as {@link BusSubscription.close} does (all stop fetching,
   * then each drains in the order they were opened), then releases the bus's resources.
   * Idempotent.
   */
  close(): Promise<void>;
}
