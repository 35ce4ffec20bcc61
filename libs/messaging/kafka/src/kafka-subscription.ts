import {
  deliverWithRetries,
  type BusMessage,
  type BusSubscription,
  type MessageHandler,
  type ReceivedMessage,
} from '@relapse-watch/messaging-core';
import type { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';

/** What a subscription needs from its bus. */
export interface KafkaSubscriptionSettings {
  readonly topic: string;
  readonly group: string;
  readonly handler: MessageHandler;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** Partitions of the topic handled at the same time by this member. */
  readonly partitionConcurrency: number;
  /** Heartbeat period while a batch is being handled, in ms. */
  readonly heartbeatIntervalMs: number;
  readonly deadLetter: (message: BusMessage) => Promise<void>;
  /** Called once the subscription has drained and left its group. */
  readonly onClosed: () => void;
}

function headerText(value: IHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

/** The port's view of a Kafka record; foreign records without key or value read as empty strings. */
export function toReceived(topic: string, partition: number, record: KafkaMessage): Omit<ReceivedMessage, 'attempt'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    topic,
    key: record.key?.toString('utf8') ?? '',
    value: record.value?.toString('utf8') ?? '',
    headers,
    partition,
    offset: record.offset,
  };
}

/**
 * One consumer-group member on one topic. Per-key order comes from Kafka's partitioning:
 * a partition's records are handled strictly one after another (a failing record holds back
 * its partition while it is retried), and up to `partitionConcurrency` partitions run at
 * once. Offsets are resolved only after a record was handled or dead-lettered, and kafkajs
 * commits resolved offsets after each batch and when the member stops, so a record is never
 * committed before its dead letter was accepted.
 */
export class KafkaSubscription implements BusSubscription {
  readonly topic: string;
  readonly group: string;
  private readonly abort = new AbortController();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly consumer: Consumer,
    private readonly settings: KafkaSubscriptionSettings,
  ) {
    this.topic = settings.topic;
    this.group = settings.group;
  }

  /** Connects, joins the group and starts handling; resolves once the member has joined. */
  async start(): Promise<void> {
    const joined = new Promise<void>((resolve, reject) => {
      const removeJoin = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        removeJoin();
        removeCrash();
        resolve();
      });
      const removeCrash = this.consumer.on(this.consumer.events.CRASH, (event) => {
        removeJoin();
        removeCrash();
        reject(event.payload.error);
      });
    });
    // Observed now so a crash after a failed connect is not an unhandled rejection.
    joined.catch(() => undefined);
    await this.consumer.connect();
    // A group with no committed offset starts at the beginning, as the port promises.
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionConcurrency,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    await joined;
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  /**
   * No handler starts after this call; one already running finishes without further retries.
   * Used by the bus to stop every subscription before draining them one by one.
   */
  stopFetching(): void {
    this.abort.abort();
  }

  private async drain(): Promise<void> {
    this.stopFetching();
    try {
      // kafkajs stops fetching, waits for the batches in hand (our handlers), commits the
      // resolved offsets, then leaves the group so the next member takes over at once.
      await this.consumer.disconnect();
    } finally {
      this.settings.onClosed();
    }
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    // A long retry would otherwise outlast the session timeout and hand the partition to
    // another member while this one still works on it.
    const beat = setInterval(() => heartbeat().catch(() => undefined), this.settings.heartbeatIntervalMs);
    try {
      for (const record of batch.messages) {
        if (this.abort.signal.aborted || !isRunning() || isStale()) return;
        const outcome = await deliverWithRetries({
          message: toReceived(batch.topic, batch.partition, record),
          handler: this.settings.handler,
          maxAttempts: this.settings.maxAttempts,
          retryDelayMs: this.settings.retryDelayMs,
          signal: this.abort.signal,
          deadLetter: this.settings.deadLetter,
        });
        if (outcome === 'abandoned') return;
        resolveOffset(record.offset);
      }
    } finally {
      clearInterval(beat);
    }
  }
}
