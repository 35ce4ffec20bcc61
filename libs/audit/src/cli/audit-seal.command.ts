import { LogSealer } from '../seal/log-sealer';
import type { AuditCliIo } from './audit-cli.io';
import { openAuditLog } from './audit-log.opener';

/** Options of `relapse-watch audit seal`. */
export interface AuditSealOptions {
  readonly eventStore?: string;
}

/**
 * `relapse-watch audit seal`: seals everything committed now, in seals of
 * `AUDIT_SEAL_INTERVAL_EVENTS` events and one for the rest, signed with the current
 * `AUDIT_SEAL_KEY`. Safe next to running services that seal the same log.
 */
export async function auditSeal(options: AuditSealOptions, io: AuditCliIo): Promise<void> {
  const { store, seals, keyring, settings } = await openAuditLog(options.eventStore, io);
  try {
    const sealer = new LogSealer(seals, {
      keyring,
      intervalEvents: settings.intervalEvents,
      intervalMs: 0,
      now: () => new Date(),
    });
    const round = await sealer.sealCommitted();
    io.out(
      `已封签 / sealed: ${round.sealsAdded} 个新封签 new seals, ${round.eventsSealed} 个事件 events; ` +
        `封签至位置 / sealed up to position ${round.lastSealedPosition}`,
    );
  } finally {
    await store.close();
  }
}
