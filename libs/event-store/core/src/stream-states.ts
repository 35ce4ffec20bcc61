import { foldStream, type Decider, type DomainEvent } from './decider';
import type { EventStore } from './event-store.port';
import type { StoredEvent } from './types';

/** Options of {@link StreamStates}. */
export interface StreamStatesOptions {
  /** Streams whose latest state is kept (least recently used dropped first); default 10,000. */
  readonly maxStreams?: number;
  /** Turns a stored event into the decider's event; default `{ type, data }`. */
  readonly upcast?: (event: StoredEvent) => DomainEvent;
}

const defaultUpcast = (e: StoredEvent): DomainEvent => ({ type: e.type, data: e.data });

/**
 * The state of an aggregate right after each of its stored events, for translators that walk
 * the log in order (a relay mapper): the state after revision r is the state after r − 1 evolved
 * with the event itself, so a stream is read from the store at most once while it stays in the
 * cache — not refolded from its start for every event, which is quadratic in a stream that grows
 * every year. A first revision needs no read at all. Out-of-order or evicted streams fall back to
 * {@link foldStream}. States must be immutable (deciders' `evolve` returns new values).
 */
export class StreamStates<Event extends DomainEvent, State> {
  private readonly latest = new Map<string, { readonly revision: number; readonly state: State }>();
  private readonly maxStreams: number;
  private readonly upcast: (event: StoredEvent) => DomainEvent;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    options: StreamStatesOptions = {},
  ) {
    this.maxStreams = options.maxStreams ?? 10_000;
    this.upcast = options.upcast ?? defaultUpcast;
  }

  /** The state of `event`'s stream right after it. */
  async after(event: StoredEvent): Promise<State> {
    const known = this.latest.get(event.streamId);
    let state: State;
    if (known?.revision === event.revision) state = known.state;
    else if (known?.revision === event.revision - 1) state = this.evolve(known.state, event);
    else if (event.revision === 0) state = this.evolve(this.decider.initialState, event);
    else
      state = await foldStream(this.store, event.streamId, this.decider, {
        maxCount: event.revision + 1,
        upcast: this.upcast,
      });
    this.remember(event.streamId, event.revision, state);
    return state;
  }

  private evolve(state: State, event: StoredEvent): State {
    return this.decider.evolve(state, this.upcast(event) as Event);
  }

  private remember(streamId: string, revision: number, state: State): void {
    this.latest.delete(streamId); // re-inserted last: Map order is the recency order
    this.latest.set(streamId, { revision, state });
    if (this.latest.size > this.maxStreams) this.latest.delete(this.latest.keys().next().value as string);
  }
}
