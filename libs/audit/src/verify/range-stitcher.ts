import type { LogSeal } from '@relapse-watch/event-store-core';
import type { RangeOutcome } from './range-check';

/** Mutable: a stream's last event in the ranges stitched so far. */
interface StreamHead {
  revision: number;
  hash: string;
}

/**
 * Joins the outcomes of consecutive ranges, in position order, into the checks that cross range
 * boundaries: each stream's chain (a range's first event of a stream must follow that stream's
 * last event in the ranges before, or start it at revision 0 with no prev_hash when the whole log
 * is read), dense positions across the boundary, and each sealed range's count and digest. Like
 * {@link RangeCheck} it only says whether everything holds, and counts.
 */
export class RangeStitcher {
  private readonly heads = new Map<string, StreamHead>();
  private lastPosition: number;
  private eventsSeen = 0;
  private unsealedSeen = 0;

  constructor(
    private readonly fromPosition: number,
    private readonly densePositions: boolean,
  ) {
    // As LogVerifier: a dense log's first row read must be at `fromPosition` (1 for the whole log).
    this.lastPosition = Math.max(0, fromPosition - 1);
  }

  /** Adds the next range's outcome; false when it shows anything that does not verify. */
  accept(outcome: RangeOutcome, seal: LogSeal | null): boolean {
    if (outcome.suspect) return false;
    if (seal !== null && (outcome.events !== seal.eventCount || outcome.digest !== seal.digest)) return false;
    if (outcome.events > 0) {
      if (this.densePositions && outcome.firstPosition !== this.lastPosition + 1) return false;
      this.lastPosition = outcome.lastPosition;
    }
    const s = outcome.streams;
    for (let i = 0; i < s.length; i += 5) {
      const [streamId, firstRevision, firstPrevHash] = [s[i] as string, s[i + 1] as number, s[i + 2]];
      const head = this.heads.get(streamId);
      if (head === undefined) {
        // From a position other than 0 a stream's chain starts at its first event read.
        if (this.fromPosition <= 0 && (firstRevision !== 0 || firstPrevHash !== null)) return false;
        this.heads.set(streamId, { revision: s[i + 3] as number, hash: s[i + 4] as string });
      } else {
        if (firstRevision !== head.revision + 1 || firstPrevHash !== head.hash) return false;
        head.revision = s[i + 3] as number;
        head.hash = s[i + 4] as string;
      }
    }
    this.eventsSeen += outcome.events;
    this.unsealedSeen += outcome.unsealed;
    return true;
  }

  get events(): number {
    return this.eventsSeen;
  }

  get unsealed(): number {
    return this.unsealedSeen;
  }

  /** Position of the last event stitched (or the one before `fromPosition`). */
  get position(): number {
    return this.lastPosition;
  }
}
