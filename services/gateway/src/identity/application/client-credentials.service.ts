import { isPermission, type ClientPrincipal, type Permission } from '@relapse-watch/access';
import type { AccessTokenSigner } from '@relapse-watch/service-runtime';
import type { IdentityQueries } from './identity-queries';
import type { PasswordHasher } from './password-hasher';
import type { SignInAttempts } from './sign-in-attempts';

/** The error codes of RFC 6749 §5.2 this grant answers with. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type';

/** A refused token request, as RFC 6749 §5.2 names it. */
export class OAuthRefused extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthRefused';
  }

  /** 401 for client authentication (with `WWW-Authenticate`), 400 for the rest (§5.2). */
  get status(): 400 | 401 {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

/** The successful answer of RFC 6749 §5.1 (no refresh token for this grant, §4.4.3). */
export interface ClientTokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for other government systems: a client
 * authenticates with its id and secret, and gets an access token with the scopes it asked for
 * among those it was granted (all of them when it asks for none). Failures count against the
 * client id and the address like failed sign-ins.
 */
export class ClientCredentialsService {
  constructor(
    private readonly queries: IdentityQueries,
    private readonly hasher: PasswordHasher,
    private readonly attempts: SignInAttempts,
    private readonly signer: AccessTokenSigner,
  ) {}

  async issue(
    clientId: string,
    clientSecret: string,
    requestedScope: string | undefined,
    address: string,
    now: Date,
  ): Promise<ClientTokenResponse> {
    const key = `client:${clientId}`;
    this.attempts.check(key, address);
    const client = await this.queries.client(clientId);
    const matches =
      client.kind === 'client'
        ? await this.hasher.verify(client.secretHash, clientSecret)
        : await this.hasher.verifyNothing(clientSecret);
    if (!matches || client.kind !== 'client' || client.disabled) {
      this.attempts.recordFailure(key, address);
      throw new OAuthRefused('invalid_client', '客户端认证失败 / client authentication failed');
    }
    this.attempts.recordSuccess(key);
    const scopes = this.grantedScopes(client.scopes, requestedScope);
    const principal: ClientPrincipal = {
      kind: 'client',
      id: client.clientId,
      role: 'client',
      ...(client.unitCode === undefined ? {} : { unitCode: client.unitCode }),
      scopes,
    };
    const issued = await this.signer.sign(principal, now);
    return {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: Math.ceil((issued.expiresAt.getTime() - now.getTime()) / 1000),
      scope: scopes.join(' '),
    };
  }

  private grantedScopes(granted: readonly Permission[], requested: string | undefined): Permission[] {
    if (requested === undefined || requested.trim() === '') return [...granted];
    const asked = [...new Set(requested.split(' ').filter((s) => s !== ''))];
    if (!asked.every((s) => isPermission(s) && granted.includes(s)))
      throw new OAuthRefused(
        'invalid_scope',
        '请求的权限范围超出授予范围 / a requested scope was not granted to this client',
      );
    return asked as Permission[];
  }
}
