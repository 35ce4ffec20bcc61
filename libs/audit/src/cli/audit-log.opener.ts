import { existsSync } from 'node:fs';
import { DomainError } from '@relapse-watch/domain-kernel';
import {
  LogSealsNotSupported,
  logSealsOf,
  type EventStore,
  type LogSealKeyring,
  type LogSeals,
} from '@relapse-watch/event-store-core';
import { chosenEventStore, openCommandLineEventStoreAsIs } from '@relapse-watch/service-runtime/cli';
import { loadCommandLineConfig, openAuditSealKeys, type AuditSealConfig } from '@relapse-watch/service-runtime/config';
import type { AuditCliIo } from './audit-cli.io';

/** An opened log with its seals, the seal keys and settings, for one audit command. */
export interface OpenedAuditLog {
  readonly store: EventStore;
  readonly seals: LogSeals;
  readonly keyring: LogSealKeyring;
  readonly settings: AuditSealConfig;
}

/**
 * Opens the event store the server's configuration names (or `--event-store`) as it is — no
 * format stamp, no file made where none exists — with its seals and the seal keys
 * (`AUDIT_SEAL_KEY`, or the embedded key file under DATA_DIR). Says which store on stderr.
 * @throws DomainError `cli.event-store` for a missing file or an adapter without seals;
 *   ConfigError for a bad or (distributed) missing variable.
 */
export async function openAuditLog(option: string | undefined, io: AuditCliIo): Promise<OpenedAuditLog> {
  const env = io.env ?? {};
  const chosen = chosenEventStore(option, env, io.cwd);
  const settings = loadCommandLineConfig(env, io.cwd).auditSeal;
  const keyring = openAuditSealKeys(settings.key);
  if (chosen.target.kind === 'sqlite' && !existsSync(chosen.target.path))
    throw new DomainError({
      code: 'cli.event-store',
      field: 'eventStore',
      message: `事件库文件不存在 / the event store file does not exist: ${chosen.label}`,
    });
  io.err(`事件库 / event store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const store = await openCommandLineEventStoreAsIs(chosen);
  try {
    return { store, seals: logSealsOf(store), keyring, settings };
  } catch (error) {
    await store.close();
    if (!(error instanceof LogSealsNotSupported)) throw error;
    throw new DomainError({ code: 'cli.event-store', field: 'eventStore', message: error.message });
  }
}
