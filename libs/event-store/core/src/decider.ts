import { createHash } from 'node:crypto';
import { IdempotencyKeyReused, WrongExpectedRevision } from './errors';
import { idempotentEventId, newEventId } from './event-ids';
import type { EventStore } from './event-store.port';
import type { Actor, NewEvent, StoredEvent } from './types';

/** A domain event as a decider sees it: plain data, no storage details. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An aggregate as three pure functions (no clock, no ids, no I/O): `decide` turns a
 * command and the current state into new events (or throws a domain error), `evolve`
 * folds one event into the state, `initialState` is the state of an empty stream.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  readonly initialState: State;
}

/** What the caller of {@link handleCommand} knows that the decider must not look up itself. */
export interface CommandContext {
  readonly now: Date;
  readonly actor: Actor;
  /** Division code of the tenant the change belongs to. */
  readonly divisionCode: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** The same key twice on the same stream produces no second set of events. */
  readonly idempotencyKey?: string;
  /**
   * The revision the caller last saw (an HTTP `If-Match`): when the stream has moved on, the
   * command is not decided again but refused with {@link WrongExpectedRevision}, because the
   * user decided on what they saw. A replay under the idempotency key is still returned.
   */
  readonly expectedRevision?: number;
  /** Attempts on a concurrency conflict before giving up; default 5. */
  readonly maxAttempts?: number;
  /** Turns a stored event into the decider's current event shape (upcasting old versions). */
  readonly upcast?: (event: StoredEvent) => DomainEvent;
}

/** The outcome of {@link handleCommand}. */
export interface CommandResult<Event extends DomainEvent, State> {
  /** The events the command produced (or, on a replay, had produced). */
  readonly events: readonly Event[];
  /** State after the command. */
  readonly state: State;
  /** Revision of the stream's last event; -1 if the stream is still empty. */
  readonly nextRevision: number;
  /** Global position of the last event written; null when the command produced none. */
  readonly lastPosition: number | null;
  /** True when the idempotency key had been seen: nothing was decided or written. */
  readonly replayed: boolean;
}

const defaultUpcast = (e: StoredEvent): DomainEvent => ({ type: e.type, data: e.data });

/**
 * The state a stream's events fold into, read-only: for queries, for handlers that must see an
 * aggregate before deciding what to send it, and for translators that need the state after one
 * event (`maxCount` = its revision + 1). Commands go through {@link handleCommand}.
 */
export async function foldStream<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  options: { readonly maxCount?: number; readonly upcast?: (event: StoredEvent) => DomainEvent } = {},
): Promise<State> {
  const upcast = options.upcast ?? defaultUpcast;
  let state = decider.initialState;
  for await (const stored of store.readStream(
    streamId,
    options.maxCount === undefined ? {} : { maxCount: options.maxCount },
  )) {
    state = decider.evolve(state, upcast(stored) as Event);
  }
  return state;
}

/**
 * The command handler every service uses: load the stream, decide, append with the
 * expected revision, and on a concurrency conflict reload and decide again, a bounded
 * number of times. Domain errors thrown by `decide` propagate unchanged.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  ctx: CommandContext,
): Promise<CommandResult<Event, State>> {
  const maxAttempts = ctx.maxAttempts ?? 5;
  const upcast = ctx.upcast ?? defaultUpcast;
  const key = ctx.idempotencyKey;

  for (let attempt = 1; ; attempt++) {
    let state = decider.initialState;
    let revision = -1;
    // The events an earlier run of this command (same key) appended: contiguous, with ids
    // derived from the key in order.
    const replayed: Event[] = [];
    let replayedTo = { revision: -1, position: 0 };
    let nextReplayId = key ? idempotentEventId(streamId, key, 0) : null;
    for await (const stored of store.readStream(streamId)) {
      const event = upcast(stored) as Event;
      state = decider.evolve(state, event);
      revision = stored.revision;
      if (key && stored.id === nextReplayId) {
        // Events written before digests were kept carry none: they replay as they always did.
        const digest = stored.metadata.commandDigest;
        if (replayed.length === 0 && digest !== undefined && digest !== commandDigest(command))
          throw new IdempotencyKeyReused(streamId, key);
        replayed.push(event);
        replayedTo = { revision: stored.revision, position: stored.position };
        nextReplayId = idempotentEventId(streamId, key, replayed.length);
      }
    }
    if (replayed.length > 0) {
      return {
        events: replayed,
        state,
        nextRevision: replayedTo.revision,
        lastPosition: replayedTo.position,
        replayed: true,
      };
    }

    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision) {
      throw new WrongExpectedRevision(streamId, ctx.expectedRevision, revision === -1 ? null : revision);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, nextRevision: revision, lastPosition: null, replayed: false };

    const toAppend = commandEvents(streamId, events, ctx, command);
    try {
      const result = await store.appendToStream(streamId, toAppend, {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      const newState = events.reduce(decider.evolve, state);
      return {
        events,
        state: newState,
        nextRevision: result.nextRevision,
        lastPosition: result.lastPosition,
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision) || attempt >= maxAttempts || ctx.expectedRevision !== undefined)
        throw error;
      // Jittered back-off so writers racing on one hot stream do not collide in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * The events a command decided, as {@link handleCommand} appends them: ids derived from the
 * idempotency key (new UUIDv7s without one) and the metadata of the context. For callers that
 * decide on a stream they know to be empty and write many streams in one `appendToStreams`
 * (a bulk import), so their events are exactly the ones `handleCommand` would have written.
 */
export function commandEvents(
  streamId: string,
  events: readonly DomainEvent[],
  ctx: CommandContext,
  command?: unknown,
): NewEvent[] {
  const occurredAt = ctx.now.toISOString();
  const metadata = {
    actor: ctx.actor,
    divisionCode: ctx.divisionCode,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId ?? null,
    occurredAt,
    ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
    ...(ctx.idempotencyKey && command !== undefined ? { commandDigest: commandDigest(command) } : {}),
  };
  return events.map((event, i) => ({
    id: ctx.idempotencyKey ? idempotentEventId(streamId, ctx.idempotencyKey, i) : newEventId(),
    type: event.type,
    data: event.data,
    metadata,
  }));
}

/**
 * What identifies a command for its idempotency key: its `type` and `data`, not the facts a
 * handler looked up for it (a retry tomorrow has another "today" and is still the same command).
 */
export function commandDigest(command: unknown): string {
  const { type, data } = (command ?? {}) as { type?: unknown; data?: unknown };
  return createHash('sha256')
    .update(JSON.stringify([type ?? null, data ?? null]))
    .digest('base64url')
    .slice(0, 22);
}
