import {
  deliverWithRetries,
  type BusMessage,
  type BusSubscription,
  type MessageHandler,
} from '@relapse-watch/messaging-core';
import type { GroupPosition, TopicLog } from './topic-log';

/** What a subscription needs from its bus. */
export interface SubscriptionSettings {
  readonly topic: string;
  readonly group: string;
  readonly handler: MessageHandler;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** Messages fetched and not finished, across all keys; bounds memory and concurrency. */
  readonly maxInFlight: number;
  readonly deadLetter: (message: BusMessage) => Promise<void>;
  /** Called once the subscription has drained. */
  readonly onClosed: () => void;
}

/**
 * One group member on one topic. A fetch cursor walks the log in order and hands each
 * message to the lane of its key; a lane runs its messages one at a time (per-key order,
 * retries hold back the same key), while lanes of different keys run concurrently.
 */
export class InProcessSubscription implements BusSubscription {
  readonly topic: string;
  readonly group: string;
  private readonly lanes = new Map<string, number[]>();
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly stopListening: () => void;
  private nextOffset: number;
  private inFlight = 0;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly log: TopicLog,
    private readonly position: GroupPosition,
    private readonly settings: SubscriptionSettings,
  ) {
    this.topic = settings.topic;
    this.group = settings.group;
    position.member = this;
    this.nextOffset = position.committed;
    this.stopListening = log.listen(() => this.fetch());
    // Delivery starts on a later turn, like every delivery of this bus.
    setImmediate(() => this.fetch());
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  /** Stops fetching at once; `drain` then waits for the lanes. Used by the bus to stop all first. */
  stopFetching(): void {
    this.abort.abort();
    this.stopListening();
  }

  private async drain(): Promise<void> {
    this.stopFetching();
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.lanes.clear();
    if (this.position.member === this) this.position.member = null;
    this.settings.onClosed();
  }

  private fetch(): void {
    while (
      !this.abort.signal.aborted &&
      this.inFlight < this.settings.maxInFlight &&
      this.nextOffset < this.log.endOffset
    ) {
      const offset = this.nextOffset++;
      if (this.position.finished.has(offset)) continue;
      this.inFlight++;
      const key = this.log.at(offset).key;
      const lane = this.lanes.get(key);
      if (lane) {
        lane.push(offset);
        continue;
      }
      this.lanes.set(key, [offset]);
      const run = this.runLane(key).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  private async runLane(key: string): Promise<void> {
    const lane = this.lanes.get(key) as number[];
    while (lane.length > 0 && !this.abort.signal.aborted) {
      const offset = lane[0];
      const entry = this.log.at(offset);
      const outcome = await deliverWithRetries({
        message: {
          topic: this.topic,
          key: entry.key,
          value: entry.value,
          headers: entry.headers,
          partition: 0,
          offset: String(offset),
        },
        handler: this.settings.handler,
        maxAttempts: this.settings.maxAttempts,
        retryDelayMs: this.settings.retryDelayMs,
        signal: this.abort.signal,
        deadLetter: this.settings.deadLetter,
      });
      if (outcome === 'abandoned') break;
      lane.shift();
      this.position.finish(offset);
      this.log.trim();
      this.inFlight--;
      this.fetch();
    }
    this.lanes.delete(key);
  }
}
