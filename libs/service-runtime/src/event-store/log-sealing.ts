import {
  LogSealer,
  LogSealsNotSupported,
  logSealsOf,
  type EventStore,
  type LogSeals,
} from '@relapse-watch/event-store-core';
import type { Logger } from 'pino';
import { openAuditSealKeys } from '../audit/audit-seal-keys.file';
import type { AuditSealConfig } from '../config/audit-seal.config';

/**
 * Starts sealing the log where it is written: a {@link LogSealer} on the process's event store,
 * with the configured key and intervals (`AUDIT_SEAL_KEY`, or the embedded key file under
 * DATA_DIR, and `AUDIT_SEAL_INTERVAL_EVENTS` / `_MS`). Every process that opens the store runs
 * one: several on one log race harmlessly (a seal is added only if it extends the chain), and the
 * log stays sealed whichever processes are up. A failed round is logged and retried at the next.
 * @returns the running sealer (stop it before the store closes), or null where the adapter keeps
 *   no seals (KurrentDB), said once in the log.
 * @throws {@link ConfigError} for an unreadable key file.
 */
export function startLogSealing(store: EventStore, config: AuditSealConfig, logger: Logger): LogSealer | null {
  let seals: LogSeals;
  try {
    seals = logSealsOf(store);
  } catch (error) {
    if (!(error instanceof LogSealsNotSupported)) throw error;
    logger.info('事件库不支持封签，不封签 / the event store keeps no seals: the log is not sealed');
    return null;
  }
  const sealer = new LogSealer(seals, {
    keyring: openAuditSealKeys(config.key),
    intervalEvents: config.intervalEvents,
    intervalMs: config.intervalMs,
    // sealedAt is informative (unsigned): the machine's real time, never CLOCK_START's shifted one.
    now: () => new Date(),
    onError: (err) => logger.warn({ err }, '封签失败，下一轮重试 / sealing the log failed, retried next round'),
  });
  sealer.start();
  return sealer;
}
