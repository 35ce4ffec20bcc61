import {
  DuplicateEventId,
  eventHash,
  InvalidAppend,
  WrongExpectedRevision,
  type AppendResult,
  type ExpectedRevision,
  type PreparedAppend,
  type StoredEvent,
} from '@relapse-watch/event-store-core';
import type { ChainedEvent } from './event-envelope';

/** The stream's last event as an append needs it: where to continue and what to chain to. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * What an append does once the stream's head is known:
 * - `write`: the condition holds; write after the head;
 * - `conflict`: it does not, and this cannot be a re-send;
 * - `replay`: the stream already has events where these would go: a re-send if they are
 *   these same events from `fromRevision` on;
 * - `find`: no revision to go by ('any' or 'stream_exists' on an existing stream): look the
 *   first id up in the stream before writing.
 */
export type AppendPlan =
  | { readonly kind: 'write' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'replay'; readonly fromRevision: number }
  | { readonly kind: 'find' };

/** Decides an append from its expected revision and the revision of the stream's last event (null: no stream). */
export function planAppend(expected: ExpectedRevision, actual: number | null): AppendPlan {
  if (expected === 'any' || expected === 'stream_exists') {
    if (actual === null) return expected === 'any' ? { kind: 'write' } : { kind: 'conflict' };
    return { kind: 'find' };
  }
  const wanted = expected === 'no_stream' ? -1 : expected;
  const at = actual ?? -1;
  if (at === wanted) return { kind: 'write' };
  return at > wanted ? { kind: 'replay', fromRevision: wanted + 1 } : { kind: 'conflict' };
}

/**
 * The outcome of an append whose place is already taken, given the stored events from that
 * place (up to as many as the append has): the same ids in the same order make it a re-send
 * and the original result is returned; any of its ids there otherwise is a partial overlap;
 * none is a plain conflict.
 * @throws {@link DuplicateEventId} or {@link WrongExpectedRevision}
 */
export function replayOutcome(
  append: PreparedAppend,
  stored: readonly StoredEvent[],
  actual: number | null,
): AppendResult {
  const { streamId, events } = append;
  if (stored.length === events.length && stored.every((e, i) => e.id === events[i].id)) {
    const last = stored[stored.length - 1];
    return { nextRevision: last.revision, lastPosition: last.position };
  }
  const ids = new Set(events.map((e) => e.id));
  const overlap = stored.find((e) => ids.has(e.id));
  if (overlap) throw new DuplicateEventId(streamId, overlap.id);
  throw new WrongExpectedRevision(streamId, append.expectedRevision, actual);
}

/**
 * Gives each event its revision after `head` and its link in the stream's hash chain. The
 * hash covers the revision, so it is only valid if the append lands exactly after `head`:
 * the caller appends with that revision as KurrentDB's expected state.
 */
export function chainEvents(append: PreparedAppend, head: StreamHead | null, recordedAt: string): ChainedEvent[] {
  let revision = head ? head.revision : -1;
  let prevHash = head ? head.hash : null;
  return append.events.map((event) => {
    revision++;
    const hash = eventHash(
      {
        streamId: append.streamId,
        revision,
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        dataJson: event.dataJson,
        metadataJson: event.metadataJson,
        recordedAt,
      },
      prevHash,
    );
    const chained: ChainedEvent = { event, recordedAt, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

/**
 * KurrentDB reserves names starting with `$` for system streams (admin-only by default) and
 * system event types (left out of our reads of $all). Refused here, with the same error
 * shape as the core's checks, rather than written somewhere they could not be read back.
 * @throws {@link InvalidAppend} `stream-id.reserved` or `event.type.reserved`
 */
export function checkKurrentDbNames(append: PreparedAppend): void {
  if (append.streamId.startsWith('$')) {
    throw new InvalidAppend('stream-id.reserved', 'streamId', 'Stream ids starting with $ are reserved by KurrentDB');
  }
  append.events.forEach((e, i) => {
    if (e.type.startsWith('$')) {
      throw new InvalidAppend(
        'event.type.reserved',
        `events[${i}].type`,
        'Event types starting with $ are reserved by KurrentDB',
      );
    }
  });
}
