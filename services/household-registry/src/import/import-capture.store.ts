import {
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '@relapse-watch/event-store-core';
import { provisionalStoredEvent } from './provisional-event';

/**
 * An in-memory stand-in for the event store, for the import's fast path (see
 * household-batch.importer.ts): every stream starts empty, appends are kept in memory and
 * read back by the command handlers, and {@link streamAppends} turns what a batch of
 * households wrote into one append per stream, each expecting `'no_stream'`. Written with
 * `appendToStreams`, the batch is then exactly what the handlers would have written to a
 * store where those streams were empty — and refused whole where one was not.
 *
 * A household's appends can be undone ({@link begin}/{@link rollback}) when its import
 * leaves the fast path. Events read back carry no hash, recordedAt or real position: the
 * handlers look at ids, revisions, types and data only.
 */
export class ImportCaptureStore implements EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();
  /** Stream lengths before the current household's first append to each. */
  private undo = new Map<string, number>();

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    const expected = options?.expectedRevision ?? 'any';
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === -1) ||
      (expected === 'stream_exists' && actual >= 0) ||
      expected === actual;
    if (!ok) throw new WrongExpectedRevision(streamId, expected, actual === -1 ? null : actual);
    if (!this.undo.has(streamId)) this.undo.set(streamId, stream.length);
    if (stream.length === 0) this.streams.set(streamId, stream);
    for (const event of events) stream.push(provisionalStoredEvent(event, streamId, stream.length, 0));
    return { nextRevision: stream.length - 1, lastPosition: 0 };
  }

  async *readStream(streamId: string): AsyncIterable<StoredEvent> {
    const stream = this.streams.get(streamId);
    // A copy: an append during the caller's iteration must not change what it sees.
    if (stream) yield* stream.slice();
  }

  /** Starts a household: its appends can be undone until the next {@link begin}. */
  begin(): void {
    this.undo = new Map();
  }

  /** Undoes the current household's appends. */
  rollback(): void {
    for (const [streamId, length] of this.undo) {
      const stream = this.streams.get(streamId);
      if (!stream) continue;
      if (length === 0) this.streams.delete(streamId);
      else stream.length = length;
    }
    this.undo = new Map();
  }

  /** Events held. */
  get events(): number {
    let events = 0;
    for (const stream of this.streams.values()) events += stream.length;
    return events;
  }

  /** Every stream written, in first-write order, as one append expecting `'no_stream'`. */
  streamAppends(): StreamAppend[] {
    return [...this.streams].map(([streamId, stream]) => ({
      streamId,
      events: stream.map((e): NewEvent => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
      options: { expectedRevision: 'no_stream' },
    }));
  }

  appendToStreams(): Promise<AppendResult[]> {
    return Promise.reject(new Error('ImportCaptureStore: appendToStreams is not used by the command handlers'));
  }

  readAll(): AsyncIterable<StoredEvent> {
    throw new Error('ImportCaptureStore: readAll is not used by the command handlers');
  }

  subscribeToAll(): EventSubscription {
    throw new Error('ImportCaptureStore: subscribeToAll is not used by the command handlers');
  }

  async headPosition(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    this.streams.clear();
  }
}
