import type { CheckpointStore, EventFilter, EventStore, EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';
import type { Bus, BusMessage } from './bus.port';
import { abortableSleep, retryDelay } from './delivery-policy';
import { BusClosed, InvalidBusRequest, InvalidCloudEvent, InvalidRelayUse, RelayMappingFailed } from './errors';
import { RelayBatchReader } from './relay-batch-reader';
import type { RelayMapper } from './relay-mapper';

/** Default cap on the events one relay batch covers. */
export const DEFAULT_RELAY_BATCH_SIZE = 500;

/** Options of {@link EventRelay}. */
export interface EventRelayOptions {
  /** Subscriber name the checkpoint is stored under, e.g. `relay:registry`. */
  readonly name: string;
  /** The log to relay, read with a catch-up subscription. */
  readonly eventStore: EventStore;
  /** Where the relay's position survives restarts (usually next to the event store). */
  readonly checkpoints: CheckpointStore;
  readonly bus: Bus;
  /** Which topic and message each stored event becomes; null keeps it private. */
  readonly mapper: RelayMapper;
  /** Which stored events the relay reads at all (e.g. its service's stream prefixes). */
  readonly filter?: EventFilter;
  /** Most events per batch; default {@link DEFAULT_RELAY_BATCH_SIZE}. */
  readonly maxBatchSize?: number;
  /** First wait after a failed publish or checkpoint save, doubling per failure; default 100 ms. */
  readonly retryDelayMs?: number;
  /**
   * Told about every failure: transient ones (the batch is retried) and the one that
   * stops the relay. Errors carry no event data, only positions and types.
   */
  readonly onError?: (error: unknown, willRetry: boolean) => void;
}

/** Where a relay is in its life: `failed` means a mapping or publish error it cannot retry. */
export type RelayStatus = 'idle' | 'running' | 'stopped' | 'failed';

/** Errors a retry cannot fix: the batch itself is unpublishable, or the bus is gone. */
function isPermanent(error: unknown): boolean {
  return error instanceof InvalidBusRequest || error instanceof InvalidCloudEvent || error instanceof BusClosed;
}

/**
 * Publishes stored events to the bus: at-least-once, in log order. It reads the event store
 * from its checkpoint, maps each event (null: private, not published), and publishes in
 * batches of what the subscription already holds (up to `maxBatchSize`); the checkpoint is
 * saved only after the bus accepted the whole batch, so a crash re-publishes at most the
 * batch in flight. A failed publish or save is retried with backoff; a mapping failure
 * stops the relay at that event rather than skip it. One instance runs once: after
 * {@link stop}, start a new one (it resumes from the stored checkpoint).
 */
export class EventRelay {
  private readonly maxBatchSize: number;
  private readonly retryDelayMs: number;
  private readonly abort = new AbortController();
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private position = 0;
  private state: RelayStatus = 'idle';
  private lastFailure: unknown = undefined;

  constructor(private readonly options: EventRelayOptions) {
    if (typeof options.name !== 'string' || options.name.length === 0) {
      throw new InvalidRelayUse('relay.invalid-options', 'name', 'A relay needs a non-empty name for its checkpoint');
    }
    this.maxBatchSize = options.maxBatchSize ?? DEFAULT_RELAY_BATCH_SIZE;
    if (!Number.isSafeInteger(this.maxBatchSize) || this.maxBatchSize < 1) {
      throw new InvalidRelayUse('relay.invalid-options', 'maxBatchSize', 'maxBatchSize is a whole number from 1');
    }
    this.retryDelayMs = options.retryDelayMs ?? 100;
    if (!Number.isFinite(this.retryDelayMs) || this.retryDelayMs < 0) {
      throw new InvalidRelayUse('relay.invalid-options', 'retryDelayMs', 'retryDelayMs is a number of milliseconds, 0 or more');
    }
  }

  /** Global position of the last event the bus accepted and the checkpoint covers; head minus this is the lag. */
  get lastPublishedPosition(): number {
    return this.position;
  }

  /** Where the relay is in its life; `failed` comes with {@link failure}. */
  get status(): RelayStatus {
    return this.state;
  }

  /** The error that stopped the relay, when {@link status} is `failed`. */
  get failure(): unknown {
    return this.lastFailure;
  }

  /**
   * Events committed to the store after the last one relayed (for a lag metric). With a
   * filter, events it skips after the last relayed one count too, until a relayed one follows.
   */
  async lag(): Promise<number> {
    return Math.max(0, (await this.options.eventStore.headPosition()) - this.position);
  }

  /**
   * Loads the checkpoint and starts relaying in the background; resolves once the
   * subscription is open.
   * @throws {@link InvalidRelayUse} `relay.already-started` on a second call.
   */
  async start(): Promise<void> {
    if (this.state !== 'idle' || this.loop) throw new InvalidRelayUse('relay.already-started', '$', 'A relay runs once; start a new one');
    this.loop = Promise.resolve();
    try {
      this.position = await this.options.checkpoints.loadCheckpoint(this.options.name);
    } catch (error) {
      this.loop = null;
      throw error;
    }
    if (this.abort.signal.aborted) {
      this.state = 'stopped';
      return;
    }
    this.subscription = this.options.eventStore.subscribeToAll({ fromPosition: this.position, filter: this.options.filter });
    this.state = 'running';
    this.loop = this.run(this.subscription[Symbol.asyncIterator]()).then(
      () => {
        if (this.state === 'running') this.state = 'stopped';
      },
      (error: unknown) => {
        this.state = 'failed';
        this.lastFailure = error;
        this.options.onError?.(error, false);
      },
    );
  }

  /** Stops reading, lets the batch in flight be published and checkpointed, then resolves. */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    this.abort.abort();
    await this.subscription?.stop();
    await this.loop;
  }

  private async run(events: AsyncIterator<StoredEvent>): Promise<void> {
    const reader = new RelayBatchReader(events, this.maxBatchSize);
    try {
      while (!this.abort.signal.aborted) {
        const batch = await reader.next();
        if (batch.events.length > 0 && !(await this.relayBatch(batch.events))) return;
        if (batch.ended) return;
      }
    } finally {
      await this.subscription?.stop();
    }
  }

  /**
   * Publishes one batch and saves its checkpoint; false when the relay stopped before it
   * could. When the mapper fails, the events before the failing one are still relayed.
   */
  private async relayBatch(batch: readonly StoredEvent[]): Promise<boolean> {
    const byTopic = new Map<string, BusMessage[]>();
    let last = 0;
    let failure: RelayMappingFailed | null = null;
    for (const event of batch) {
      failure = await this.map(event, byTopic);
      if (failure) break;
      last = event.position;
    }
    if (last > 0 && !(await this.publish(byTopic, last))) return false;
    if (failure) throw failure;
    return true;
  }

  /** Adds the event's message to its topic's list; returns the failure instead of throwing it. */
  private async map(event: StoredEvent, byTopic: Map<string, BusMessage[]>): Promise<RelayMappingFailed | null> {
    let mapped;
    try {
      mapped = await this.options.mapper(event);
    } catch (error) {
      return new RelayMappingFailed(event.position, event.type, error);
    }
    if (mapped === null) return null;
    if (typeof mapped !== 'object' || typeof mapped.topic !== 'string' || typeof mapped.message !== 'object' || mapped.message === null) {
      return new RelayMappingFailed(event.position, event.type, new Error('the mapper returned neither null nor { topic, message }'));
    }
    const messages = byTopic.get(mapped.topic) ?? [];
    messages.push(mapped.message);
    byTopic.set(mapped.topic, messages);
    return null;
  }

  /** Publishes, then checkpoints `last`, retrying both until done; false when stopped first. */
  private async publish(byTopic: ReadonlyMap<string, BusMessage[]>, last: number): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await Promise.all([...byTopic].map(([topic, messages]) => this.options.bus.publish(topic, messages)));
        await this.options.checkpoints.saveCheckpoint(this.options.name, last);
        this.position = last;
        return true;
      } catch (error) {
        if (isPermanent(error)) throw error;
        this.options.onError?.(error, true);
        if (!(await abortableSleep(retryDelay(attempt, this.retryDelayMs), this.abort.signal))) return false;
      }
    }
  }
}
