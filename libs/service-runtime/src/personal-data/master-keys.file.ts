import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MasterKeyring } from '@relapse-watch/key-store-core';
import { ConfigError } from '../config/config.errors';
import { MASTER_KEYS, type MasterKeysConfig } from '../config/personal-data.config';

/**
 * The master keys: configured, or in embedded mode the file in the data folder, made on the first
 * start (owner-only, never overwritten: a second process starting at the same time reads the
 * first one's file). Losing that file makes every household's personal data unreadable, as an
 * erasure would: back it up apart from the data folder.
 */
export function openMasterKeyring(config: MasterKeysConfig): MasterKeyring {
  if (config.kind === 'configured') return MasterKeyring.parse(config.keys);
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
    return MasterKeyring.parse(readFileSync(config.file, 'utf8').trim());
  } catch (error) {
    throw new ConfigError(MASTER_KEYS, `${(error as Error).message} (${config.file})`);
  }
}
