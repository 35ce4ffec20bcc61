import { ApiFailure, failureOf } from '../api/api-error';
import { userFromAccessToken, type SignedInUser } from './claims';

/** The tokens of a signed-in user and what the access token says about them. */
export interface Session {
  readonly user: SignedInUser;
  readonly accessToken: string;
  readonly refreshToken: string;
}

interface TokensBody {
  readonly access_token: string;
  readonly refresh_token: string;
}

/** Why the session ended, so the sign-in page can say so. */
export type SessionEnd = 'signed-out' | 'expired';

// Tokens live in memory only: nothing a script injected later could read from storage, at the
// price of signing in again after a reload (access tokens last minutes, refresh tokens are single-use).
let current: Session | null = null;
let lastEnd: SessionEnd | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function set(next: Session | null, end: SessionEnd | null = null): void {
  current = next;
  lastEnd = end;
  listeners.forEach((listener) => listener());
}

/** The current session, or null when nobody is signed in. */
export function currentSession(): Session | null {
  return current;
}

/** Why the last session ended (null while one is open or none was). */
export function lastSessionEnd(): SessionEnd | null {
  return lastEnd;
}

/** Calls `listener` on every sign-in, refresh and sign-out; returns the unsubscribe. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function postJson(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
  }
}

function sessionFrom(tokens: TokensBody): Session {
  const user = userFromAccessToken(tokens.access_token);
  if (user === null)
    throw new ApiFailure(
      403,
      'web.unsupported-account',
      '该账号不能使用工作平台 / this account cannot use the dashboard',
    );
  return { user, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}

/**
 * Signs in. A user still holding a one-time password gets an {@link ApiFailure} with code
 * `auth.password-change-required` and changes it with {@link changePassword} first.
 */
export async function signIn(signInName: string, password: string): Promise<Session> {
  const response = await postJson('/api/auth/sign-in', { signInName, password });
  if (!response.ok) throw await failureOf(response);
  const session = sessionFrom((await response.json()) as TokensBody);
  set(session);
  return session;
}

/** Changes the own password, authenticated by the current (or one-time) password. */
export async function changePassword(signInName: string, password: string, newPassword: string): Promise<void> {
  const response = await postJson('/api/auth/password', { signInName, password, newPassword });
  if (!response.ok) throw await failureOf(response);
}

/** Ends the session at the gateway too (its refresh token and access token stop working). */
export async function signOut(): Promise<void> {
  const session = current;
  set(null, 'signed-out');
  if (session === null) return;
  await fetch('/api/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch(() => undefined);
}

/**
 * Exchanges the refresh token for new tokens, once for any number of callers waiting at the
 * same time: a refresh token works once, and a second use would revoke the whole session.
 * @returns false when the session could not be renewed (it has then ended as `expired`).
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = current;
    if (session === null) return false;
    try {
      const response = await postJson('/api/auth/refresh', { refreshToken: session.refreshToken });
      if (!response.ok) {
        set(null, 'expired');
        return false;
      }
      set(sessionFrom((await response.json()) as TokensBody));
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}
