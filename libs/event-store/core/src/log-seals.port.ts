import { EventStoreError } from './errors';
import type { EventStore } from './event-store.port';
import type { LogRangeReaderSource } from './log-range.reader';
import type { StoredEventRow } from './stored-event-row';

/**
 * A checkpoint over the global log: the events at positions (`fromPosition`, `toPosition`], in
 * position order, digested and chained to the previous seal, and signed with a key from
 * configuration (see log-seal.digest.ts). Seals are the tamper evidence a per-stream hash chain
 * cannot give: a stream rewritten with fresh hashes from its first event on, a removed stream tail,
 * or two events of different streams swapped in the global order.
 */
export interface LogSeal {
  /** The previous seal's `toPosition` (0 for the first seal): exclusive. */
  readonly fromPosition: number;
  /** Position of the last covered event: inclusive. */
  readonly toPosition: number;
  /** Events covered (positions may have gaps in PostgreSQL: aborted transactions). */
  readonly eventCount: number;
  /** SHA-256 hex over the previous digest and each covered event's position and hash. */
  readonly digest: string;
  /** The previous seal's digest; null for the first seal. */
  readonly prevDigest: string | null;
  /** Which configured key signed it. */
  readonly keyId: string;
  /** HMAC-SHA256 hex over the seal's canonical fields (see `sealSignature`). */
  readonly signature: string;
  /**
   * When it was made, for the operator; not signed (two processes sealing the same range make
   * the same signed seal at different times, and either may win).
   */
  readonly sealedAt: string;
}

/** Options of {@link LogSeals.readRawEvents}. */
export interface RawEventReadOptions {
  /** Rows per batch; the adapter's default when absent. */
  readonly batchSize?: number;
}

/**
 * The seals of one event store's log, kept in the store's own database, and a raw reader of the
 * log for whoever seals or verifies it. Implemented by the SQLite and PostgreSQL adapters; one
 * conformance suite (`logSealsConformance` in event-store-testing) runs against both.
 */
export interface LogSeals {
  /**
   * True when positions are dense (SQLite's rowid: 1, 2, 3 …), so a missing position is a
   * deleted row; false when gaps are normal (PostgreSQL: aborted transactions consume positions).
   */
  readonly densePositions: boolean;

  /** The seal with the highest `toPosition`, or null when nothing is sealed yet. */
  lastSeal(): Promise<LogSeal | null>;

  /** Seals in position order, starting with the first whose `fromPosition` ≥ `fromPosition` (default 0). */
  readSeals(fromPosition?: number): AsyncIterable<LogSeal>;

  /**
   * Adds `seal` only if it extends the chain: its `fromPosition` is the last seal's `toPosition`
   * (0 with no seal) and its `prevDigest` that seal's digest, and no seal starts there yet. Several
   * processes sealing one log race harmlessly: the first seal from a position wins, the others
   * are refused (`false`) and re-read {@link lastSeal}.
   * @returns true when this seal was added.
   */
  addSeal(seal: LogSeal): Promise<boolean>;

  /**
   * The stored rows from `fromPosition` on, in position order, in batches, exactly as stored (the
   * columns of {@link StoredEventRow}, no JSON parsed). Only final rows: in PostgreSQL it stops
   * below the first position a running transaction may still commit (the subscription's safe
   * mark), so whatever it returns may be sealed; and it includes every event committed before
   * the call (it first waits for transactions running then, as `readAll` does).
   */
  readRawEvents(fromPosition: number, options?: RawEventReadOptions): AsyncIterable<readonly StoredEventRow[]>;

  /**
   * Where worker threads open readers of this log's ranges (see {@link LogRangeReaderSource}), or
   * null when they cannot (an adapter without one, or a database only this connection sees):
   * verification then reads the log on one thread through {@link readRawEvents}.
   */
  rangeReaderSource?(): LogRangeReaderSource | null;
}

/** An event store whose log can be sealed: the adapter hands out its {@link LogSeals}. */
export interface SealableEventStore extends EventStore {
  /** The seals of this store's log. @throws {@link LogSealsNotSupported} where the adapter has none. */
  logSeals(): LogSeals;
}

/** The adapter keeps no seals (KurrentDB: its log is not ours to add tables to). */
export class LogSealsNotSupported extends EventStoreError {
  readonly code = 'event-store.log-seals.not-supported';
  constructor(adapter: string) {
    super(
      `${adapter} 事件库不支持日志封签与审计校验 / the ${adapter} event store does not support log seals or audit verification`,
    );
    this.name = 'LogSealsNotSupported';
  }
}

/** The {@link LogSeals} of `store`. @throws {@link LogSealsNotSupported} when its adapter has none. */
export function logSealsOf(store: EventStore): LogSeals {
  const sealable = store as Partial<SealableEventStore>;
  if (typeof sealable.logSeals !== 'function') throw new LogSealsNotSupported(store.constructor?.name ?? 'this');
  return sealable.logSeals();
}
