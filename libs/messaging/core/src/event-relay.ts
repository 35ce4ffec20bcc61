import type {
  CheckpointStore,
  EventFilter,
  EventStore,
  EventSubscription,
  StoredEvent,
} from '@relapse-watch/event-store-core';
import type { Bus, BusMessage } from './bus.port';
import { abortableSleep, retryDelay } from './delivery-policy';
import { BusClosed, InvalidBusRequest, InvalidCloudEvent, InvalidRelayUse, RelayMappingFailed } from './errors';
import { RelayBatchReader } from './relay-batch-reader';
import type { RelayMapper, RelayMapping, RelayMappings } from './relay-mapper';

/** Default cap on the events one relay batch covers. */
export const DEFAULT_RELAY_BATCH_SIZE = 500;
/** Default number of batches read and mapped ahead while one is being published. */
export const DEFAULT_RELAY_READ_AHEAD = 2;

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
  /**
   * Batches read from the store and mapped while the batch before them is being published;
   * default {@link DEFAULT_RELAY_READ_AHEAD}; 0 reads the next batch only after the last one
   * was checkpointed. Publishing stays one batch at a time, in log order, whatever this is.
   */
  readonly readAhead?: number;
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

/** A batch read and mapped, waiting to be published: its messages by topic and the checkpoint they earn. */
interface PreparedBatch {
  readonly byTopic: ReadonlyMap<string, BusMessage[]>;
  /** Position of the last event mapped (published or private); 0 when the first one failed. */
  readonly last: number;
  /** A failure to raise once the events before it are published (a mapping or a read error), or null. */
  readonly failure: { readonly error: unknown } | null;
}

/**
 * The hand-over between the relay's reader and its publisher: a FIFO of prepared batches
 * that counts each batch as outstanding from `put` until the publisher `finish`es it. The
 * reader waits for `room` (at most `limit` outstanding) before it reads the next batch.
 * `end` lets the publisher drain what is queued; `close` drops it and wakes everyone.
 */
class BatchQueue {
  private readonly items: PreparedBatch[] = [];
  private outstanding = 0;
  private ended = false;
  private closed = false;
  private wakeTaker: (() => void) | null = null;
  private wakeReader: (() => void) | null = null;

  constructor(private readonly limit: number) {}

  /** Resolves true once fewer than `limit` batches are outstanding, false once closed. */
  async room(): Promise<boolean> {
    while (!this.closed && this.outstanding >= this.limit)
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    return !this.closed;
  }

  put(batch: PreparedBatch): boolean {
    if (this.closed || this.ended) return false;
    this.items.push(batch);
    this.outstanding++;
    this.wakeTaker?.();
    return true;
  }

  /** The next batch; null once closed, or once ended and drained. */
  async take(): Promise<PreparedBatch | null> {
    while (!this.closed && !this.ended && this.items.length === 0)
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    if (this.closed) return null;
    return this.items.shift() ?? null;
  }

  /** The publisher is done with a batch it took: it no longer counts against `limit`. */
  finish(): void {
    this.outstanding--;
    this.wakeReader?.();
  }

  /** No more batches: `take` drains the queue, then returns null. */
  end(): void {
    this.ended = true;
    this.wakeTaker?.();
  }

  /** Stops both sides: `take` returns null, `room` false, and the queued batches are dropped. */
  close(): void {
    this.closed = true;
    this.items.length = 0;
    this.wakeTaker?.();
    this.wakeReader?.();
  }
}

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
 *
 * Reading is pipelined, publishing is not: while one batch is published and checkpointed,
 * up to `readAhead` following batches are read and mapped. Batches are published one at a
 * time in log order, each only after the one before it was accepted and checkpointed, so
 * the checkpoint never passes an unacknowledged event and a key's messages reach the bus in
 * log order (a bus may then rely on one publish call in flight per caller). Batches read
 * ahead but not yet published when the relay stops are dropped: they are after the
 * checkpoint, so the next relay reads them again.
 */
export class EventRelay {
  private readonly maxBatchSize: number;
  private readonly readAhead: number;
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
    this.readAhead = options.readAhead ?? DEFAULT_RELAY_READ_AHEAD;
    if (!Number.isSafeInteger(this.readAhead) || this.readAhead < 0) {
      throw new InvalidRelayUse(
        'relay.invalid-options',
        'readAhead',
        'readAhead is a whole number of batches, 0 or more',
      );
    }
    this.retryDelayMs = options.retryDelayMs ?? 100;
    if (!Number.isFinite(this.retryDelayMs) || this.retryDelayMs < 0) {
      throw new InvalidRelayUse(
        'relay.invalid-options',
        'retryDelayMs',
        'retryDelayMs is a number of milliseconds, 0 or more',
      );
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
    if (this.state !== 'idle' || this.loop)
      throw new InvalidRelayUse('relay.already-started', '$', 'A relay runs once; start a new one');
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
    this.subscription = this.options.eventStore.subscribeToAll({
      fromPosition: this.position,
      filter: this.options.filter,
    });
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

  /**
   * Stops reading, lets the batch in flight be published and checkpointed (batches read
   * ahead of it are dropped, to be read again by the next relay), then resolves.
   */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    this.abort.abort();
    await this.subscription?.stop();
    await this.loop;
  }

  private async run(events: AsyncIterator<StoredEvent>): Promise<void> {
    // Outstanding: the batch being published plus up to `readAhead` read and mapped after it.
    const queue = new BatchQueue(this.readAhead + 1);
    const reading = this.read(new RelayBatchReader(events, this.maxBatchSize), queue);
    try {
      await this.publishAll(queue);
    } finally {
      // However publishing ended (log ended, stopped, failed): stop reading, drop what was read ahead.
      queue.close();
      await this.subscription?.stop();
      await reading;
    }
  }

  /** Reads and maps batches into the queue until the log ends, the relay stops or a batch fails. */
  private async read(reader: RelayBatchReader, queue: BatchQueue): Promise<void> {
    try {
      while (!this.abort.signal.aborted && (await queue.room())) {
        let batch;
        try {
          batch = await reader.next();
        } catch (error) {
          // Raised after the batches read before it, which were fine and are published first.
          queue.put({ byTopic: new Map(), last: 0, failure: { error } });
          return;
        }
        if (this.abort.signal.aborted) return;
        if (batch.events.length > 0) {
          const prepared = await this.prepare(batch.events);
          if (!queue.put(prepared) || prepared.failure) return;
        }
        if (batch.ended) return;
      }
    } finally {
      // Stopped: what was read ahead is dropped. Otherwise the publisher drains the queue.
      if (this.abort.signal.aborted) queue.close();
      else queue.end();
    }
  }

  /** Publishes the queued batches one at a time, in order, each checkpointed before the next. */
  private async publishAll(queue: BatchQueue): Promise<void> {
    for (;;) {
      const batch = await queue.take();
      // Stopped: the batch in flight was the last one; what was read ahead is dropped.
      if (!batch || this.abort.signal.aborted) return;
      if (batch.last > 0 && !(await this.publish(batch.byTopic, batch.last))) return;
      if (batch.failure) throw batch.failure.error;
      queue.finish();
    }
  }

  /**
   * Maps one batch. When the mapper fails, the batch ends before the failing event and
   * carries the failure, so the events before it are still relayed.
   */
  private async prepare(batch: readonly StoredEvent[]): Promise<PreparedBatch> {
    const byTopic = new Map<string, BusMessage[]>();
    let last = 0;
    for (const event of batch) {
      let mapped: RelayMappings | Promise<RelayMappings>;
      try {
        mapped = this.options.mapper(event);
        // A synchronous mapper costs no microtask per event.
        if (typeof (mapped as { then?: unknown } | null | undefined)?.then === 'function') mapped = await mapped;
      } catch (error) {
        return { byTopic, last, failure: { error: new RelayMappingFailed(event.position, event.type, error) } };
      }
      const failure = this.add(event, mapped as RelayMappings, byTopic);
      if (failure) return { byTopic, last, failure: { error: failure } };
      last = event.position;
    }
    return { byTopic, last, failure: null };
  }

  /** Adds the event's messages to their topics' lists; returns the failure instead of throwing it. */
  private add(
    event: StoredEvent,
    mapped: RelayMappings,
    byTopic: Map<string, BusMessage[]>,
  ): RelayMappingFailed | null {
    if (mapped === null) return null;
    if (!Array.isArray(mapped)) return this.addOne(event, mapped as RelayMapping, byTopic);
    for (const one of mapped as readonly RelayMapping[]) {
      const failure = this.addOne(event, one, byTopic);
      if (failure) return failure;
    }
    return null;
  }

  /** Adds one message to its topic's list, or returns why it cannot. */
  private addOne(event: StoredEvent, one: RelayMapping, byTopic: Map<string, BusMessage[]>): RelayMappingFailed | null {
    if (
      typeof one !== 'object' ||
      one === null ||
      typeof one.topic !== 'string' ||
      typeof one.message !== 'object' ||
      one.message === null
    ) {
      return new RelayMappingFailed(
        event.position,
        event.type,
        new Error('the mapper returned neither null nor { topic, message } (or a list of them)'),
      );
    }
    const messages = byTopic.get(one.topic);
    if (messages) messages.push(one.message);
    else byTopic.set(one.topic, [one.message]);
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
