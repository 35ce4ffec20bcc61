import {
  assertValidPublish,
  assertValidSubscribe,
  BusClosed,
  deadLetterTopic,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_DELAY_MS,
  type Bus,
  type BusMessage,
  type BusSubscription,
  type SubscribeOptions,
} from '@relapse-watch/messaging-core';
import { Kafka, type Admin, type Producer } from 'kafkajs';
import { drainMembers, joinWithRetries } from './join-retry';
import { quietLogCreator } from './kafka-logger';
import { kafkaBusSettings, type KafkaBusOptions } from './kafka-options';
import { KafkaSubscription } from './kafka-subscription';
import { TopicCreator } from './kafka-topics';
import { Murmur2Partitioner } from './murmur2-partitioner';
import { splitByBytes } from './publish-requests';

export { DEFAULT_MAX_REQUEST_BYTES, type KafkaBusOptions } from './kafka-options';

/** kafkajs marks errors a later attempt may not meet (coordinator loading or moving). */
function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/**
 * The Bus of the distributed mode, on Apache Kafka through kafkajs.
 *
 * - Topics are created on first use with the configured partitions; the message key (the
 *   aggregate id) picks the partition with Kafka's default (murmur2) partitioner, so one
 *   aggregate's messages stay in one partition and in order.
 * - Publishing uses one idempotent producer with `acks=all` and one request in flight: a
 *   broker retry can neither duplicate nor reorder a batch. (kafkajs 2.2.4 could not do
 *   better with more: its idempotent producer holds a per-broker lock across each produce
 *   request, and it lacks the sequence re-assignment that several requests in flight per
 *   partition need after a failure — tulios/kafkajs#980.) A publish larger than
 *   `maxRequestBytes` is sent as consecutive requests, each acknowledged before the next.
 * - Each {@link subscribe} call is one member of the consumer group `group`; several
 *   members of a group (in this process or others) share the partitions.
 * - Handler failures are retried, then dead-lettered to `<topic>.dlq`, per the port.
 *
 * Connections open lazily on first use; {@link connect} opens them up front so a service
 * fails at start-up rather than on its first event.
 */
export class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly topics: TopicCreator;
  private readonly partitionConcurrency: number;
  private readonly fetchMaxWaitMs: number;
  private readonly maxRequestBytes: number;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;
  private closing: Promise<void> | null = null;
  private closed = false;

  constructor(options: KafkaBusOptions) {
    const settings = kafkaBusSettings(options);
    this.partitionConcurrency = settings.partitionConcurrency;
    this.fetchMaxWaitMs = settings.fetchMaxWaitMs;
    this.maxRequestBytes = settings.maxRequestBytes;
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logCreator: quietLogCreator(settings.log),
    });
    this.topics = new TopicCreator(
      {
        create: async (topic, layout) => {
          const admin = await this.connectedAdmin();
          // createTopics resolves false when the topic exists already, which is the common case.
          // The leader wait is TopicCreator's: kafkajs's own gives up when a broker that just
          // started does not know the topic yet.
          await admin.createTopics({
            waitForLeaders: false,
            topics: [{ topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor }],
          });
        },
        hasLeaders: async (topic) => {
          const { topics } = await (await this.connectedAdmin()).fetchTopicMetadata({ topics: [topic] });
          const partitions = topics.find((t) => t.name === topic)?.partitions ?? [];
          return partitions.length > 0 && partitions.every((p) => p.leader >= 0);
        },
      },
      settings,
    );
  }

  /** Connects the producer and the admin client now instead of on first use. */
  async connect(): Promise<void> {
    if (this.closing) throw new BusClosed();
    await Promise.all([this.connectedProducer(), this.connectedAdmin()]);
  }

  /**
   * Sends `messages` in order, in as few produce requests as {@link KafkaBusOptions.maxRequestBytes}
   * allows, each acknowledged by all in-sync replicas before the next is sent; resolves when
   * the last one is. On a rejection the requests before it were accepted (at-least-once: the
   * caller publishes again).
   */
  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    // Dead letters of draining subscriptions are still accepted while the bus closes.
    if (this.closed) throw new BusClosed();
    assertValidPublish(topic, messages);
    if (messages.length === 0) return;
    const requests = splitByBytes(messages, this.maxRequestBytes);
    await this.topics.ensure(topic);
    const producer = await this.connectedProducer();
    for (const request of requests) await producer.send({ topic, acks: -1, messages: request });
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    if (this.closing) throw new BusClosed();
    assertValidSubscribe(options);
    await this.topics.ensure(options.topic);
    return joinWithRetries(
      () => this.newSubscription(options),
      isRetriable,
      () => this.closing !== null,
    );
  }

  private newSubscription(options: SubscribeOptions): KafkaSubscription {
    const consumer = this.kafka.consumer({
      groupId: options.group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.fetchMaxWaitMs,
    });
    const subscription: KafkaSubscription = new KafkaSubscription(consumer, {
      topic: options.topic,
      group: options.group,
      handler: options.handler,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      partitionConcurrency: this.partitionConcurrency,
      heartbeatIntervalMs: 3_000,
      deadLetter: (message) => this.publish(deadLetterTopic(options.topic), [message]),
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await drainMembers(this.subscriptions);
      this.closed = true;
      const producer = this.producer;
      const admin = this.admin;
      await Promise.allSettled([producer?.then((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
    })();
    return this.closing;
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connectOnce(
      () =>
        this.kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          // Named explicitly: the Java client's murmur2 choice, so other clients agree on
          // partitions (kafkajs's DefaultPartitioner, with a hash that does not allocate).
          createPartitioner: Murmur2Partitioner,
        }),
      () => (this.producer = null),
    );
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= this.connectOnce(
      () => this.kafka.admin(),
      () => (this.admin = null),
    );
    return this.admin;
  }

  /** Connects a client; on failure forgets it so the next call tries again. */
  private async connectOnce<T extends { connect(): Promise<void> }>(make: () => T, forget: () => void): Promise<T> {
    const client = make();
    try {
      await client.connect();
      return client;
    } catch (error) {
      forget();
      throw error;
    }
  }
}
