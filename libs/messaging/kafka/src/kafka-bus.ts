import {
  assertValidPublish,
  assertValidSubscribe,
  BusClosed,
  deadLetterTopic,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_DELAY_MS,
  InvalidBusRequest,
  type Bus,
  type BusMessage,
  type BusSubscription,
  type SubscribeOptions,
} from '@relapse-watch/messaging-core';
import { Buffer } from 'node:buffer';
import { Kafka, type Admin, type Producer } from 'kafkajs';
import { quietLogCreator, type KafkaLogSink } from './kafka-logger';
import { KafkaSubscription } from './kafka-subscription';
import { Murmur2Partitioner } from './murmur2-partitioner';
import { TopicCreator } from './kafka-topics';

/** Options of {@link KafkaBus}. */
export interface KafkaBusOptions {
  /** Bootstrap brokers, `host:port` each; see {@link brokersFromKafkaUrl}. */
  readonly brokers: readonly string[];
  /** Client id the broker logs and quotas see; default `relapse-watch`. */
  readonly clientId?: string;
  /** Partitions of each topic the bus creates; default 3. Existing topics keep theirs. */
  readonly partitions?: number;
  /** Replicas of each topic the bus creates; default 1 (the single local broker), 3 in production. */
  readonly replicationFactor?: number;
  /** Partitions one subscription handles at the same time; default: {@link partitions}. */
  readonly partitionConcurrency?: number;
  /**
   * Longest a fetch waits at the broker for new records, in ms; default 500. A closing
   * subscription waits for its fetch in flight, so this bounds how long a close takes on an
   * idle topic; lower means more idle requests (two per second per subscription at 500).
   */
  readonly fetchMaxWaitMs?: number;
  /** Receives kafkajs log lines (level, component, message only); default: discarded. */
  readonly log?: KafkaLogSink;
  /**
   * Most bytes (keys, values, headers and a per-record allowance) one produce request
   * carries; default {@link DEFAULT_MAX_REQUEST_BYTES}, under the broker's default
   * `message.max.bytes` (1 MiB per partition batch). A larger publish goes out as several
   * requests, one after the other; a single message larger than this is refused.
   */
  readonly maxRequestBytes?: number;
}

/** Default of {@link KafkaBusOptions.maxRequestBytes}: stays under Kafka's default 1 MiB `message.max.bytes`. */
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
/** Allowance per record for its framing in a record batch (length, attributes, deltas, varints). */
const RECORD_OVERHEAD_BYTES = 32;

/** A message as kafkajs takes it, with its value already UTF-8 encoded (encoded once, measured for free). */
interface EncodedMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string> | undefined;
  /** Size estimate in a record batch: key, value and headers bytes plus framing. */
  readonly bytes: number;
}

function encode(message: BusMessage): EncodedMessage {
  const value = Buffer.from(message.value, 'utf8');
  let bytes = RECORD_OVERHEAD_BYTES + value.length + Buffer.byteLength(message.key);
  let headers: Record<string, string> | undefined;
  if (message.headers) {
    headers = { ...message.headers };
    for (const name in headers) bytes += 8 + Buffer.byteLength(name) + Buffer.byteLength(headers[name]);
  }
  return { key: message.key, value, headers, bytes };
}

/** Attempts to join a consumer group while the broker answers with a retriable refusal. */
const JOIN_ATTEMPTS = 10;
/** First wait between join attempts; it grows linearly (about 11 s over all attempts). */
const JOIN_RETRY_DELAY_MS = 200;

/** kafkajs marks errors a later attempt may not meet (coordinator loading or moving). */
function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

function wholeNumber(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidBusRequest('bus.invalid-options', field, `${field} is a whole number from 1`);
  return n;
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
    if (!Array.isArray(options?.brokers) || options.brokers.length === 0 || !options.brokers.every((b) => typeof b === 'string' && b.length > 0)) {
      throw new InvalidBusRequest('bus.invalid-options', 'brokers', 'brokers is a non-empty list of host:port');
    }
    const partitions = wholeNumber(options.partitions, 3, 'partitions');
    const replicationFactor = wholeNumber(options.replicationFactor, 1, 'replicationFactor');
    this.partitionConcurrency = wholeNumber(options.partitionConcurrency, partitions, 'partitionConcurrency');
    this.fetchMaxWaitMs = wholeNumber(options.fetchMaxWaitMs, 500, 'fetchMaxWaitMs');
    this.maxRequestBytes = wholeNumber(options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES, 'maxRequestBytes');
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'relapse-watch',
      brokers: [...options.brokers],
      logCreator: quietLogCreator(options.log),
    });
    this.topics = new TopicCreator(() => this.connectedAdmin(), { partitions, replicationFactor });
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
    const requests = this.splitByBytes(messages);
    await this.topics.ensure(topic);
    const producer = await this.connectedProducer();
    for (const request of requests) await producer.send({ topic, acks: -1, messages: request });
  }

  /**
   * The messages encoded, in consecutive slices of at most `maxRequestBytes` each.
   * @throws {@link InvalidBusRequest} `bus.invalid-message` for a message larger than that alone; nothing is sent.
   */
  private splitByBytes(messages: readonly BusMessage[]): EncodedMessage[][] {
    const requests: EncodedMessage[][] = [];
    let request: EncodedMessage[] = [];
    let bytes = 0;
    for (let i = 0; i < messages.length; i++) {
      const message = encode(messages[i]);
      if (message.bytes > this.maxRequestBytes) {
        throw new InvalidBusRequest('bus.invalid-message', `messages[${i}]`, `A message is at most maxRequestBytes (${this.maxRequestBytes}) bytes`);
      }
      if (bytes + message.bytes > this.maxRequestBytes) {
        requests.push(request);
        request = [];
        bytes = 0;
      }
      request.push(message);
      bytes += message.bytes;
    }
    requests.push(request);
    return requests;
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    if (this.closing) throw new BusClosed();
    assertValidSubscribe(options);
    await this.topics.ensure(options.topic);
    // A new broker answers "coordinator loading" until its offsets topic is ready (and a
    // restarting one answers likewise): such retriable refusals to join are retried, bounded.
    for (let attempt = 1; ; attempt++) {
      const subscription = this.newSubscription(options);
      try {
        await subscription.start();
        return subscription;
      } catch (error) {
        await subscription.close().catch(() => undefined);
        if (!isRetriable(error) || attempt >= JOIN_ATTEMPTS || this.closing) throw error;
        await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_DELAY_MS * attempt));
      }
    }
  }

  private newSubscription(options: SubscribeOptions): KafkaSubscription {
    const consumer = this.kafka.consumer({ groupId: options.group, allowAutoTopicCreation: false, maxWaitTimeInMs: this.fetchMaxWaitMs });
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
      const open = [...this.subscriptions];
      for (const subscription of open) subscription.stopFetching();
      for (const subscription of open) await subscription.close();
      this.closed = true;
      const producer = this.producer;
      const admin = this.admin;
      await Promise.allSettled([producer?.then((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
    })();
    return this.closing;
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connectOnce(() =>
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
    this.admin ??= this.connectOnce(() => this.kafka.admin(), () => (this.admin = null));
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
