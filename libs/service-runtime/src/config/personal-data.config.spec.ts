import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMasterKeyring } from '../personal-data/master-keys.file';
import { ConfigError } from './config.errors';
import { parsePersonalDataConfig } from './personal-data.config';
import { loadRuntimeConfig } from './runtime.config';
import { closeRuntimeAdapters, openRuntimeAdapters } from './runtime-adapters.config';
import { pino } from 'pino';

const reader = (env: Record<string, string>) => (name: string) => env[name];
const KEY = Buffer.alloc(32, 7).toString('base64');

describe('personal-data configuration', () => {
  it('keeps keys in <DATA_DIR>/keys.db and makes the master key once, owner-only, in embedded mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-master-keys-'));
    try {
      const config = parsePersonalDataConfig(reader({}), true, dir, '/');
      expect(config).toEqual({
        keyStore: { kind: 'sqlite', url: `sqlite:${join(dir, 'keys.db')}`, path: join(dir, 'keys.db') },
        masterKeys: { kind: 'generated', file: join(dir, 'master-keys') },
      });
      const first = openMasterKeyring(config.masterKeys);
      const text = readFileSync(join(dir, 'master-keys'), 'utf8');
      const again = openMasterKeyring(config.masterKeys);
      expect(statSync(join(dir, 'master-keys')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, 'master-keys'), 'utf8')).toBe(text);
      expect(again.currentId).toBe(first.currentId);
      // What one wraps, the other unwraps: the same key, not only the same id.
      const { masterKeyId, wrapped } = first.wrap('hh-1', Buffer.alloc(32, 1));
      expect(again.unwrap('hh-1', masterKeyId, wrapped)).toEqual(Buffer.alloc(32, 1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with master keys that lack the one the key store’s data keys were wrapped with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-master-mismatch-'));
    const open = (masterKeys: string) =>
      openRuntimeAdapters(loadRuntimeConfig({ DATA_DIR: dir, MASTER_KEYS: masterKeys }, '/'), {
        clientId: 'spec',
        logger: pino({ level: 'silent' }),
      });
    try {
      const first = await open(`k2026:${KEY}`);
      await first.vault.seal('hh-1', { name: '测试' });
      await closeRuntimeAdapters(first);
      const other = await open(`k2027:${Buffer.alloc(32, 9).toString('base64')}`).catch((e: unknown) => e);
      expect(other).toBeInstanceOf(ConfigError);
      expect((other as ConfigError).variable).toBe('MASTER_KEYS');
      expect((other as ConfigError).message).toContain('k2026');
      expect((other as ConfigError).message).not.toContain(KEY);
      // Rotated, the old key kept behind the new one: the start goes on.
      const rotated = await open(`k2027:${Buffer.alloc(32, 9).toString('base64')},k2026:${KEY}`);
      await closeRuntimeAdapters(rotated);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires MASTER_KEYS in distributed mode, with one line naming it', () => {
    const refuse = () => parsePersonalDataConfig(reader({}), false, '/d', '/');
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow(/^配置错误 \/ configuration error: MASTER_KEYS [^\n]+$/);
  });

  it.each(['k1', `k1:${Buffer.alloc(16).toString('base64')}`, `k1:${KEY},k1:${KEY}`, `bad id!:${KEY}`])(
    'refuses malformed MASTER_KEYS without echoing a key (%#)',
    (keys) => {
      let caught: unknown;
      try {
        parsePersonalDataConfig(reader({ MASTER_KEYS: keys }), false, '/d', '/');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).variable).toBe('MASTER_KEYS');
      expect((caught as Error).message).not.toContain(KEY);
    },
  );

  it('takes a PostgreSQL key store with the key_store schema unless the URL names one', () => {
    const env = { MASTER_KEYS: `k1:${KEY}` };
    const url = 'postgres://rw:secret@127.0.0.1:15432/rw';
    expect(parsePersonalDataConfig(reader({ ...env, KEY_STORE_URL: url }), false, '/d', '/')).toEqual({
      keyStore: { kind: 'postgres', url, connectionString: url, schema: 'key_store' },
      masterKeys: { kind: 'configured', keys: `k1:${KEY}` },
    });
    const own = parsePersonalDataConfig(reader({ ...env, KEY_STORE_URL: `${url}?schema=keys_b` }), false, '/d', '/');
    expect(own.keyStore).toMatchObject({ kind: 'postgres', schema: 'keys_b' });
  });

  it.each(['kurrentdb://127.0.0.1:2113', 'mongodb://127.0.0.1/x', 'keys.db'])('refuses KEY_STORE_URL %s', (url) => {
    expect(() => parsePersonalDataConfig(reader({ KEY_STORE_URL: url }), true, '/d', '/')).toThrow(/KEY_STORE_URL/);
  });
});
