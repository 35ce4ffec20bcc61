/**
 * Why a stored log does not verify, machine-readable and stable across versions:
 * - `event.hash-mismatch`: an event's stored fields no longer give its stored hash (edited);
 * - `event.chain-broken`: an event's prev_hash is not the hash of its stream's previous event;
 * - `event.missing`: a revision missing in a stream, a missing position of a dense log, or fewer
 *   events in a sealed range than the seal counted (deleted);
 * - `log.reordered`: a stream's revisions out of position order (events moved);
 * - `seal.digest-mismatch`: a sealed range's events (position and hash) differ from the seal's;
 * - `seal.signature-invalid`: a seal not signed by the configured key of its key id (forged);
 * - `seal.key-unknown`: a seal signed with a key id the configuration does not hold;
 * - `seal.chain-broken`: a seal that does not start where the previous ended, or that names
 *   another previous digest (a seal removed or replaced).
 */
export type VerifyReason =
  | 'event.hash-mismatch'
  | 'event.chain-broken'
  | 'event.missing'
  | 'log.reordered'
  | 'seal.digest-mismatch'
  | 'seal.signature-invalid'
  | 'seal.key-unknown'
  | 'seal.chain-broken';

/** The sealed range a seal problem is about: positions (`fromPosition`, `toPosition`]. */
export interface SealRange {
  readonly fromPosition: number;
  readonly toPosition: number;
}

/**
 * One place where the stored log does not match. Event problems name the event (for a missing
 * one, what is known of it: the event after the gap in its stream, or the missing position);
 * seal problems name the seal's range, and `position` is the range's end, where the mismatch
 * shows — so a precise event problem inside a range comes before its seal's.
 */
export interface VerifyProblem {
  readonly reason: VerifyReason;
  readonly position: number;
  readonly streamId: string | null;
  readonly revision: number | null;
  readonly eventId: string | null;
  readonly seal: SealRange | null;
  /** `中文 / English`, one line. */
  readonly message: string;
}

/** What a verification found. */
export interface VerifyReport {
  /** True when no problem was found. */
  readonly intact: boolean;
  /** The first problem in position order, or null. */
  readonly firstProblem: VerifyProblem | null;
  /** The first problems in position order (at most 20). */
  readonly problems: readonly VerifyProblem[];
  /** Problems found in all (the scan goes on to the end so that the counts are whole). */
  readonly problemCount: number;
  readonly fromPosition: number;
  readonly eventsChecked: number;
  readonly sealsChecked: number;
  /** Events after the last seal: not yet covered by any seal. */
  readonly unsealedEvents: number;
  /** The last sealed position, 0 when nothing is sealed. */
  readonly lastSealedPosition: number;
}

/** Identity of an event as far as it is known. */
export interface EventPlace {
  readonly position: number;
  readonly streamId: string | null;
  readonly revision: number | null;
  readonly eventId: string | null;
}

/** An event problem with its one-line message. */
export function eventProblem(reason: VerifyReason, at: EventPlace, detail: { zh: string; en: string }): VerifyProblem {
  const where =
    at.streamId === null
      ? `位置 ${at.position} / position ${at.position}`
      : `位置 ${at.position}，流 ${at.streamId} 修订号 ${at.revision}${at.eventId ? `，事件 ${at.eventId}` : ''} / ` +
        `position ${at.position}, stream ${at.streamId} revision ${at.revision}${at.eventId ? `, event ${at.eventId}` : ''}`;
  return { reason, ...at, seal: null, message: `${detail.zh} / ${detail.en}: ${where}` };
}

/** A seal problem with its one-line message. */
export function sealProblem(reason: VerifyReason, seal: SealRange, detail: { zh: string; en: string }): VerifyProblem {
  const range = `(${seal.fromPosition}, ${seal.toPosition}]`;
  return {
    reason,
    position: seal.toPosition,
    streamId: null,
    revision: null,
    eventId: null,
    seal: { fromPosition: seal.fromPosition, toPosition: seal.toPosition },
    message: `${detail.zh}：封签 ${range} / ${detail.en}: seal ${range}`,
  };
}
