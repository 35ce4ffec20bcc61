import type {
  AppendOptions,
  AppendResult,
  EventSubscription,
  NewEvent,
  StreamAppend,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from './types';

/** Injection token for the {@link EventStore} port. */
export const EVENT_STORE = Symbol.for('relapse-watch.event-store');

/**
 * The event store port: the source of truth and the audit log. Append-only; nothing in it
 * is ever updated or deleted. Every adapter passes the conformance suite in
 * `@relapse-watch/event-store-testing`.
 */
export interface EventStore {
  /**
   * Appends events to one stream atomically, after checking `expectedRevision`.
   *
   * Idempotent by event id: if the events' ids are already the stream's events at the
   * place this append would have put them (same ids, same order), the original result is
   * returned and nothing is written. A partial overlap is a {@link DuplicateEventId}.
   *
   * @throws {@link WrongExpectedRevision} when the condition does not hold.
   * @throws {@link InvalidAppend} for bad input; nothing is written.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;

  /**
   * Appends to several streams atomically: every append is checked as {@link appendToStream}
   * checks it, and either all of them are written — in one commit, their events at
   * contiguous global positions in request order — or none is. Each stream keeps its own
   * hash chain. Several appends to one stream are applied in request order, each checked
   * against the revision the previous one left.
   *
   * Idempotent by event id like {@link appendToStream}: re-sending the same appends returns
   * the original results and writes nothing.
   *
   * @returns one result per append, in request order.
   * @throws {@link WrongExpectedRevision} or {@link DuplicateEventId} naming the first stream
   *   at fault; nothing is written.
   * @throws {@link InvalidAppend} for bad input, its `field` prefixed with the append's index
   *   (`appends[3].events[0].id`); nothing is written.
   * @throws {@link MultiStreamAppendNotSupported} from an adapter that cannot make it atomic.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;

  /** Reads one stream in pages; a stream that does not exist yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;

  /** Reads the global log in position order, in pages. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;

  /**
   * Catch-up subscription over the global log: the stored events after `fromPosition`,
   * then live events as they commit, in strict position order.
   */
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;

  /** Position of the last committed event; 0 for an empty store. Used for lag metrics. */
  headPosition(): Promise<number>;

  /** Waits for in-flight appends, ends subscriptions and releases the storage. */
  close(): Promise<void>;
}
