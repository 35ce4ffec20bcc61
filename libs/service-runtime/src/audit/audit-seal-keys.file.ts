import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseLogSealKeys, type LogSealKeyring } from '@relapse-watch/event-store-core';
import { AUDIT_SEAL_KEY, type AuditSealKeyConfig } from '../config/audit-seal.config';
import { ConfigError } from '../config/config.errors';

/**
 * The keys seals are signed and verified with: configured, or in embedded mode the file in the
 * data folder, made on first use (owner-only, never overwritten: a second process starting at the
 * same time reads the first one's file). Losing that file leaves old seals unverifiable
 * (`seal.key-unknown`), not the log unreadable: back it up apart from the data folder all the same,
 * since whoever holds it can forge seals.
 * @throws {@link ConfigError} for `AUDIT_SEAL_KEY` when the key file is unreadable.
 */
export function openAuditSealKeys(config: AuditSealKeyConfig): LogSealKeyring {
  if (config.kind === 'configured') return parseLogSealKeys(config.keys);
  if (!existsSync(config.file)) {
    mkdirSync(dirname(config.file), { recursive: true });
    const id = `local-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    try {
      writeFileSync(config.file, `${id}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(config.file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  try {
    return parseLogSealKeys(readFileSync(config.file, 'utf8').trim());
  } catch (error) {
    throw new ConfigError(AUDIT_SEAL_KEY, `${(error as Error).message} (${config.file})`);
  }
}
