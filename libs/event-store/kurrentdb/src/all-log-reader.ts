import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  START,
  type KurrentDBClient,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { storedEventFrom } from './event-envelope';
import { positionFromKurrent, readPositionOf } from './positions';

/** Our events of $all from a KurrentDB read position, forwards; system and foreign events left out. */
async function* ourEventsFrom(client: KurrentDBClient, from: ReadPosition): AsyncGenerator<StoredEvent> {
  for await (const resolved of client.readAll({
    fromPosition: from,
    direction: FORWARDS,
    filter: excludeSystemEvents(),
  })) {
    const stored = storedEventFrom(resolved.event);
    if (stored) yield stored;
  }
}

/**
 * The events of the global log with position ≥ `fromPosition`, in position order, at most
 * `maxCount` (default: no limit).
 *
 * `fromPosition` is normally 0 or a position this store returned, which KurrentDB reads
 * from directly. Any other number (`headPosition() + 1`, say) points inside a record, and
 * the server refuses to read from there; then the read restarts from the last event at or
 * before that number (found by reading backwards from the end, so cheap near the head) and
 * skips what comes before `fromPosition`.
 */
export async function* readAllEvents(
  client: KurrentDBClient,
  fromPosition = 0,
  maxCount = Number.POSITIVE_INFINITY,
): AsyncGenerator<StoredEvent> {
  if (maxCount <= 0) return;
  let source = ourEventsFrom(client, readPositionOf(fromPosition));
  let next: IteratorResult<StoredEvent>;
  try {
    next = await source.next();
  } catch (error) {
    if (fromPosition <= 0) throw error;
    source = ourEventsFrom(client, await lastPositionAtOrBefore(client, fromPosition));
    next = await source.next();
  }
  let yielded = 0;
  try {
    for (; !next.done; next = await source.next()) {
      if (next.value.position < fromPosition) continue;
      yield next.value;
      if (++yielded >= maxCount) return;
    }
  } finally {
    // Ends the server read when the caller stops early.
    await source.return(undefined);
  }
}

/**
 * The KurrentDB read position of the last non-system event at or before `position`, or the
 * start of the log. Any event's position is a record boundary the server reads from.
 */
export async function lastPositionAtOrBefore(client: KurrentDBClient, position: number): Promise<ReadPosition> {
  for await (const resolved of client.readAll({
    fromPosition: END,
    direction: BACKWARDS,
    filter: excludeSystemEvents(),
  })) {
    const recorded = resolved.event;
    if (recorded?.position && positionFromKurrent(recorded.position) <= position) return recorded.position;
  }
  return START;
}

/** Position of the last event this store wrote (system and foreign events skipped); 0 for none. */
export async function lastOwnPosition(client: KurrentDBClient): Promise<number> {
  for await (const resolved of client.readAll({
    fromPosition: END,
    direction: BACKWARDS,
    filter: excludeSystemEvents(),
  })) {
    const stored = storedEventFrom(resolved.event);
    if (stored) return stored.position;
  }
  return 0;
}
