import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { sessionDecider } from './session.decider';
import type { SessionEvent } from './session.events';

const spec = deciderSpecification(sessionDecider);
const sessionId = 's-1';
const started: SessionEvent = {
  type: 'SessionStarted',
  data: { sessionId, userId: 'u-1', refreshTokenHash: 'h0', expiresAt: '2026-12-08T02:00:00.000Z' },
};
const refreshed: SessionEvent = { type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: 'h1' } };
const now = '2026-12-07T14:00:00.000Z';
const refresh = (presentedHash: string, at = now) => ({
  type: 'RefreshSession' as const,
  data: { presentedHash, nextHash: 'h-next' },
  facts: { now: at },
});

describe('session (refresh-token family)', () => {
  it('starts once', () => {
    spec
      .given([])
      .when({ type: 'StartSession', data: started.data as never })
      .thenEmits([started]);
    spec
      .given([started])
      .when({ type: 'StartSession', data: started.data as never })
      .thenRejects({ code: 'session.already-started', field: 'sessionId' });
  });

  it('rotates: the current token is exchanged and retired', () => {
    spec
      .given([started])
      .when(refresh('h0'))
      .thenEmits([{ type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: 'h-next' } }]);
    expect(spec.given([started, refreshed]).state()).toMatchObject({ currentHash: 'h1', retiredHashes: ['h0'] });
  });

  it('revokes the whole family when a retired token comes back', () => {
    spec
      .given([started, refreshed])
      .when(refresh('h0'))
      .thenEmits([{ type: 'SessionRevoked', data: { sessionId, reason: 'refresh-token-reused' } }]);
  });

  it('refuses an unknown token, an expired family, a revoked family and a session that never started', () => {
    spec
      .given([started])
      .when(refresh('nope'))
      .thenRejects({ code: 'auth.refresh-token-invalid', field: 'refreshToken' });
    spec
      .given([started])
      .when(refresh('h0', '2026-12-08T02:00:00.000Z'))
      .thenRejects({ code: 'auth.refresh-token-invalid', field: 'refreshToken' });
    const revoked: SessionEvent = { type: 'SessionRevoked', data: { sessionId, reason: 'signed-out' } };
    spec
      .given([started, revoked])
      .when(refresh('h0'))
      .thenRejects({ code: 'auth.refresh-token-invalid', field: 'refreshToken' });
    spec.given([]).when(refresh('h0')).thenRejects({ code: 'auth.refresh-token-invalid', field: 'refreshToken' });
  });

  it('signs out once; again is a no-op', () => {
    const signOut = { type: 'RevokeSession' as const, data: { reason: 'signed-out' as const } };
    spec
      .given([started])
      .when(signOut)
      .thenEmits([{ type: 'SessionRevoked', data: { sessionId, reason: 'signed-out' } }]);
    spec
      .given([started, { type: 'SessionRevoked', data: { sessionId, reason: 'signed-out' } }])
      .when(signOut)
      .thenEmitsNothing();
  });
});
