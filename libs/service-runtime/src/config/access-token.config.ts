import { join } from 'node:path';
import { ConfigError } from './config.errors';

/** Variable holding the private Ed25519 key (a JWK) that signs access tokens: the gateway's. */
export const ACCESS_TOKEN_SIGNING_KEY = 'ACCESS_TOKEN_SIGNING_KEY';
/** Variable holding the public Ed25519 key (a JWK) every service verifies access tokens with. */
export const ACCESS_TOKEN_VERIFY_KEY = 'ACCESS_TOKEN_VERIFY_KEY';

/** An Ed25519 key as a JSON Web Key (RFC 8037): public `x`, and `d` when private. */
export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly d?: string;
}

/**
 * Where the access-token keys come from. Tokens are signed with the gateway's private key and
 * verified with its public key (EdDSA), so in distributed mode a service trusts only a token it
 * can verify and cannot mint one. The embedded mode, one process, keeps a key it generated in its
 * data folder unless one is configured.
 */
export type AccessTokenKeyConfig =
  | { readonly kind: 'configured'; readonly signing?: Ed25519Jwk; readonly verify: Ed25519Jwk }
  | { readonly kind: 'generated'; readonly file: string };

const BASE64URL_32 = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads the access-token keys. A signing key alone is enough (its public half verifies); a
 * verify key given beside it must be its public half.
 * @throws {@link ConfigError} for a key that is not an Ed25519 JWK, for a pair that does not
 *   match, and in distributed mode when neither is set.
 */
export function parseAccessTokenKeys(
  read: (name: string) => string | undefined,
  embedded: boolean,
  dataDir: string,
): AccessTokenKeyConfig {
  const signingText = read(ACCESS_TOKEN_SIGNING_KEY);
  const verifyText = read(ACCESS_TOKEN_VERIFY_KEY);
  if (signingText === undefined && verifyText === undefined) {
    if (embedded) return { kind: 'generated', file: join(dataDir, 'access-token-signing-key.json') };
    throw new ConfigError(
      ACCESS_TOKEN_VERIFY_KEY,
      '分布式模式必须设置（网关另需 ACCESS_TOKEN_SIGNING_KEY）/ is required in distributed mode (the gateway also needs ACCESS_TOKEN_SIGNING_KEY)',
    );
  }
  const signing = signingText === undefined ? undefined : parseJwk(ACCESS_TOKEN_SIGNING_KEY, signingText, true);
  const verify = verifyText === undefined ? undefined : parseJwk(ACCESS_TOKEN_VERIFY_KEY, verifyText, false);
  if (signing !== undefined && verify !== undefined && signing.x !== verify.x) {
    throw new ConfigError(
      ACCESS_TOKEN_VERIFY_KEY,
      '与 ACCESS_TOKEN_SIGNING_KEY 不是一对 / is not the public half of ACCESS_TOKEN_SIGNING_KEY',
    );
  }
  const publicHalf = verify ?? { kty: 'OKP' as const, crv: 'Ed25519' as const, x: (signing as Ed25519Jwk).x };
  return { kind: 'configured', ...(signing === undefined ? {} : { signing }), verify: publicHalf };
}

// The value is a secret: an error names the variable and the problem, never the value.
function parseJwk(variable: string, text: string, isPrivate: boolean): Ed25519Jwk {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const jwk = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const ok =
    jwk['kty'] === 'OKP' &&
    jwk['crv'] === 'Ed25519' &&
    typeof jwk['x'] === 'string' &&
    BASE64URL_32.test(jwk['x']) &&
    (isPrivate ? typeof jwk['d'] === 'string' && BASE64URL_32.test(jwk['d']) : jwk['d'] === undefined);
  if (!ok) {
    const kind = isPrivate ? '私钥 / private' : '公钥 / public';
    throw new ConfigError(
      variable,
      `须为 Ed25519 ${kind} JWK（JSON，kty "OKP"，crv "Ed25519"）/ must be an Ed25519 ${isPrivate ? 'private' : 'public'} key as a JWK (JSON, kty "OKP", crv "Ed25519")`,
    );
  }
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk['x'] as string,
    ...(isPrivate ? { d: jwk['d'] as string } : {}),
  };
}
