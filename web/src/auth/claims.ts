/** The roles of Relapse Watch's users, as the gateway's access tokens name them. */
export const USER_ROLES = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'village-inspector',
  'auditor',
  'administrator',
] as const;

/** One of {@link USER_ROLES}. */
export type UserRole = (typeof USER_ROLES)[number];

/** Who is signed in, as the access token says; the server checks every request again. */
export interface SignedInUser {
  readonly userId: string;
  readonly role: UserRole;
  /** The 12-digit code of the user's home unit. */
  readonly unitCode: string;
  /** The villages an inspector's team covers; empty for every other role. */
  readonly villageCodes: readonly string[];
}

/**
 * Reads the claims of a gateway access token without checking its signature: the browser only
 * uses them to lay out menus and default pages, while the API verifies the token on every call.
 * Null for anything that is not a user's token of a known role.
 */
export function userFromAccessToken(token: string): SignedInUser | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const { sub, kind, role, unit, villages } = claims as Record<string, unknown>;
  if (kind !== 'user' || typeof sub !== 'string' || typeof unit !== 'string') return null;
  if (!(USER_ROLES as readonly unknown[]).includes(role)) return null;
  const villageCodes = Array.isArray(villages) ? villages.filter((v): v is string => typeof v === 'string') : [];
  return { userId: sub, role: role as UserRole, unitCode: unit, villageCodes };
}

// JWT segments are base64url of UTF-8; atob alone would garble anything beyond ASCII.
function decodeBase64Url(segment: string): string {
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
