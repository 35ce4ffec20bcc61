import type { EventStore, EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';
import { ReadStoreInputError } from './errors';
import { eventBatches } from './event-batches';
import { PositionWaiters } from './position-waiters';
import { projectEvents, touchedDocumentIds, type Projection } from './projection';
import type { ReadStore } from './read-store.port';
import type { ReadDocument } from './read-store.types';

/**
 * The documents as the runner last folded them, so a batch reads from the store only what
 * it cannot know. Safe because a projection is a pure fold over the log in position order
 * (see {@link Projection}): a state the runner folded itself up to position p is the state
 * at p, whatever the store holds now — the same document another runner would write at p,
 * and what the position guard compares. The store may hold a newer one (another runner is
 * ahead): the runner's writes are then ignored by the guard, as they would be after a read.
 *
 * After a start from position zero (a first start or a rebuild) the runner has seen every
 * event: an id it never touched has no document at its position, so it is not read either.
 * That knowledge is a set of ids, bounded at ten times `limit`; past the bound it is
 * dropped and unknown ids are read again. Everything is forgotten when the runner starts,
 * and when a batch fails (its fold may be half in the store).
 */
class DocumentStates<T> {
  /** Least recently touched first. */
  private readonly documents = new Map<string, ReadDocument<T> | null>();
  /** Every id folded since position zero, while `fromZero`. */
  private readonly seen = new Set<string>();
  private fromZero = false;

  constructor(private readonly limit: number) {}

  /** Forgets everything; `fromZero`: the next batch starts at the first event of the log. */
  reset(fromZero: boolean): void {
    this.documents.clear();
    this.seen.clear();
    this.fromZero = fromZero && this.limit > 0;
  }

  /** The states known for `ids`, and the ids that must be read from the store. */
  lookup(ids: readonly string[]): { current: Map<string, ReadDocument<T> | null>; unknown: string[] } {
    const current = new Map<string, ReadDocument<T> | null>();
    const unknown: string[] = [];
    for (const id of ids) {
      const doc = this.documents.get(id);
      if (doc !== undefined) current.set(id, doc);
      else if (this.fromZero && !this.seen.has(id)) current.set(id, null);
      else unknown.push(id);
    }
    return { current, unknown };
  }

  /** Keeps the states a batch saved (the runner calls it after applyBatch succeeded). */
  remember(states: ReadonlyMap<string, ReadDocument<T> | null>): void {
    if (this.limit === 0) return;
    for (const [id, doc] of states) {
      this.documents.delete(id);
      this.documents.set(id, doc);
      if (this.fromZero) this.seen.add(id);
    }
    for (const id of this.documents.keys()) {
      if (this.documents.size <= this.limit) break;
      this.documents.delete(id);
    }
    if (this.fromZero && this.seen.size > this.limit * 10) {
      this.fromZero = false;
      this.seen.clear();
    }
  }
}

/** Options of a {@link ProjectionRunner}. */
export interface ProjectionRunnerOptions {
  /** Most events folded into one read-store write; default 500. */
  readonly maxBatchEvents?: number;
  /** Told when a batch fails; the runner has then stopped (start it again to retry). */
  readonly onError?: (error: unknown) => void;
  /**
   * Most documents the runner keeps in memory as it last folded them (least recently
   * touched go first), so a document changed again in a later batch is not read back from
   * the store; default 10,000; 0 reads every document from the store.
   */
  readonly cacheDocuments?: number;
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
  /** Documents read from the read store (the rest came from the runner's own fold, see {@link DocumentStates}). */
  readonly documentsRead: number;
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
  private readonly counters = { eventsSeen: 0, batches: 0, writesApplied: 0, writesIgnored: 0, documentsRead: 0 };
  private readonly states: DocumentStates<T>;

  constructor(
    private readonly projection: Projection<T>,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.maxBatchEvents = options.maxBatchEvents ?? 500;
    if (!Number.isSafeInteger(this.maxBatchEvents) || this.maxBatchEvents < 1) {
      throw new ReadStoreInputError(
        'max-batch-events.invalid',
        'maxBatchEvents',
        'maxBatchEvents must be a positive integer',
      );
    }
    const cacheDocuments = options.cacheDocuments ?? 10_000;
    if (!Number.isSafeInteger(cacheDocuments) || cacheDocuments < 0) {
      throw new ReadStoreInputError(
        'cache-documents.invalid',
        'cacheDocuments',
        'cacheDocuments must be a non-negative integer',
      );
    }
    this.states = new DocumentStates<T>(cacheDocuments);
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
      return Promise.reject(
        new ReadStoreInputError('position.invalid', 'position', 'position must be a non-negative safe integer'),
      );
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
    for (const fields of this.projection.indexes ?? [])
      await this.readStore.ensureIndex(this.projection.collection, fields);
    this.saved = await this.readStore.loadCheckpoint(this.projection.name);
    this.states.reset(this.saved === 0);
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
      // Events read but left for the next batch (see splitTail).
      let carried: StoredEvent[] = [];
      for await (const read of eventBatches(subscription, this.maxBatchEvents)) {
        // Dropping a read batch on stop is safe: the checkpoint does not include it.
        if (this.stopping) return;
        const batch = carried.length > 0 ? [...carried, ...read] : read;
        carried = [];
        const [now, later] = await this.splitTail(batch);
        await this.applyEvents(now);
        carried = later;
      }
    } catch (error) {
      // The failed batch's fold may be in no store: forget it all.
      this.states.reset(false);
      this.failure = error;
      await subscription.stop();
      this.waiters.failAll(error);
      this.options.onError?.(error);
    } finally {
      this.loop = null;
      this.subscription = null;
    }
  }

  /**
   * A full batch usually ends in the middle of some document's events (a household's
   * history, say), which the next batch continues: that document would then be written
   * twice, and a second write of a stored document is the dearest write there is (FerretDB
   * 1.x scans the collection for it). So when the batch is full and the log holds more
   * events, the trailing events of its last document (with unhandled events among them)
   * wait for the next batch, if they are at most half of it. The checkpoint only covers the
   * events applied, so nothing changes for a crash or a stop in between, and the next batch
   * is sure to come: the subscription delivers every event up to the head it just read.
   */
  private async splitTail(batch: StoredEvent[]): Promise<[StoredEvent[], StoredEvent[]]> {
    if (batch.length < this.maxBatchEvents || batch.length < 2) return [batch, []];
    const handled = new Set(this.projection.handles);
    const idOf = (event: StoredEvent) => (handled.has(event.type) ? this.projection.documentId(event) : null);
    let last: string | null = null;
    let cut = batch.length;
    for (let i = batch.length - 1; i >= 0; i--) {
      const id = idOf(batch[i]);
      if (id === null) continue;
      if (last === null) last = id;
      else if (id !== last) break;
      cut = i;
    }
    if (last === null || cut === 0 || batch.length - cut > batch.length / 2) return [batch, []];
    // Only when more events are committed, so the carried ones are not left waiting.
    if ((await this.eventStore.headPosition()) <= batch[batch.length - 1].position) return [batch, []];
    return [batch.slice(0, cut), batch.slice(cut)];
  }

  private async applyEvents(batch: readonly StoredEvent[]): Promise<void> {
    const { collection, name } = this.projection;
    const touched = touchedDocumentIds(this.projection, batch);
    const { current, unknown } = this.states.lookup(touched);
    if (unknown.length > 0) {
      for (const [id, doc] of await this.readStore.getMany<T>(collection, unknown)) current.set(id, doc);
      this.counters.documentsRead += unknown.length;
    }
    const operations = projectEvents(this.projection, batch, current);
    const position = batch[batch.length - 1].position;
    const { applied } = await this.readStore.applyBatch({ operations, checkpoint: { name, position } });
    this.states.remember(current);
    const writesApplied = applied.filter(Boolean).length;
    this.counters.eventsSeen += batch.length;
    this.counters.batches += 1;
    this.counters.writesApplied += writesApplied;
    this.counters.writesIgnored += applied.length - writesApplied;
    this.saved = Math.max(this.saved, position);
    this.waiters.advance(this.saved);
  }
}
