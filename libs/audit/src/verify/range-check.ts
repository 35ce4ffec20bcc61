import { hash as oneShotHash } from 'node:crypto';
import { LogSealDigest, type CanonicalEventRow } from '@relapse-watch/event-store-core';

/** One range of the log to verify on a worker thread: positions (`after`, `upTo`]. */
export interface LogRange {
  /** Its place in the plan: outcomes are stitched in this order. */
  readonly index: number;
  readonly after: number;
  /** Null: to the end of the log as it is when read. */
  readonly upTo: number | null;
  /** The seal covering exactly this range, or null (events before the first seal read, or unsealed). */
  readonly seal: { readonly prevDigest: string | null; readonly fromPosition: number } | null;
  readonly densePositions: boolean;
  /** Events after it are counted unsealed. */
  readonly lastSealedPosition: number;
}

/**
 * What a range held, for the stitcher. `streams` is flat, five entries per stream met in the
 * range: stream id, first revision, its prev_hash, last revision, its hash — what the chain
 * across ranges needs, cheap to send between threads.
 */
export interface RangeOutcome {
  readonly index: number;
  /** Something in the range does not verify: the exact report needs the one-thread scan. */
  readonly suspect: boolean;
  readonly events: number;
  readonly unsealed: number;
  /** Positions of the first and last event read (0 when none). */
  readonly firstPosition: number;
  readonly lastPosition: number;
  /** The seal digest recomputed over the range's events, when the range is sealed. */
  readonly digest: string | null;
  readonly streams: readonly (string | number | null)[];
}

/** Mutable, one per stream met in the range. */
interface StreamSpan {
  readonly firstRevision: number;
  readonly firstPrevHash: string | null;
  revision: number;
  hash: string;
}

/**
 * Checks one range as its rows stream past: each event re-hashed from its canonical bytes, the
 * positions dense where they must be, each stream's revisions and prev_hash links inside the
 * range, and the seal digest over it. It only decides whether anything looks wrong — it never
 * names a problem: naming the first one exactly (across ranges, in position order) is the
 * one-thread {@link LogVerifier}'s job, run when any range is suspect.
 */
export class RangeCheck {
  private readonly streams = new Map<string, StreamSpan>();
  private readonly digest: LogSealDigest | null;
  private suspectFound = false;
  private events = 0;
  private unsealed = 0;
  private firstPosition = 0;
  private lastPosition = 0;

  constructor(private readonly range: LogRange) {
    this.digest = range.seal === null ? null : new LogSealDigest(range.seal.prevDigest, range.seal.fromPosition);
  }

  /** True once anything in the range looked wrong; reading the rest of it is then wasted. */
  get suspect(): boolean {
    return this.suspectFound;
  }

  /** The next rows of the range, in position order. */
  add(rows: readonly CanonicalEventRow[]): void {
    const { densePositions, lastSealedPosition } = this.range;
    for (const [position, streamId, revision, prevHash, hash, canonical] of rows) {
      if (this.events === 0) this.firstPosition = position;
      else if (position <= this.lastPosition || (densePositions && position !== this.lastPosition + 1))
        this.suspectFound = true;
      this.lastPosition = position;
      this.events++;
      if (position > lastSealedPosition) this.unsealed++;
      this.digest?.add(position, hash);
      if (oneShotHash('sha256', canonical, 'hex') !== hash) this.suspectFound = true;
      const span = this.streams.get(streamId);
      if (span === undefined)
        this.streams.set(streamId, { firstRevision: revision, firstPrevHash: prevHash, revision, hash });
      else if (revision !== span.revision + 1 || prevHash !== span.hash) this.suspectFound = true;
      else {
        span.revision = revision;
        span.hash = hash;
      }
    }
  }

  /** What the range held. */
  outcome(): RangeOutcome {
    const streams: (string | number | null)[] = [];
    for (const [id, s] of this.streams) streams.push(id, s.firstRevision, s.firstPrevHash, s.revision, s.hash);
    return {
      index: this.range.index,
      suspect: this.suspectFound,
      events: this.events,
      unsealed: this.unsealed,
      firstPosition: this.firstPosition,
      lastPosition: this.lastPosition,
      digest: this.digest?.digest() ?? null,
      streams,
    };
  }
}
