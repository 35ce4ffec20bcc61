import type { LogSeal, LogSealKeyring, LogSeals } from '@relapse-watch/event-store-core';
import { LogVerifier } from './log-verifier';
import type { VerifyReport } from './verify-problem';

/** Options of {@link verifyLog}. */
export interface VerifyLogOptions {
  /** First position checked (default 0: the whole log). */
  readonly fromPosition?: number;
  /** The seal keys (`AUDIT_SEAL_KEY`); null: every seal is reported `seal.key-unknown`. */
  readonly keyring: LogSealKeyring | null;
  /** Rows per read; the adapter's default when absent. */
  readonly batchSize?: number;
  /** Called after each batch with the events checked and the last position read. */
  readonly onProgress?: (eventsChecked: number, position: number) => void;
}

/**
 * Verifies a stored log: reads the seals from `fromPosition` on, then every stored row from there
 * in position order through {@link LogVerifier}. Read-only; safe next to running services.
 */
export async function verifyLog(log: LogSeals, options: VerifyLogOptions): Promise<VerifyReport> {
  const from = options.fromPosition ?? 0;
  const seals: LogSeal[] = [];
  for await (const seal of log.readSeals(from)) seals.push(seal);
  const verifier = new LogVerifier({
    fromPosition: from,
    seals,
    keyring: options.keyring,
    densePositions: log.densePositions,
    lastSealedPosition: (await log.lastSeal())?.toPosition ?? 0,
  });
  for await (const batch of log.readRawEvents(from, { batchSize: options.batchSize })) {
    for (const row of batch) verifier.check(row);
    if (batch.length > 0) options.onProgress?.(verifier.checked, Number(batch[batch.length - 1][0]));
  }
  return verifier.finish();
}
