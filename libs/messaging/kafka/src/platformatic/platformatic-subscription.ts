import {
  deliverWithRetries,
  type BusMessage,
  type BusSubscription,
  type MessageHandler,
  type ReceivedMessage,
} from '@relapse-watch/messaging-core';
import { stringDeserializers, type Consumer, type Message, type MessagesStream } from '@platformatic/kafka';
import type { KafkaLogSink } from '../kafka-logger';

/** The consumer as the subscription uses it: keys, values and header names and values as strings. */
export type StringConsumer = Consumer<string, string, string, string>;
type StringMessage = Message<string, string, string, string>;

/** What a subscription needs from its bus. */
export interface PlatformaticSubscriptionSettings {
  readonly topic: string;
  readonly group: string;
  readonly handler: MessageHandler;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** Partitions of the topic handled at the same time by this member. */
  readonly partitionConcurrency: number;
  /** Longest a fetch waits at the broker, in ms. */
  readonly fetchMaxWaitMs: number;
  readonly deadLetter: (message: BusMessage) => Promise<void>;
  readonly log: KafkaLogSink | undefined;
  /** Called once the subscription has drained and left its group. */
  readonly onClosed: () => void;
}

/** Records fetched but not yet started, over all partitions, above which fetching pauses. */
const MAX_QUEUED = 2_000;

/** The port's view of a record; foreign records without key or value read as empty strings. */
export function toReceived(record: StringMessage): Omit<ReceivedMessage, 'attempt'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of record.headers)
    if (typeof name === 'string' && typeof value === 'string') headers[name] = value;
  return {
    topic: record.topic,
    key: record.key ?? '',
    value: record.value ?? '',
    headers,
    partition: record.partition,
    offset: record.offset.toString(),
  };
}

/** One partition's records in offset order, and whether a worker is handling them. */
interface PartitionQueue {
  readonly records: StringMessage[];
  running: boolean;
  /** Offset after the last record queued; a record below it was queued already (a stale fetch). */
  next: bigint | undefined;
}

/**
 * One consumer-group member on one topic, on @platformatic/kafka's `MessagesStream`. The
 * stream delivers every assigned partition's records in one flow; the subscription splits
 * them per partition, handles a partition's records strictly one after another (a failing
 * record holds back its partition while it is retried) and up to `partitionConcurrency`
 * partitions at once. A record's offset is committed (manually, coalesced by the client)
 * only after it was handled or its dead letter accepted. Heartbeats run in the background.
 */
export class PlatformaticSubscription implements BusSubscription {
  readonly topic: string;
  readonly group: string;
  private readonly abort = new AbortController();
  private readonly queues = new Map<number, PartitionQueue>();
  private readonly workers = new Set<Promise<void>>();
  /** Latest commit per partition; awaited before the member leaves. */
  private readonly commits = new Map<number, Promise<void>>();
  private stream: MessagesStream<string, string, string, string> | null = null;
  private queued = 0;
  private running = 0;
  private closing: Promise<void> | null = null;
  /** Restarts of a failed message stream since the last one that delivered; sets the backoff. */
  private failures = 0;
  private restarting = false;

  constructor(
    private readonly consumer: StringConsumer,
    private readonly settings: PlatformaticSubscriptionSettings,
  ) {
    this.topic = settings.topic;
    this.group = settings.group;
  }

  /** Joins the group and starts handling; resolves once the member has joined. */
  async start(): Promise<void> {
    // After a rebalance the stream fetches again from the committed offsets: records queued
    // before it are dropped (they come again, or go to the member that owns them now).
    this.consumer.on('consumer:group:join', () => this.dropQueued());
    await this.openStream();
  }

  private async openStream(): Promise<void> {
    const stream = await this.consumer.consume({
      topics: [this.topic],
      // A group with no committed offset starts at the beginning, as the port promises.
      mode: 'committed',
      fallbackMode: 'earliest',
      autocommit: false,
      maxWaitTime: this.settings.fetchMaxWaitMs,
      deserializers: stringDeserializers,
    });
    this.stream = stream;
    if (this.abort.signal.aborted) return;
    stream.on('error', (error: Error) => {
      this.warn('MessagesStream', error);
      this.restartSoon(stream);
    });
    stream.on('close', () => this.restartSoon(stream));
    stream.on('data', (record: StringMessage) => {
      this.failures = 0;
      this.enqueue(record);
    });
  }

  /**
   * A message stream that fails (a broker gone past the client's own retries) or ends while
   * the subscription is open is replaced by a new one after a backoff (0.5 s doubling up to
   * 30 s), as kafkajs restarts its consumer: the new stream starts at the committed offsets, so
   * records queued from the old one are dropped and come again (at-least-once, as the port says).
   */
  private restartSoon(failed: MessagesStream<string, string, string, string>): void {
    if (this.abort.signal.aborted || this.stream !== failed || this.restarting) return;
    this.restarting = true;
    this.dropQueued();
    const delay = Math.min(30_000, 500 * 2 ** this.failures++);
    const timer = setTimeout(() => {
      void (async () => {
        await failed.close().catch(() => undefined);
        if (!this.abort.signal.aborted) await this.openStream();
      })()
        .catch((error: unknown) => {
          this.warn('MessagesStream', error);
          this.restarting = false;
          // Try again later: the stream in hand is still the failed one.
          this.restartSoon(failed);
        })
        .finally(() => {
          if (this.stream !== failed) this.restarting = false;
        });
    }, delay);
    timer.unref();
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
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.stream?.pause();
    this.dropQueued();
  }

  private async drain(): Promise<void> {
    this.stopFetching();
    try {
      while (this.workers.size > 0) await Promise.allSettled([...this.workers]);
      await Promise.allSettled([...this.commits.values()]);
      // Closing the stream flushes any commit still queued; closing the consumer leaves the
      // group, so the next member takes over at once.
      await this.stream?.close().catch((error: unknown) => this.warn('MessagesStream', error));
      await this.consumer.close().catch((error: unknown) => this.warn('Consumer', error));
    } finally {
      this.settings.onClosed();
    }
  }

  /**
   * Whether this member owns `partition` now. A fetch sent before a rebalance can deliver
   * records of partitions the member has since lost; those belong to their new owner.
   */
  private owns(partition: number): boolean {
    const assignments = this.consumer.assignments ?? [];
    return assignments.some((a) => a.topic === this.topic && a.partitions.includes(partition));
  }

  private enqueue(record: StringMessage): void {
    if (this.abort.signal.aborted || !this.owns(record.partition)) return;
    let queue = this.queues.get(record.partition);
    if (!queue) {
      queue = { records: [], running: false, next: undefined };
      this.queues.set(record.partition, queue);
    }
    if (queue.next !== undefined && record.offset < queue.next) return;
    queue.next = record.offset + 1n;
    queue.records.push(record);
    this.queued++;
    if (this.queued >= MAX_QUEUED) this.stream?.pause();
    this.schedule();
  }

  /** Starts a worker for each waiting partition while fewer than `partitionConcurrency` run. */
  private schedule(): void {
    for (const [partition, queue] of this.queues) {
      if (this.running >= this.settings.partitionConcurrency) return;
      if (queue.running || queue.records.length === 0) continue;
      queue.running = true;
      this.running++;
      const worker: Promise<void> = this.work(partition, queue).finally(() => {
        queue.running = false;
        this.running--;
        this.workers.delete(worker);
        if (!this.abort.signal.aborted) this.schedule();
      });
      this.workers.add(worker);
    }
  }

  private async work(partition: number, queue: PartitionQueue): Promise<void> {
    while (!this.abort.signal.aborted && queue.records.length > 0) {
      const record = queue.records.shift() as StringMessage;
      this.queued--;
      if (this.queued === MAX_QUEUED >> 1 && !this.abort.signal.aborted) this.stream?.resume();
      if (!this.owns(partition)) continue;
      const outcome = await deliverWithRetries({
        message: toReceived(record),
        handler: this.settings.handler,
        maxAttempts: this.settings.maxAttempts,
        retryDelayMs: this.settings.retryDelayMs,
        signal: this.abort.signal,
        deadLetter: this.settings.deadLetter,
      });
      // Abandoned only when closing: not committed, so the group's next member handles it.
      if (outcome === 'abandoned') return;
      const commit = Promise.resolve(record.commit()).catch((error: unknown) => this.warn('Commit', error));
      this.commits.set(partition, commit);
    }
  }

  private dropQueued(): void {
    for (const queue of this.queues.values()) {
      queue.records.length = 0;
      queue.next = undefined;
    }
    this.queued = 0;
  }

  private warn(namespace: string, error: unknown): void {
    this.settings.log?.({ level: 'warn', namespace, message: error instanceof Error ? error.message : String(error) });
  }
}
