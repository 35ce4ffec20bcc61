import { availableParallelism } from 'node:os';
import type { LogSeal, LogSealKeyring, LogSeals } from '@relapse-watch/event-store-core';
import { LogVerifier } from './log-verifier';
import { verifyInThreads } from './verify-in-threads';
import type { VerifyReport } from './verify-problem';

/** Below this many events the threads' start-up costs more than they save. */
const THREADS_FROM_EVENTS = 50_000;

/** Options of {@link verifyLog}. */
export interface VerifyLogOptions {
  /** First position checked (default 0: the whole log). */
  readonly fromPosition?: number;
  /** The seal keys (`AUDIT_SEAL_KEY`); null: every seal is reported `seal.key-unknown`. */
  readonly keyring: LogSealKeyring | null;
  /** Rows per read; the adapter's default when absent. */
  readonly batchSize?: number;
  /** Called after each batch (or range) with the events checked and the last position read. */
  readonly onProgress?: (eventsChecked: number, position: number) => void;
  /** Worker threads for ranges of the log (default: the machine's cores; 1: this thread only). */
  readonly threads?: number;
  /** Events from `fromPosition` on below which one thread does it all (default 50,000). */
  readonly threadsFromEvents?: number;
  /**
   * Told how the log is verified: `threads` (and how many) when ranges went to worker threads,
   * then `one-thread` if this thread reads the log (instead, or after the threads doubted it).
   */
  readonly onStrategy?: (strategy: 'threads' | 'one-thread', threads: number) => void;
}

/**
 * Verifies a stored log: reads the seals from `fromPosition` on, then every stored row from there
 * in position order through {@link LogVerifier}. Read-only; safe next to running services.
 *
 * Where the adapter lets other threads open the log (`LogSeals.rangeReaderSource`) and the log is
 * long enough, ranges are first checked side by side on worker threads (`verifyInThreads`); an
 * intact log's report is then theirs — the same counts. If anything does not verify, the log is
 * read again on this thread, so a tampered log's report names exactly the same problems either way.
 */
export async function verifyLog(log: LogSeals, options: VerifyLogOptions): Promise<VerifyReport> {
  const from = options.fromPosition ?? 0;
  const seals: LogSeal[] = [];
  for await (const seal of log.readSeals(from)) seals.push(seal);
  const lastSealedPosition = (await log.lastSeal())?.toPosition ?? 0;
  const threads = options.threads ?? availableParallelism();
  const source = threads > 1 ? (log.rangeReaderSource?.() ?? null) : null;
  if (source !== null) {
    // A reader the threads cannot open (e.g. a read-only folder without the WAL's shared memory
    // file) leaves the work to this thread, which reports any real I/O failure itself.
    const report = await verifyInThreads(source, {
      fromPosition: from,
      seals,
      keyring: options.keyring,
      densePositions: log.densePositions,
      lastSealedPosition,
      threads,
      threadsFromEvents: options.threadsFromEvents ?? THREADS_FROM_EVENTS,
      onProgress: options.onProgress,
    }).catch(() => null);
    if (report !== 'too-short') options.onStrategy?.('threads', threads);
    if (report !== null && report !== 'too-short') return report;
  }
  options.onStrategy?.('one-thread', 1);
  const verifier = new LogVerifier({
    fromPosition: from,
    seals,
    keyring: options.keyring,
    densePositions: log.densePositions,
    lastSealedPosition,
  });
  for await (const batch of log.readRawEvents(from, { batchSize: options.batchSize })) {
    for (const row of batch) verifier.check(row);
    if (batch.length > 0) options.onProgress?.(verifier.checked, Number(batch[batch.length - 1][0]));
  }
  return verifier.finish();
}
