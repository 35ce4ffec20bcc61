/** Who did it: the authenticated user and the role they acted in. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}

/**
 * Metadata every event carries (DESIGN.md, "Event sourcing"). `recordedAt` is not here:
 * the store sets it when the event is written.
 */
export interface EventMetadata {
  readonly actor: Actor;
  /** 12-digit statistical division code of the tenant the change belongs to. */
  readonly divisionCode: string;
  /** Shared by every message caused, directly or not, by one user request. */
  readonly correlationId: string;
  /** Id of the command or event that caused this one; null for a user's own request. */
  readonly causationId: string | null;
  /** When the fact happened in the world, ISO 8601 (may be earlier than recordedAt, e.g. offline field work). */
  readonly occurredAt: string;
  /** Idempotency key of the command that produced the event, when the caller gave one. */
  readonly idempotencyKey?: string;
  /**
   * Digest of the command (its `type` and `data`) that the idempotency key was first used for: a
   * later command with the same key but other content is refused, not answered with these events.
   */
  readonly commandDigest?: string;
}

/** An event to append. Plain readonly data: the store serialises `data` as JSON. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID chosen by the writer (UUIDv7 normally); re-appending the same ids is a no-op. */
  readonly id: string;
  readonly type: Type;
  /** Version of the `data` shape for this type; 1 when omitted. Upcasters key on it. */
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as stored, with everything the store assigned to it. */
export interface StoredEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly streamId: string;
  /** 0-based index of the event in its stream; contiguous, no gaps. */
  readonly revision: number;
  /** 1-based position in the global log; strictly increasing in commit order. */
  readonly position: number;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** When the store wrote the event, ISO 8601. */
  readonly recordedAt: string;
  /** Hex SHA-256 over the event's canonical form and `prevHash` (see {@link eventHash}). */
  readonly hash: string;
  /** `hash` of the previous event in the same stream; null for revision 0. */
  readonly prevHash: string | null;
}

/**
 * The optimistic-concurrency condition of an append:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist yet;
 * - `'stream_exists'`: the stream must have at least one event;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Options of {@link EventStore.appendToStream}. */
export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

/** One stream's part of {@link EventStore.appendToStreams}: the arguments of an `appendToStream`. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options?: AppendOptions;
}

/** What an append returns. */
export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expectedRevision. */
  readonly nextRevision: number;
  /** Global position of the last event appended. */
  readonly lastPosition: number;
}

/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default: the start, or the end when reading backwards. */
  readonly fromRevision?: number;
  /** Default `'forwards'`. */
  readonly direction?: 'forwards' | 'backwards';
  /** Stop after this many events. Default: no limit. */
  readonly maxCount?: number;
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** First position to return (inclusive). Default 0: from the beginning. */
  readonly fromPosition?: number;
  /** Stop after this many events. Default: no limit. */
  readonly maxCount?: number;
}

/** Which events a subscription delivers. Events filtered out still advance nothing the caller sees. */
export interface EventFilter {
  /** Deliver only events whose stream id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
  /** Deliver only events of these types. */
  readonly eventTypes?: readonly string[];
}

/** Options of {@link EventStore.subscribeToAll}. */
export interface SubscribeToAllOptions {
  /**
   * A checkpoint: the position of the last event already handled. Delivery starts
   * *after* it. Default 0: from the beginning of the log.
   */
  readonly fromPosition?: number;
  readonly filter?: EventFilter;
}

/**
 * A running catch-up-then-live subscription: iterate it with `for await`. Events come in
 * strict global order, with no gap and no duplicate. Stop it with {@link stop}; the
 * iteration then ends after the event being handled.
 */
export interface EventSubscription extends AsyncIterable<StoredEvent> {
  /** Ends the subscription; resolves once no further read will be made. */
  stop(): Promise<void>;
}

/**
 * Durable checkpoints of subscribers (the relay, processors): the position of the last
 * event a named subscriber has fully handled. Saving is at-least-once friendly: a crash
 * between handling and saving replays from the older checkpoint.
 */
export interface CheckpointStore {
  /** The stored checkpoint, or 0 when the subscriber never saved one. */
  loadCheckpoint(subscriber: string): Promise<number>;
  /** Stores the checkpoint; a lower position than the stored one is ignored. */
  saveCheckpoint(subscriber: string, position: number): Promise<void>;
}
