import type { StoredEvent } from '@relapse-watch/event-store-core';

const NOT_READY = Symbol('not-ready');

/** One batch read by {@link RelayBatchReader}; `ended`: the subscription has no more. */
export interface RelayBatch {
  readonly events: readonly StoredEvent[];
  readonly ended: boolean;
}

/**
 * Reads a subscription in batches of what it already holds: waits for one event, then
 * takes every following event that is ready without waiting (a catch-up page, a group
 * commit), up to `maxBatchSize`. Under load batches fill up; when idle, a lone event goes
 * out at once instead of waiting for company.
 */
export class RelayBatchReader {
  private pending: Promise<IteratorResult<StoredEvent>> | null = null;

  constructor(
    private readonly events: AsyncIterator<StoredEvent>,
    private readonly maxBatchSize: number,
  ) {}

  /** The next batch; empty and ended when the subscription ended while waiting. */
  async next(): Promise<RelayBatch> {
    const first = await (this.pending ?? this.events.next());
    this.pending = null;
    if (first.done) return { events: [], ended: true };
    const events = [first.value];
    if (events.length >= this.maxBatchSize) return { events, ended: false };
    // Ready means: settled before this turn of the event loop ends. One marker for the whole
    // batch (not a timer per event): it fires in this turn's check phase, after every
    // microtask, so a page the iterator already holds is taken whole.
    let timer: NodeJS.Immediate | undefined;
    const turnEnds = new Promise<typeof NOT_READY>((resolve) => (timer = setImmediate(resolve, NOT_READY)));
    try {
      while (events.length < this.maxBatchSize) {
        // Kept across calls: an event that arrives after the check must not be lost.
        this.pending = this.events.next();
        const next = await Promise.race([this.pending, turnEnds]);
        if (next === NOT_READY) break;
        this.pending = null;
        if (next.done) return { events, ended: true };
        events.push(next.value);
      }
    } finally {
      clearImmediate(timer);
    }
    return { events, ended: false };
  }
}
