import { SignJWT } from 'jose';
import { createPrivateKey } from 'node:crypto';

/**
 * A fixed Ed25519 key pair for tests only (never configured anywhere else): services started by
 * specs in distributed mode get it through {@link TEST_ACCESS_TOKEN_ENV}, and specs sign the
 * tokens they send with {@link testAccessToken}.
 */
const TEST_SIGNING_JWK = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: 'Oa8cEzv3XLZ4_1xgPbT8V291VQ_6YUNN5rwJkIkoIeM',
  d: 'AnTq4Q4T2Ybv1EyXFdhoO7aDgckwXKZYG3PGwiP9WSg',
};

/**
 * A fixed master key for tests only (`MASTER_KEYS`, required in distributed mode): it wraps the
 * households' data keys of services started by specs.
 */
export const TEST_MASTER_KEYS = 'test-1:dGVzdC1tYXN0ZXIta2V5LW5ldmVyLXVzZS1pdC0zMmI=';

/**
 * A fixed seal key for tests only (`AUDIT_SEAL_KEY`, required in distributed mode): it signs the
 * seals over the log that services started by specs cut, and verifies them.
 */
export const TEST_AUDIT_SEAL_KEY = 'test-seal-1:dGVzdC1hdWRpdC1zZWFsLWtleS1uZXZlci11c2UtaXQ=';

/**
 * The secrets a service started by a spec in distributed mode needs: it signs and verifies with
 * the test key pair, wraps data keys with {@link TEST_MASTER_KEYS} and seals the log with
 * {@link TEST_AUDIT_SEAL_KEY}.
 */
export const TEST_ACCESS_TOKEN_ENV: Readonly<Record<string, string>> = {
  ACCESS_TOKEN_SIGNING_KEY: JSON.stringify(TEST_SIGNING_JWK),
  MASTER_KEYS: TEST_MASTER_KEYS,
  AUDIT_SEAL_KEY: TEST_AUDIT_SEAL_KEY,
};

/** Claims of a test principal, as the gateway signs them (see @relapse-watch/access `claimsOf`). */
export interface TestTokenClaims {
  readonly sub: string;
  readonly kind: 'user' | 'client';
  readonly role: string;
  readonly unit?: string;
  readonly villages?: readonly string[];
  readonly scope?: string;
}

/**
 * An access token signed with the test key, valid for `ttlSeconds` (negative: already expired),
 * with the issuer and audience services expect.
 */
export async function testAccessToken(claims: TestTokenClaims, ttlSeconds = 300): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
    .setIssuer('relapse-watch-gateway')
    .setAudience('relapse-watch-api')
    .setJti(`test-${now}-${Math.random().toString(36).slice(2)}`)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(createPrivateKey({ key: TEST_SIGNING_JWK, format: 'jwk' }));
}

/** A token of the administrator (every permission, everywhere): for specs about something other than access. */
export function adminTestToken(): Promise<string> {
  return testAccessToken({ sub: 'test-admin', kind: 'user', role: 'administrator', unit: '510000000000' });
}
