import { eventHash, type LogSeal, type LogSealKeyring, type StoredEventRow } from '@relapse-watch/event-store-core';
import { eventProblem, type EventPlace, type VerifyProblem, type VerifyReport } from './verify-problem';
import { SealChecker } from './seal-checker';

/** What a {@link LogVerifier} checks against. */
export interface LogVerifierOptions {
  /** First position read (0: the whole log). */
  readonly fromPosition: number;
  /** The seals from `fromPosition` on (the first whose start is at or after it), in position order. */
  readonly seals: readonly LogSeal[];
  /** The seal keys; null: every seal is `seal.key-unknown`. */
  readonly keyring: LogSealKeyring | null;
  /** Whether a missing position is a deleted row (see `LogSeals.densePositions`). */
  readonly densePositions: boolean;
  /** The log's last sealed position, for the unsealed count; default: the last of `seals`. */
  readonly lastSealedPosition?: number;
}

/** Problems listed in a report, in position order. */
const LISTED_PROBLEMS = 20;

/** Problems kept in memory; beyond it they are only counted (a wholesale rewrite would list millions). */
const KEPT_PROBLEMS = 1000;

interface KnownEvent extends EventPlace {
  readonly streamId: string;
  readonly revision: number;
}

/** Mutable: updated in place for each event of its stream (one allocation per stream, not per event). */
interface StreamHead {
  revision: number;
  hash: string;
}

/** A revision gap not yet explained: the missing revisions may still come later (reordered). */
interface PendingGap {
  readonly place: KnownEvent;
  readonly problem: VerifyProblem;
  readonly missingFrom: number;
  readonly missingTo: number;
}

/**
 * Checks a stored log as it streams past, row by row in position order, with no I/O: each event's
 * hash recomputed from its stored text exactly as stored, each stream's prev_hash chain and
 * revision sequence, the positions (dense logs: no hole), and every seal's chain, signature and
 * digest (see {@link SealChecker}). It never stops at the first problem: the report's counts
 * cover the whole log, and the first problem is the lowest position found.
 *
 * From a position other than 0, each stream's chain starts at its first event at or after it.
 */
export class LogVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private readonly gaps = new Map<string, PendingGap[]>();
  private readonly problems: VerifyProblem[] = [];
  private readonly seals: SealChecker;
  private problemCount = 0;
  private eventsChecked = 0;
  private lastPosition: number;

  private readonly fromPosition: number;
  private readonly densePositions: boolean;

  constructor(options: LogVerifierOptions) {
    this.fromPosition = options.fromPosition;
    this.densePositions = options.densePositions;
    this.lastPosition = Math.max(0, options.fromPosition - 1);
    this.seals = new SealChecker(
      options.seals,
      options.keyring,
      options.fromPosition <= 0,
      options.lastSealedPosition ?? options.seals.reduce((last, s) => Math.max(last, s.toPosition), 0),
      (problem) => this.found(problem),
    );
  }

  /** Checks the next stored row (rows must come in the order the store returns them). */
  check(row: StoredEventRow): void {
    const position = Number(row[0]);
    const streamId = row[1];
    const revision = Number(row[2]);
    const place = { position, streamId, revision, eventId: row[3] };
    this.eventsChecked++;
    if (position <= this.lastPosition && this.eventsChecked > 1) {
      this.found(eventProblem('log.reordered', place, { zh: '位置未递增', en: 'position does not increase' }));
    } else if (this.densePositions && position > this.lastPosition + 1) {
      const missing = { position: this.lastPosition + 1, streamId: null, revision: null, eventId: null };
      this.found(
        eventProblem('event.missing', missing, {
          zh: `事件缺失（位置 ${missing.position}–${position - 1} 无事件）`,
          en: `event missing (no event at positions ${missing.position}–${position - 1})`,
        }),
      );
    }
    if (position > this.lastPosition) this.lastPosition = position;
    this.seals.event(position, row[10]);

    const hash = eventHash(
      {
        streamId,
        revision,
        id: row[3],
        type: row[4],
        schemaVersion: row[5],
        dataJson: row[6],
        metadataJson: row[7],
        recordedAt: row[8],
      },
      row[9],
    );
    if (hash !== row[10])
      this.found(
        eventProblem('event.hash-mismatch', place, {
          zh: '事件内容与其哈希不符（已被修改）',
          en: 'event does not match its hash (edited)',
        }),
      );
    this.checkStream(place, row[9], row[10]);
  }

  /** Ends the scan: seals past the last row are checked, unexplained gaps become missing events. */
  finish(): VerifyReport {
    this.seals.finish();
    for (const pending of this.gaps.values()) for (const gap of pending) this.found(gap.problem);
    this.gaps.clear();
    const problems = [...this.problems].sort((p, q) => p.position - q.position).slice(0, LISTED_PROBLEMS);
    return {
      intact: this.problemCount === 0,
      firstProblem: problems[0] ?? null,
      problems,
      problemCount: this.problemCount,
      fromPosition: this.fromPosition,
      eventsChecked: this.eventsChecked,
      sealsChecked: this.seals.checked,
      unsealedEvents: this.seals.unsealedEvents,
      lastSealedPosition: this.seals.lastSealedPosition,
    };
  }

  /** Events checked so far. */
  get checked(): number {
    return this.eventsChecked;
  }

  private checkStream(place: KnownEvent, prevHash: string | null, hash: string): void {
    const { streamId, revision } = place;
    const head = this.heads.get(streamId);
    if (head === undefined && this.fromPosition > 0) {
      // The chain starts here: what came before `from` is not read.
    } else if (revision <= (head?.revision ?? -1)) {
      if (this.explainedGap(streamId, revision)) return;
      this.found(
        eventProblem('log.reordered', place, {
          zh: `修订号 ${revision} 排在修订号 ${head?.revision} 之后（顺序被调换）`,
          en: `revision ${revision} stands after revision ${head?.revision} (reordered)`,
        }),
      );
      return;
    } else if (revision > (head?.revision ?? -1) + 1) {
      const missingFrom = (head?.revision ?? -1) + 1;
      const problem = eventProblem('event.missing', place, {
        zh: `该流修订号 ${missingFrom}–${revision - 1} 的事件缺失`,
        en: `the stream's events of revisions ${missingFrom}–${revision - 1} are missing`,
      });
      const pending = this.gaps.get(streamId) ?? [];
      pending.push({ place, problem, missingFrom, missingTo: revision - 1 });
      this.gaps.set(streamId, pending);
    } else if (prevHash !== (head?.hash ?? null)) {
      this.found(
        eventProblem('event.chain-broken', place, {
          zh: '事件的前一哈希与该流上一事件的哈希不符',
          en: "event's prev_hash is not the hash of its stream's previous event",
        }),
      );
    }
    if (head === undefined) this.heads.set(streamId, { revision, hash });
    else {
      head.revision = revision;
      head.hash = hash;
    }
  }

  /** A revision that fills an earlier gap: the gap was events moved out of order, not removed. */
  private explainedGap(streamId: string, revision: number): boolean {
    const pending = this.gaps.get(streamId);
    const gap = pending?.find((g) => revision >= g.missingFrom && revision <= g.missingTo);
    if (pending === undefined || gap === undefined) return false;
    pending.splice(pending.indexOf(gap), 1);
    if (pending.length === 0) this.gaps.delete(streamId);
    this.found(
      eventProblem('log.reordered', gap.place, {
        zh: `该事件排在同流修订号 ${revision} 之前（顺序被调换）`,
        en: `event stands before revision ${revision} of its stream (reordered)`,
      }),
    );
    return true;
  }

  private found(problem: VerifyProblem): void {
    this.problemCount++;
    if (this.problems.length < KEPT_PROBLEMS) this.problems.push(problem);
  }
}
