import type { EventStore, EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';
import { ReadStoreInputError } from './errors';
import { eventBatches } from './event-batches';
import { PositionWaiters } from './position-waiters';
import { projectEvents, touchedDocumentIds, type Projection } from './projection';
import type { ReadStore } from './read-store.port';
import type { ReadDocument } from './read-store.types';

/** Options of a {@link ProjectionRunner}. */
export interface ProjectionRunnerOptions {
  /** Most events folded into one read-store write; default 500. */
  readonly maxBatchEvents?: number;
  /** Told when a batch fails; the runner has then stopped (start it again to retry). */
  readonly onError?: (error: unknown) => void;
}

/** Counters since the runner was created, for metrics and tests. */
export interface ProjectionRunnerStats {
  /** Events read from the log, handled or not. */
  readonly eventsSeen: number;
  /** Read-store writes (batches) made. */
  readonly batches: number;
  /** Document puts and deletes the position guard let through. */
  readonly writesApplied: number;
  /** Document puts and deletes the position guard turned into no-ops (another runner was first). */
  readonly writesIgnored: number;
}

/**
 * Keeps one projection up to date: subscribes to the event store from the checkpoint saved
 * in the read store, folds events into documents and writes them in batches, with the
 * checkpoint in the same {@link ReadStore.applyBatch}.
 *
 * It subscribes without a type filter and skips unhandled events itself: a filtered
 * subscription never reports the positions of the events it drops, so the checkpoint could
 * not pass them, a restart would rescan them, and {@link waitUntilCaughtUp} on the
 * position of an event this projection ignores would never resolve. It costs no extra
 * reads: the catch-up subscription filters in memory after reading every page anyway.
 */
export class ProjectionRunner<T> {
  private readonly maxBatchEvents: number;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private lifecycle: Promise<unknown> = Promise.resolve();
  private saved = 0;
  private failure: unknown = null;
  private readonly waiters = new PositionWaiters();
  private readonly counters = { eventsSeen: 0, batches: 0, writesApplied: 0, writesIgnored: 0 };

  constructor(
    private readonly projection: Projection<T>,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.maxBatchEvents = options.maxBatchEvents ?? 500;
    if (!Number.isSafeInteger(this.maxBatchEvents) || this.maxBatchEvents < 1) {
      throw new ReadStoreInputError('max-batch-events.invalid', 'maxBatchEvents', 'maxBatchEvents must be a positive integer');
    }
  }

  /** Position of the last event whose effects are saved (the checkpoint); lag = head − checkpoint. */
  get checkpoint(): number {
    return this.saved;
  }

  /** Whether the runner is subscribed and applying events. */
  get running(): boolean {
    return this.loop !== null;
  }

  /** The error that stopped the runner, or null. */
  get error(): unknown {
    return this.failure;
  }

  /** Counters since the runner was created. */
  get stats(): ProjectionRunnerStats {
    return { ...this.counters };
  }

  /** Events committed to the log but not yet in the projection. */
  async lag(): Promise<number> {
    return Math.max(0, (await this.eventStore.headPosition()) - this.saved);
  }

  /** Ensures the projection's indexes, loads its checkpoint and subscribes. No-op when running. */
  start(): Promise<void> {
    return this.serially(() => this.doStart());
  }

  /** Ends the subscription; resolves once the batch in flight (if any) is saved. */
  stop(): Promise<void> {
    return this.serially(() => this.doStop());
  }

  /**
   * Rebuilds from position zero: stop, forget the checkpoint, drop the collection, start.
   * The checkpoint is reset before the drop so a crash between the two leaves a replay
   * over old documents (which the position guard keeps correct), never an empty
   * collection behind a high checkpoint. Resolves once restarted, not once caught up.
   */
  rebuild(): Promise<void> {
    return this.serially(async () => {
      await this.doStop();
      await this.readStore.resetCheckpoint(this.projection.name);
      this.saved = 0;
      await this.readStore.dropCollection(this.projection.collection);
      await this.doStart();
    });
  }

  /**
   * Resolves once the projection includes every event up to `position` (e.g. the
   * `lastPosition` of a command just handled: read-your-writes). Survives stop/start and
   * rebuild; rejects if the runner fails, or with `signal.reason` when `signal` aborts.
   */
  waitUntilCaughtUp(position: number, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0) {
      return Promise.reject(new ReadStoreInputError('position.invalid', 'position', 'position must be a non-negative safe integer'));
    }
    if (this.saved >= position) return Promise.resolve();
    if (this.failure !== null && !this.running) return Promise.reject(this.failure);
    return this.waiters.wait(position, options.signal);
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(step);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    if (this.loop !== null) return;
    this.failure = null;
    for (const fields of this.projection.indexes ?? []) await this.readStore.ensureIndex(this.projection.collection, fields);
    this.saved = await this.readStore.loadCheckpoint(this.projection.name);
    this.waiters.advance(this.saved);
    this.stopping = false;
    const subscription = this.eventStore.subscribeToAll({ fromPosition: this.saved });
    this.subscription = subscription;
    this.loop = this.run(subscription);
  }

  private async doStop(): Promise<void> {
    if (this.loop === null) return;
    this.stopping = true;
    await this.subscription?.stop();
    await this.loop;
  }

  private async run(subscription: EventSubscription): Promise<void> {
    try {
      for await (const batch of eventBatches(subscription, this.maxBatchEvents)) {
        // Dropping a read batch on stop is safe: the checkpoint does not include it.
        if (this.stopping) return;
        await this.applyEvents(batch);
      }
    } catch (error) {
      this.failure = error;
      await subscription.stop();
      this.waiters.failAll(error);
      this.options.onError?.(error);
    } finally {
      this.loop = null;
      this.subscription = null;
    }
  }

  private async applyEvents(batch: readonly StoredEvent[]): Promise<void> {
    const { collection, name } = this.projection;
    const current = new Map<string, ReadDocument<T> | null>();
    for (const id of touchedDocumentIds(this.projection, batch)) current.set(id, await this.readStore.get<T>(collection, id));
    const operations = projectEvents(this.projection, batch, current);
    const position = batch[batch.length - 1].position;
    const { applied } = await this.readStore.applyBatch({ operations, checkpoint: { name, position } });
    const writesApplied = applied.filter(Boolean).length;
    this.counters.eventsSeen += batch.length;
    this.counters.batches += 1;
    this.counters.writesApplied += writesApplied;
    this.counters.writesIgnored += applied.length - writesApplied;
    this.saved = Math.max(this.saved, position);
    this.waiters.advance(this.saved);
  }
}
