import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditSealKeys } from '../audit/audit-seal-keys.file';
import { parseAuditSealConfig } from './audit-seal.config';
import { ConfigError } from './config.errors';
import { loadCommandLineConfig } from './runtime.config';

const reader = (env: Record<string, string>) => (name: string) => env[name];
const SECRET = Buffer.alloc(32, 9).toString('base64');

describe('audit seal configuration', () => {
  it('makes the key once, owner-only, under DATA_DIR in embedded mode, with the default intervals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-seal-key-'));
    try {
      const config = parseAuditSealConfig(reader({}), true, dir);
      expect(config).toEqual({
        key: { kind: 'generated', file: join(dir, 'audit-seal-key') },
        intervalEvents: 10_000,
        intervalMs: 60_000,
      });
      const first = openAuditSealKeys(config.key);
      const text = readFileSync(join(dir, 'audit-seal-key'), 'utf8');
      expect(statSync(join(dir, 'audit-seal-key')).mode & 0o777).toBe(0o600);
      const again = openAuditSealKeys(config.key);
      expect(readFileSync(join(dir, 'audit-seal-key'), 'utf8')).toBe(text);
      expect(again.current).toEqual(first.current);
      expect(first.current.secret).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads AUDIT_SEAL_KEY and the intervals when set', () => {
    const config = parseAuditSealConfig(
      reader({ AUDIT_SEAL_KEY: `k2:${SECRET}`, AUDIT_SEAL_INTERVAL_EVENTS: '500', AUDIT_SEAL_INTERVAL_MS: '0' }),
      false,
      '/data',
    );
    expect(config).toEqual({ key: { kind: 'configured', keys: `k2:${SECRET}` }, intervalEvents: 500, intervalMs: 0 });
    expect(openAuditSealKeys(config.key).current.keyId).toBe('k2');
  });

  it('requires AUDIT_SEAL_KEY in distributed mode, with one line naming it', () => {
    const refuse = () => parseAuditSealConfig(reader({}), false, '/data');
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow(
      /^配置错误 \/ configuration error: AUDIT_SEAL_KEY 分布式模式下须设置[^\n]* \/ is required in distributed mode/,
    );
  });

  it.each([
    [{ AUDIT_SEAL_KEY: 'k:c2hvcnQ=' }, 'AUDIT_SEAL_KEY', /at least 16 bytes/],
    [{ AUDIT_SEAL_KEY: SECRET }, 'AUDIT_SEAL_KEY', /must be <id>:<base64>/],
    [{ AUDIT_SEAL_INTERVAL_EVENTS: '0' }, 'AUDIT_SEAL_INTERVAL_EVENTS', /must be an integer 1–10000000/],
    [{ AUDIT_SEAL_INTERVAL_MS: '-5' }, 'AUDIT_SEAL_INTERVAL_MS', /must be an integer 0–86400000/],
  ])('refuses %j at start-up, naming the variable and never the secret', (env, variable, message) => {
    let error: unknown;
    try {
      loadCommandLineConfig(env, '/srv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable, message: expect.stringMatching(message) });
    expect((error as Error).message).not.toContain(SECRET);
  });
});
