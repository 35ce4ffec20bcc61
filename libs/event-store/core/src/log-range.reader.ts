/**
 * One stored event as a verifier re-hashes it: position, stream id, revision, prev_hash and hash
 * as stored, and `canonical`, the UTF-8 bytes of the event's canonical form (see `eventHash`)
 * built from the stored columns by the database itself — hashed as they are, with no JSON text
 * turned into a JS string and back.
 */
export type CanonicalEventRow = readonly [
  position: number,
  streamId: string,
  revision: number,
  prevHash: string | null,
  hash: string,
  canonical: Uint8Array,
];

/**
 * A reader of one log's position ranges that a worker thread opens for itself, so that ranges of
 * the log are verified side by side. Synchronous: each worker owns its connection.
 */
export interface LogRangeReader {
  /** The highest stored position (0 for an empty log). */
  headPosition(): number;
  /**
   * The rows at positions in (`after`, `upTo`] (`upTo` null: to the end), in position order, in
   * batches of at most `batchSize`, exactly as stored.
   */
  readCanonical(after: number, upTo: number | null, batchSize: number): Iterable<readonly CanonicalEventRow[]>;
  /** Closes the reader's connection. */
  close(): void;
}

/**
 * Where another thread opens a {@link LogRangeReader} of the same log: a module it can `require`
 * (an absolute path, so the adapter's own build is loaded), the function it exports, and the
 * structured-cloneable settings passed to it.
 */
export interface LogRangeReaderSource {
  readonly module: string;
  readonly exportName: string;
  readonly settings: unknown;
}

/** The function a {@link LogRangeReaderSource} names. */
export type OpenLogRangeReader = (settings: unknown) => LogRangeReader;
