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
import {
  Admin,
  Consumer,
  findErrorBy,
  ProduceAcks,
  Producer,
  stringSerializer,
  stringDeserializers,
} from '@platformatic/kafka';
import type { Buffer } from 'node:buffer';
import { drainMembers, joinWithRetries } from '../join-retry';
import { kafkaBusSettings, type KafkaBusOptions, type KafkaBusSettings } from '../kafka-options';
import { TopicCreator, type TopicLayout } from '../kafka-topics';
import { positiveMurmur2 } from '../murmur2';
import { splitByBytes } from '../publish-requests';
import { PlatformaticSubscription, type StringConsumer } from './platformatic-subscription';

/** Options of {@link PlatformaticKafkaBus}: the same as {@link KafkaBus}'s. */
export type PlatformaticKafkaBusOptions = KafkaBusOptions;

/** Attempts of one produce request before a publish rejects (the client's default for idempotent producers is unbounded). */
const PRODUCE_RETRIES = 10;

/** @platformatic/kafka marks errors a later attempt may not meet with `canRetry`. */
function isRetriable(error: unknown): boolean {
  return error instanceof Error && findErrorBy(error, 'canRetry', true) !== null;
}

/**
 * The Java client's partitioner (`toPositive(murmur2(key)) % partitions`, which the producer
 * applies to what this returns), so kafkajs, Java and librdkafka (`murmur2_random`) clients
 * put a key in the same partition. (The client's own default partitioner differs for
 * negative hashes: it takes the hash as unsigned.) Keys are never empty on the Bus port.
 */
export function javaCompatiblePartitioner(_message: unknown, key: Buffer | undefined): number {
  return key ? positiveMurmur2(key) : 0;
}

/**
 * The Bus of the distributed mode, on Apache Kafka through @platformatic/kafka: the same
 * behaviour and options as {@link KafkaBus} (kafkajs), a second client behind the port.
 *
 * - Topics are created on first use with the configured partitions; the message key picks
 *   the partition with Kafka's murmur2 partitioner, as the Java client and KafkaBus do.
 * - Publishing uses one idempotent producer with `acks=all` (the client allows one request
 *   in flight per connection for idempotent producers). A publish larger than
 *   `maxRequestBytes` is sent as consecutive requests, each acknowledged before the next.
 * - Each {@link subscribe} call is one member of the consumer group `group`.
 * - Handler failures are retried, then dead-lettered to `<topic>.dlq`, per the port.
 */
export class PlatformaticKafkaBus implements Bus {
  private readonly settings: KafkaBusSettings;
  private readonly topics: TopicCreator;
  private readonly producer: Producer<string, Buffer, string, string>;
  private readonly admin: Admin;
  private readonly subscriptions = new Set<PlatformaticSubscription>();
  private closing: Promise<void> | null = null;
  private closed = false;

  constructor(options: PlatformaticKafkaBusOptions) {
    this.settings = kafkaBusSettings(options);
    const { clientId, brokers } = this.settings;
    this.producer = new Producer<string, Buffer, string, string>({
      clientId,
      bootstrapBrokers: brokers,
      idempotent: true,
      acks: ProduceAcks.ALL,
      retries: PRODUCE_RETRIES,
      autocreateTopics: false,
      partitioner: javaCompatiblePartitioner,
      serializers: { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer },
    });
    this.admin = new Admin({ clientId, bootstrapBrokers: brokers });
    this.topics = new TopicCreator(
      { create: (topic, layout) => this.createTopic(topic, layout), hasLeaders: (topic) => this.hasLeaders(topic) },
      this.settings,
    );
  }

  /** Connects the producer (and registers it as idempotent) and the admin client now instead of on first use. */
  async connect(): Promise<void> {
    if (this.closing) throw new BusClosed();
    await Promise.all([this.producer.initIdempotentProducer({}), this.admin.metadata({ topics: [] })]);
  }

  /**
   * Sends `messages` in order, in as few produce requests as `maxRequestBytes` allows, each
   * acknowledged by all in-sync replicas before the next is sent; resolves when the last one
   * is. On a rejection the requests before it were accepted (at-least-once).
   */
  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    // Dead letters of draining subscriptions are still accepted while the bus closes.
    if (this.closed) throw new BusClosed();
    assertValidPublish(topic, messages);
    if (messages.length === 0) return;
    const requests = splitByBytes(messages, this.settings.maxRequestBytes);
    await this.topics.ensure(topic);
    for (const request of requests) {
      await this.producer.send({
        messages: request.map((m) => ({ topic, key: m.key, value: m.value, headers: m.headers })),
      });
    }
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

  private newSubscription(options: SubscribeOptions): PlatformaticSubscription {
    const consumer: StringConsumer = new Consumer<string, string, string, string>({
      clientId: this.settings.clientId,
      bootstrapBrokers: this.settings.brokers,
      groupId: options.group,
      autocreateTopics: false,
      deserializers: stringDeserializers,
    });
    const subscription: PlatformaticSubscription = new PlatformaticSubscription(consumer, {
      topic: options.topic,
      group: options.group,
      handler: options.handler,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      partitionConcurrency: this.settings.partitionConcurrency,
      fetchMaxWaitMs: this.settings.fetchMaxWaitMs,
      deadLetter: (message) => this.publish(deadLetterTopic(options.topic), [message]),
      log: this.settings.log,
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await drainMembers(this.subscriptions);
      this.closed = true;
      await Promise.allSettled([this.producer.close(), this.admin.close()]);
    })();
    return this.closing;
  }

  /** Creates `topic`; one that exists already is not an error. */
  private async createTopic(topic: string, layout: TopicLayout): Promise<void> {
    try {
      await this.admin.createTopics({
        topics: [topic],
        partitions: layout.partitions,
        replicas: layout.replicationFactor,
      });
    } catch (error) {
      if (!(error instanceof Error) || findErrorBy(error, 'apiId', 'TOPIC_ALREADY_EXISTS') === null) throw error;
    }
  }

  private async hasLeaders(topic: string): Promise<boolean> {
    const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: true });
    const partitions = metadata.topics.get(topic)?.partitions ?? [];
    return partitions.length > 0 && partitions.every((p) => p.leader >= 0);
  }
}
