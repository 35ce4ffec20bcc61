import { DuplicateEventId, MultiStreamAppendNotSupported, WrongExpectedRevision } from './errors';
import type { EventStore } from './event-store.port';
import type { StreamAppend } from './types';

/** What a bulk import planned for one item of a batch: its outcome and the appends that make it. */
export interface PlannedItem<Outcome> {
  readonly outcome: Outcome;
  /** Appends to streams that must not exist yet (`expectedRevision: 'no_stream'`); none when nothing is written. */
  readonly appends: readonly StreamAppend[];
}

/** How {@link appendNewStreamsOrFallBack} plans, writes and reports the items of a batch. */
export interface NewStreamsBatch<Item, Outcome> {
  readonly store: Pick<EventStore, 'appendToStreams'>;
  /** The item's appends decided in memory, or null when it must take the command path (a refusal to report row by row). */
  plan(item: Item): PlannedItem<Outcome> | null;
  /** The command path, the correctness reference: what the item's commands write one by one. */
  commandPath(item: Item): Promise<Outcome>;
  /** Called once per item, once its events are in the store. */
  onDone(item: Item, outcome: Outcome): void;
}

/**
 * A bulk import's fast path: the batch's new items decided in memory and written in ONE atomic
 * multi-stream append, all or nothing, instead of their commands' appends one by one (each awaiting
 * a group commit). The command path takes over where the outcome depends on what the store holds
 * or on a refusal: for the whole batch when any of its streams exists (a re-run, a resumed import,
 * a corrected sheet) or when the store cannot append atomically; for one item when it plans to
 * none (`null`) or shares a stream with an item before it in the batch. Those run after the batch
 * is written, side by side. Every other error of the append is the caller's.
 */
export async function appendNewStreamsOrFallBack<Item, Outcome>(
  items: readonly Item[],
  batch: NewStreamsBatch<Item, Outcome>,
): Promise<void> {
  let decided: { item: Item; outcome: Outcome }[] = [];
  let alone: Item[] = [];
  const appends: StreamAppend[] = [];
  const claimed = new Set<string>();
  for (const item of items) {
    const planned = batch.plan(item);
    if (planned === null || planned.appends.some((a) => claimed.has(a.streamId))) {
      alone.push(item);
      continue;
    }
    for (const append of planned.appends) {
      claimed.add(append.streamId);
      appends.push(append);
    }
    decided.push({ item, outcome: planned.outcome });
  }
  if (appends.length > 0) {
    // Every stream is new and its own: the order is free, and in stream-id order the store's
    // stream index takes the batch's keys in one sweep instead of at random places.
    appends.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    try {
      await batch.store.appendToStreams(appends);
    } catch (error) {
      if (!(
        error instanceof WrongExpectedRevision ||
        error instanceof DuplicateEventId ||
        error instanceof MultiStreamAppendNotSupported
      ))
        throw error;
      decided = [];
      alone = [...items];
    }
  }
  for (const { item, outcome } of decided) batch.onDone(item, outcome);
  await Promise.all(alone.map(async (item) => batch.onDone(item, await batch.commandPath(item))));
}
