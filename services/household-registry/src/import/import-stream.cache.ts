import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
  SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import { provisionalStoredEvent } from './provisional-event';

/**
 * The import's view of the event store: a write-through cache of the streams of the households
 * in flight. `handleCommand` reads a whole stream before every command, so a household of four
 * members re-read its stream eleven times; the profile showed those reads (each a fresh SQLite
 * read transaction, its page cache dropped by the writer's commits) as the import's main cost.
 * Here a stream is read from the store once, then kept up to date with what this process
 * appends to it, until the import {@link forget}s it when its household is done.
 *
 * Safe with other writers: the cache may miss their events, but every append still goes to the
 * store with the revision read, so a stale cache only costs a `WrongExpectedRevision`, which
 * drops the stream here; `handleCommand`'s retry then reads the store again. Events appended
 * here carry no `hash` and `recordedAt` (empty strings) until re-read: they serve the command
 * handlers' reads, which look at ids, revisions, types and data only. Not for projections.
 */
export class ImportStreamCache implements EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();

  constructor(private readonly store: EventStore) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = await this.store.appendToStream(streamId, events, options);
    } catch (error) {
      this.streams.delete(streamId);
      throw error;
    }
    const cached = this.streams.get(streamId);
    const last = cached?.[cached.length - 1];
    // Keep the stream only when this append extends exactly what is cached; anything else
    // (an idempotent replay, a stream never read) is re-read on the next read.
    if (cached === undefined || (last?.revision ?? -1) !== result.nextRevision - events.length) {
      this.streams.delete(streamId);
      return result;
    }
    // One append's events commit at consecutive revisions and positions.
    events.forEach((event, i) =>
      cached.push(
        provisionalStoredEvent(
          event,
          streamId,
          result.nextRevision - events.length + 1 + i,
          result.lastPosition - events.length + 1 + i,
        ),
      ),
    );
    return result;
  }

  /** Passed through; the streams written leave the cache (re-read on the next read). */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    for (const append of appends) this.streams.delete(append.streamId);
    return this.store.appendToStreams(appends);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const plain =
      options.fromRevision === undefined && options.direction !== 'backwards' && options.maxCount === undefined;
    if (!plain) {
      yield* this.store.readStream(streamId, options);
      return;
    }
    let cached = this.streams.get(streamId);
    if (cached === undefined) {
      cached = [];
      for await (const event of this.store.readStream(streamId)) cached.push(event);
      this.streams.set(streamId, cached);
    }
    // A copy: an append during the caller's iteration must not change what it sees.
    yield* [...cached];
  }

  /** Drops a stream from the cache (its household is done). */
  forget(streamId: string): void {
    this.streams.delete(streamId);
  }

  /** Streams held. */
  get size(): number {
    return this.streams.size;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.store.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    return this.store.subscribeToAll(options);
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /** Does not close the store: whoever opened it closes it. */
  async close(): Promise<void> {
    this.streams.clear();
  }
}
