import { assertNever, DomainError } from '@relapse-watch/domain-kernel';
import type { Decider } from '@relapse-watch/event-store-core';
import type { SessionCommand, SessionEndReason, SessionEvent } from './session.events';

/** Prefix of a session's stream: `gateway-session-<sessionId>`. */
export const SESSION_STREAM_PREFIX = 'gateway-session-';

/** The stream of one session (one refresh-token family). */
export function sessionStreamId(sessionId: string): string {
  return `${SESSION_STREAM_PREFIX}${sessionId}`;
}

/** A session as a refresh needs it. */
export type SessionState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'session';
      readonly sessionId: string;
      readonly userId: string;
      readonly currentHash: string;
      readonly retiredHashes: readonly string[];
      readonly expiresAt: string;
      readonly ended: SessionEndReason | null;
    };

const MESSAGES = {
  'auth.refresh-token-invalid':
    '刷新令牌无效或已过期，请重新登录 / the refresh token is not valid or has expired: sign in again',
  'session.already-started': '会话已存在 / the session already exists',
} as const;

function refusal(code: keyof typeof MESSAGES): DomainError {
  return new DomainError({
    code,
    field: code === 'auth.refresh-token-invalid' ? 'refreshToken' : 'sessionId',
    message: MESSAGES[code],
  });
}

/**
 * Rotating refresh tokens (OAuth 2.0 Security BCP §4.14.2): each refresh retires the token
 * presented and issues the next; a retired token presented again means it was copied, so the
 * whole family is revoked (the thief's and the user's tokens alike) and the user signs in again.
 * That revocation is an event, not a refusal, so it is recorded; the handler then refuses.
 */
function decide(command: SessionCommand, state: SessionState): readonly SessionEvent[] {
  switch (command.type) {
    case 'StartSession':
      if (state.kind !== 'none') throw refusal('session.already-started');
      return [{ type: 'SessionStarted', data: { ...command.data } }];
    case 'RefreshSession': {
      if (state.kind === 'none' || state.ended !== null) throw refusal('auth.refresh-token-invalid');
      const { presentedHash, nextHash } = command.data;
      if (state.retiredHashes.includes(presentedHash))
        return [{ type: 'SessionRevoked', data: { sessionId: state.sessionId, reason: 'refresh-token-reused' } }];
      if (presentedHash !== state.currentHash || command.facts.now >= state.expiresAt)
        throw refusal('auth.refresh-token-invalid');
      return [{ type: 'SessionRefreshed', data: { sessionId: state.sessionId, refreshTokenHash: nextHash } }];
    }
    case 'RevokeSession':
      if (state.kind === 'none' || state.ended !== null) return [];
      return [{ type: 'SessionRevoked', data: { sessionId: state.sessionId, reason: command.data.reason } }];
    default:
      return assertNever(command, 'session command');
  }
}

function evolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { refreshTokenHash, ...session } = event.data;
      return { kind: 'session', ...session, currentHash: refreshTokenHash, retiredHashes: [], ended: null };
    }
    case 'SessionRefreshed':
      if (state.kind === 'none') return state;
      return {
        ...state,
        currentHash: event.data.refreshTokenHash,
        retiredHashes: [...state.retiredHashes, state.currentHash],
      };
    case 'SessionRevoked':
      return state.kind === 'none' ? state : { ...state, ended: event.data.reason };
    default:
      return assertNever(event, 'session event');
  }
}

/** The session aggregate: one refresh-token family, kept in the event store so it survives a restart. */
export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  decide,
  evolve,
  initialState: { kind: 'none' },
};
