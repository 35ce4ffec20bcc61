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
import { InProcessSubscription } from './in-process-subscription';
import { TopicLog } from './topic-log';

/** Options of {@link InProcessBus}. */
export interface InProcessBusOptions {
  /** Messages a subscription holds fetched but unfinished, across keys; default 1,000. */
  readonly maxInFlightPerSubscription?: number;
}

/**
 * The Bus of the embedded mode: everything in one process, in memory.
 *
 * Each topic is one append-only log, partition 0, with offsets "0", "1", …; per-key order
 * comes from per-key lanes inside a subscription rather than from partitions, so keys
 * still run concurrently. Each consumer group keeps its own position, which outlives its
 * subscriptions: a group that subscribes again resumes where it stopped. One live
 * subscription per (topic, group). Handlers always run on a later turn of the event loop,
 * never inside `publish`.
 *
 * Memory: messages every group of a topic has finished are dropped (see
 * {@link heldMessages}); a new group then starts at the oldest message still held, as a
 * Kafka consumer starts at the earliest retained offset. A group that subscribed once
 * holds the log back until it catches up.
 *
 * Not durable: `publish` resolves once the messages are in memory, and a process restart
 * loses the log and the groups' positions. A relay checkpoint saved after such a publish
 * therefore does not prove that consumers handled the events; embedded-mode consumers that
 * must survive a crash keep their own checkpoint against the event store.
 */
export class InProcessBus implements Bus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly subscriptions = new Set<InProcessSubscription>();
  private readonly maxInFlight: number;
  private closing: Promise<void> | null = null;
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.maxInFlight = options.maxInFlightPerSubscription ?? 1_000;
    if (!Number.isSafeInteger(this.maxInFlight) || this.maxInFlight < 1) {
      throw new InvalidBusRequest(
        'bus.invalid-options',
        'maxInFlightPerSubscription',
        'maxInFlightPerSubscription is a whole number from 1',
      );
    }
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    // Dead letters of draining subscriptions are still accepted while the bus closes.
    if (this.closed) throw new BusClosed();
    assertValidPublish(topic, messages);
    if (messages.length === 0) return;
    this.log(topic).append(
      messages.map((m) => ({ key: m.key, value: m.value, headers: Object.freeze({ ...(m.headers ?? {}) }) })),
    );
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    if (this.closing) throw new BusClosed();
    assertValidSubscribe(options);
    const log = this.log(options.topic);
    const position = log.group(options.group);
    if (position.member) {
      throw new InvalidBusRequest(
        'bus.group-busy',
        'group',
        'The in-process bus allows one live subscription per topic and group',
      );
    }
    const subscription = new InProcessSubscription(log, position, {
      topic: options.topic,
      group: options.group,
      handler: options.handler,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      maxInFlight: this.maxInFlight,
      deadLetter: (message) => this.publish(deadLetterTopic(options.topic), [message]),
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Messages of `topic` held in memory: those some known group has not finished yet, or
   * all of them while no group has subscribed (a gauge for the embedded mode's memory).
   */
  heldMessages(topic: string): number {
    const log = this.topics.get(topic);
    return log ? log.endOffset - log.startOffset : 0;
  }

  /**
   * Messages of `topic` that consumer group `group` has not finished yet (all those held, for a
   * group that never subscribed). Nothing outlives the process here, so a consumer that must not
   * lose what was published waits for this to reach 0 before it stops (after the publishers).
   */
  backlog(topic: string, group: string): number {
    const log = this.topics.get(topic);
    if (!log) return 0;
    const position = log.groups.get(group);
    if (!position) return log.endOffset - log.startOffset;
    return log.endOffset - position.committed - position.finished.size;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const open = [...this.subscriptions];
      for (const subscription of open) subscription.stopFetching();
      for (const subscription of open) await subscription.close();
      this.closed = true;
      this.topics.clear();
    })();
    return this.closing;
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (!log) {
      log = new TopicLog();
      this.topics.set(topic, log);
    }
    return log;
  }
}
