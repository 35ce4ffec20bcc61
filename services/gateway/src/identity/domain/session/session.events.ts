import type { DomainEvent } from '@relapse-watch/event-store-core';

/**
 * A user signed in: a refresh-token family began. Only the SHA-256 of each refresh token is
 * kept (a token is 256 random bits, so a fast hash cannot be brute-forced).
 */
export type SessionStarted = DomainEvent<
  'SessionStarted',
  {
    readonly sessionId: string;
    readonly userId: string;
    readonly refreshTokenHash: string;
    /** The end of the family, whatever refreshes happen (ISO 8601). */
    readonly expiresAt: string;
  }
>;

/** The current refresh token was exchanged for a new one and retired. */
export type SessionRefreshed = DomainEvent<
  'SessionRefreshed',
  { readonly sessionId: string; readonly refreshTokenHash: string }
>;

/** Why a session ended before its time. */
export type SessionEndReason = 'signed-out' | 'refresh-token-reused';

/** The family is revoked: every refresh token of it is refused from now on. */
export type SessionRevoked = DomainEvent<
  'SessionRevoked',
  { readonly sessionId: string; readonly reason: SessionEndReason }
>;

/** Every event of the session aggregate. */
export type SessionEvent = SessionStarted | SessionRefreshed | SessionRevoked;

/** Begin a session after a successful sign-in. */
export interface StartSession {
  readonly type: 'StartSession';
  readonly data: SessionStarted['data'];
}

/** Exchange a refresh token; `facts.now` decides expiry. */
export interface RefreshSession {
  readonly type: 'RefreshSession';
  readonly data: { readonly presentedHash: string; readonly nextHash: string };
  readonly facts: { readonly now: string };
}

/** End the session (sign-out). */
export interface RevokeSession {
  readonly type: 'RevokeSession';
  readonly data: { readonly reason: SessionEndReason };
}

/** Every command of the session aggregate. */
export type SessionCommand = StartSession | RefreshSession | RevokeSession;
