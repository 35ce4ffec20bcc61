import {
  START,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import type { EventFilter } from '@relapse-watch/event-store-core';

/*
 * Global positions. KurrentDB locates an event in $all by {commit, prepare}, byte offsets in
 * its transaction log. For every event written through the gRPC append (an implicit
 * transaction) the server reports commit = prepare = the offset of the event's own record,
 * so the commit position alone identifies the event, is unique, and grows in $all order. It
 * is our `position`. Two consequences the port allows: positions are not contiguous (they
 * jump by record sizes, and system records sit in between), and not every number is a
 * position — reading from an offset inside a record is refused by the server (see
 * all-log-reader.ts for how such a `fromPosition` is resolved).
 */

/** Our `position` of a KurrentDB event position: its commit offset. */
export function positionFromKurrent(position: Position): number {
  return safeNumber(position.commit, 'commit position');
}

/**
 * The KurrentDB read position of our `position`: 0 (or less) is the start of the log,
 * anything else the record at that offset (commit = prepare, see above).
 */
export function readPositionOf(position: number): ReadPosition {
  if (position <= 0) return START;
  const offset = BigInt(position);
  return { commit: offset, prepare: offset };
}

/** Our 0-based stream revision of a KurrentDB revision: the same number, as a safe integer. */
export function revisionFromKurrent(revision: bigint): number {
  return safeNumber(revision, 'stream revision');
}

/**
 * Converts a KurrentDB bigint to a number. Offsets reach 2^53 only after 8 PiB of log, so
 * this never fails in practice; if it ever does, failing loudly beats rounding a position.
 */
function safeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`KurrentDB ${what} ${value} does not fit a safe integer`);
  return n;
}

/**
 * The server-side filter of a read or subscription on $all: the caller's stream prefixes when
 * they cannot match a system stream (fewer events on the wire), otherwise every non-system
 * event type. Either way it is only a pre-filter: the exact filter runs on our side, and
 * events without our envelope are dropped there too.
 */
export function serverFilterFor(filter: EventFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0 && prefixes.every((p) => p.length > 0 && !p.startsWith('$'))) {
    return streamNameFilter({ prefixes: [...prefixes] });
  }
  return excludeSystemEvents();
}
