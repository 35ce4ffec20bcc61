import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A refresh token as the client holds it: `<sessionId>.<secret>`. */
export interface RefreshToken {
  readonly sessionId: string;
  readonly secret: string;
}

const FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/**
 * A new refresh token of a session. Opaque to the client; the session id in front lets the
 * gateway find the family's stream without an index, and only the secret's hash is stored.
 */
export function newRefreshToken(sessionId: string = randomUUID()): RefreshToken {
  return { sessionId, secret: randomBytes(32).toString('base64url') };
}

export function formatRefreshToken(token: RefreshToken): string {
  return `${token.sessionId}.${token.secret}`;
}

/** The token's parts, or null for a string that is not one. */
export function parseRefreshToken(text: string): RefreshToken | null {
  const match = FORMAT.exec(text);
  return match === null ? null : { sessionId: match[1], secret: match[2] };
}

/** SHA-256 of the secret: 256 random bits need no slow hash. */
export function refreshTokenHash(token: RefreshToken): string {
  return createHash('sha256').update(token.secret).digest('base64url');
}
