import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { claimsOf, principalFrom, type Principal } from '@relapse-watch/access';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { AccessTokenKeyConfig, Ed25519Jwk } from '../config/access-token.config';
import { ApiError } from '../errors/api-error';

/** The `iss` of every access token. */
export const ACCESS_TOKEN_ISSUER = 'relapse-watch-gateway';
/** The `aud` of every access token: the Relapse Watch APIs. */
export const ACCESS_TOKEN_AUDIENCE = 'relapse-watch-api';
const ALGORITHM = 'EdDSA';

/** A token whose signature, issuer, audience, lifetime and claims all held. */
export interface VerifiedAccessToken {
  readonly principal: Principal;
  /** The token's id: what a sign-out revokes. */
  readonly jti: string;
  readonly expiresAt: Date;
}

/** The keys a service runs with: the public key always, the private one where tokens are issued. */
export interface AccessTokenKeys {
  readonly verifying: KeyObject;
  readonly signing?: KeyObject;
}

/**
 * Opens the configured keys. In embedded mode without configured keys, the key pair kept in the
 * data folder is read, or made and written there (owner-only) on the first start, so tokens and
 * the sessions behind them survive a restart.
 */
export function openAccessTokenKeys(config: AccessTokenKeyConfig): AccessTokenKeys {
  if (config.kind === 'configured') {
    return {
      verifying: createPublicKey({ key: { ...config.verify }, format: 'jwk' }),
      ...(config.signing === undefined
        ? {}
        : { signing: createPrivateKey({ key: { ...config.signing }, format: 'jwk' }) }),
    };
  }
  if (!existsSync(config.file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(config.file), { recursive: true });
    writeFileSync(config.file, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600, flag: 'wx' });
    chmodSync(config.file, 0o600);
  }
  const jwk = JSON.parse(readFileSync(config.file, 'utf8')) as Ed25519Jwk;
  const signing = createPrivateKey({ key: { ...jwk }, format: 'jwk' });
  return { signing, verifying: createPublicKey(signing) };
}

/** 401 with `WWW-Authenticate: Bearer` semantics: no token, or one that does not verify. */
export class Unauthenticated extends ApiError {
  constructor(code: 'auth.token-missing' | 'auth.token-invalid' | 'auth.token-expired' | 'auth.token-revoked') {
    const text: Record<typeof code, string> = {
      'auth.token-missing': '请先登录 / sign in first (Authorization: Bearer <access token>)',
      'auth.token-invalid': '访问令牌无效 / the access token is not valid',
      'auth.token-expired': '访问令牌已过期，请刷新 / the access token has expired: refresh it',
      'auth.token-revoked': '访问令牌已注销 / the access token was revoked (signed out)',
    };
    super(401, { code, message: text[code] });
    this.name = 'Unauthenticated';
  }
}

/** Tokens whose verification a verifier remembers; the oldest is forgotten first. */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Checks access tokens: signature (EdDSA, the gateway's public key), issuer, audience, expiry and
 * claims. A client sends the same token for its minutes of life, so a token that held is
 * remembered by its exact text until it expires: the same bytes under the same key verify the
 * same way, and the EdDSA check (most of what authorization adds to a request, bench/authz) is
 * paid once per token. Expiry is checked on every use; revocation is the guard's, on every request.
 */
export class AccessTokenVerifier {
  private readonly verified = new Map<string, VerifiedAccessToken>();

  constructor(
    private readonly key: KeyObject,
    /** The time tokens are checked at; the clock's, fixed in tests. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** @throws {@link Unauthenticated} for any token that does not hold. */
  async verify(token: string): Promise<VerifiedAccessToken> {
    const now = this.now();
    const known = this.verified.get(token);
    if (known !== undefined) {
      // jose's rule: expired once the current second reaches `exp`.
      if (Math.floor(now.getTime() / 1000) < known.expiresAt.getTime() / 1000) return known;
      this.verified.delete(token);
      throw new Unauthenticated('auth.token-expired');
    }
    const verified = await this.verifySignedToken(token, now);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, verified);
    return verified;
  }

  private async verifySignedToken(token: string, now: Date): Promise<VerifiedAccessToken> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'jti', 'sub'],
        currentDate: now,
      });
      const principal = principalFrom(payload);
      if (principal === null || typeof payload.jti !== 'string' || typeof payload.exp !== 'number')
        throw new Unauthenticated('auth.token-invalid');
      return { principal, jti: payload.jti, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new Unauthenticated('auth.token-expired');
      throw new Unauthenticated('auth.token-invalid');
    }
  }
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

/** Signs access tokens: the gateway's (the only holder of the private key). */
export class AccessTokenSigner {
  constructor(
    private readonly key: KeyObject,
    /** Lifetime of a token; short (minutes), refresh tokens carry sessions longer. */
    private readonly ttlSeconds: number,
  ) {}

  async sign(principal: Principal, now: Date): Promise<IssuedAccessToken> {
    const jti = randomUUID();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({ ...claimsOf(principal) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setJti(jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, jti, expiresAt: new Date(expiresAt * 1000) };
  }
}
