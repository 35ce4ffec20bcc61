import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccessTokenKeys } from '../access/access-token.codec';
import { ConfigError } from './config.errors';
import { parseAccessTokenKeys } from './access-token.config';

const pair = () => {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return { signing: JSON.stringify(jwk), verify: JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }) };
};
const reader = (env: Record<string, string>) => (name: string) => env[name];

describe('access-token keys', () => {
  it('keeps a generated key in the embedded data folder, owner-only, and reads the same key on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-keys-'));
    try {
      const config = parseAccessTokenKeys(reader({}), true, dir);
      expect(config).toEqual({ kind: 'generated', file: join(dir, 'access-token-signing-key.json') });
      const first = openAccessTokenKeys(config);
      const again = openAccessTokenKeys(config);
      expect(statSync(join(dir, 'access-token-signing-key.json')).mode & 0o777).toBe(0o600);
      expect(again.verifying.export({ format: 'jwk' })).toEqual(first.verifying.export({ format: 'jwk' }));
      expect(JSON.parse(readFileSync(join(dir, 'access-token-signing-key.json'), 'utf8'))).toHaveProperty('d');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs a key in distributed mode, and takes the public half of a signing key', () => {
    expect(() => parseAccessTokenKeys(reader({}), false, '/d')).toThrow(ConfigError);
    const { signing, verify } = pair();
    const config = parseAccessTokenKeys(reader({ ACCESS_TOKEN_SIGNING_KEY: signing }), false, '/d');
    expect(config).toMatchObject({ kind: 'configured', verify: JSON.parse(verify) });
    const verifyOnly = parseAccessTokenKeys(reader({ ACCESS_TOKEN_VERIFY_KEY: verify }), false, '/d');
    expect(verifyOnly).toEqual({ kind: 'configured', verify: JSON.parse(verify) });
    expect(openAccessTokenKeys(verifyOnly).signing).toBeUndefined();
  });

  it.each([
    ['ACCESS_TOKEN_SIGNING_KEY', 'not json'],
    ['ACCESS_TOKEN_SIGNING_KEY', JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB' })],
    ['ACCESS_TOKEN_SIGNING_KEY', pair().verify],
    ['ACCESS_TOKEN_VERIFY_KEY', pair().signing],
  ])('refuses %s that is not the right Ed25519 JWK, without printing it', (variable, value) => {
    let caught: unknown;
    try {
      parseAccessTokenKeys(reader({ [variable]: value }), false, '/d');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).not.toContain(value);
  });

  it('refuses a verify key that is not the signing key’s public half', () => {
    expect(() =>
      parseAccessTokenKeys(
        reader({ ACCESS_TOKEN_SIGNING_KEY: pair().signing, ACCESS_TOKEN_VERIFY_KEY: pair().verify }),
        false,
        '/d',
      ),
    ).toThrow(/ACCESS_TOKEN_VERIFY_KEY/);
  });
});
