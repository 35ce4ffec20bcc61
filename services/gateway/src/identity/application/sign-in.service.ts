import type { UserPrincipal } from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import { handleCommand, type EventStore } from '@relapse-watch/event-store-core';
import type { AccessTokenRevocations, AccessTokenSigner, VerifiedAccessToken } from '@relapse-watch/service-runtime';
import { sessionDecider, sessionStreamId } from '../domain/session/session.decider';
import type { ExistingUser } from '../domain/user/user.state';
import { AuthRefused } from './auth-errors';
import type { IdentityCommands } from './identity-commands';
import { identityContext } from './identity-context';
import type { IdentityQueries } from './identity-queries';
import type { PasswordHasher } from './password-hasher';
import { formatRefreshToken, newRefreshToken, parseRefreshToken, refreshTokenHash } from './refresh-tokens';
import type { SignInAttempts } from './sign-in-attempts';

/** What a successful sign-in or refresh answers (RFC 6749 §5.1 names). */
export interface IssuedTokens {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly refresh_token: string;
}

/** The parts of the clock and request a sign-in needs. */
export interface SignInRequest {
  readonly address: string;
  readonly correlationId: string;
  readonly now: Date;
}

/** The principal a user's tokens carry. */
export function userPrincipal(user: ExistingUser): UserPrincipal {
  return { kind: 'user', id: user.userId, role: user.role, unitCode: user.unitCode, villageCodes: user.villageCodes };
}

/**
 * Sign-in, refresh, sign-out and the own password change. Sessions (refresh-token families) are
 * event streams: they survive a restart in every mode without a store of their own, and every
 * sign-in, rotation and revocation is on the audit log with its user as the actor.
 */
export class SignInService {
  constructor(
    private readonly store: EventStore,
    private readonly queries: IdentityQueries,
    private readonly commands: IdentityCommands,
    private readonly hasher: PasswordHasher,
    private readonly attempts: SignInAttempts,
    private readonly signer: AccessTokenSigner,
    private readonly revocations: AccessTokenRevocations,
    private readonly refreshTokenTtlSeconds: number,
  ) {}

  /**
   * Checks the name and password, rate-limited per name and per address. The password is checked
   * before anything about the user is told (disabled, must change the password), so those answers
   * reveal nothing to someone without it.
   */
  async signIn(signInName: string, password: string, request: SignInRequest): Promise<IssuedTokens> {
    const user = await this.authenticate(signInName, password, request.address);
    if (user.disabled) throw new AuthRefused('auth.user-disabled');
    if (user.mustChangePassword) throw new AuthRefused('auth.password-change-required');
    const refresh = newRefreshToken();
    const expiresAt = new Date(request.now.getTime() + this.refreshTokenTtlSeconds * 1000).toISOString();
    await handleCommand(
      this.store,
      sessionStreamId(refresh.sessionId),
      sessionDecider,
      {
        type: 'StartSession',
        data: {
          sessionId: refresh.sessionId,
          userId: user.userId,
          refreshTokenHash: refreshTokenHash(refresh),
          expiresAt,
        },
      },
      identityContext({ actor: { userId: user.userId, role: user.role }, ...request }, user.unitCode),
    );
    return this.tokens(user, formatRefreshToken(refresh), request.now);
  }

  /** Rotates the refresh token; a retired one revokes its family. The user is read again, so a disabling or a reset takes effect. */
  async refresh(refreshToken: string, request: SignInRequest): Promise<IssuedTokens> {
    const presented = parseRefreshToken(refreshToken);
    if (presented === null) throw new AuthRefused('auth.refresh-token-invalid', 'refreshToken');
    const next = newRefreshToken(presented.sessionId);
    const streamId = sessionStreamId(presented.sessionId);
    const session = await this.sessionOwner(streamId);
    if (session === null) throw new AuthRefused('auth.refresh-token-invalid', 'refreshToken');
    const ctx = identityContext(
      { actor: { userId: session.userId, role: session.role }, ...request },
      session.unitCode,
    );
    let result;
    try {
      result = await handleCommand(
        this.store,
        streamId,
        sessionDecider,
        {
          type: 'RefreshSession',
          data: { presentedHash: refreshTokenHash(presented), nextHash: refreshTokenHash(next) },
          facts: { now: request.now.toISOString() },
        },
        ctx,
      );
    } catch (error) {
      if (error instanceof DomainError) throw new AuthRefused('auth.refresh-token-invalid', 'refreshToken');
      throw error;
    }
    if (result.events.some((e) => e.type === 'SessionRevoked'))
      throw new AuthRefused('auth.refresh-token-reused', 'refreshToken');
    const user = await this.queries.user(session.userId);
    if (user === null || user.disabled || user.mustChangePassword) {
      await this.endSession(streamId, 'signed-out', ctx);
      throw new AuthRefused('auth.refresh-token-invalid', 'refreshToken');
    }
    return this.tokens(user, formatRefreshToken(next), request.now);
  }

  /** Ends the refresh-token family and revokes the access token presented with it. */
  async signOut(refreshToken: string, accessToken: VerifiedAccessToken | null, request: SignInRequest): Promise<void> {
    if (accessToken !== null) this.revocations.revoke(accessToken.jti, accessToken.expiresAt);
    const presented = parseRefreshToken(refreshToken);
    if (presented === null) return;
    const streamId = sessionStreamId(presented.sessionId);
    const session = await this.sessionOwner(streamId);
    if (session === null) return;
    const ctx = identityContext(
      { actor: { userId: session.userId, role: session.role }, ...request },
      session.unitCode,
    );
    await this.endSession(streamId, 'signed-out', ctx);
  }

  /** The own password change: authenticates with the current (or one-time) password, rate-limited like a sign-in. */
  async changePassword(
    signInName: string,
    currentPassword: string,
    newPassword: string,
    request: SignInRequest,
  ): Promise<void> {
    const user = await this.authenticate(signInName, currentPassword, request.address);
    if (user.disabled) throw new AuthRefused('auth.user-disabled');
    await this.commands.changePassword(user, newPassword, {
      actor: { userId: user.userId, role: user.role },
      ...request,
    });
  }

  private async authenticate(typedName: string, password: string, address: string): Promise<ExistingUser> {
    // Names are stored in lower case: counting `County.PC` apart from `county.pc` would let a
    // guesser multiply the per-user allowance.
    const signInName = typedName.trim().toLowerCase();
    this.attempts.check(signInName, address);
    const user = await this.queries.userBySignInName(signInName);
    const matches =
      user === null ? await this.hasher.verifyNothing(password) : await this.hasher.verify(user.passwordHash, password);
    if (!matches || user === null) {
      this.attempts.recordFailure(signInName, address);
      throw new AuthRefused('auth.invalid-credentials');
    }
    this.attempts.recordSuccess(signInName);
    return user;
  }

  private async sessionOwner(streamId: string): Promise<{ userId: string; role: string; unitCode: string } | null> {
    for await (const stored of this.store.readStream(streamId, { maxCount: 1 })) {
      const userId = (stored.data as { userId?: unknown }).userId;
      if (typeof userId !== 'string') return null;
      return { userId, role: stored.metadata.actor.role, unitCode: stored.metadata.divisionCode };
    }
    return null;
  }

  private async endSession(
    streamId: string,
    reason: 'signed-out',
    ctx: ReturnType<typeof identityContext>,
  ): Promise<void> {
    await handleCommand(this.store, streamId, sessionDecider, { type: 'RevokeSession', data: { reason } }, ctx);
  }

  private async tokens(user: ExistingUser, refreshToken: string, now: Date): Promise<IssuedTokens> {
    const issued = await this.signer.sign(userPrincipal(user), now);
    return {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: Math.ceil((issued.expiresAt.getTime() - now.getTime()) / 1000),
      refresh_token: refreshToken,
    };
  }
}
