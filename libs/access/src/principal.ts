import { isDivisionCode } from '@relapse-watch/domain-kernel';
import { ROLE_PERMISSIONS, isPermission, type Permission } from './permissions';
import { CLIENT_ROLE, isUserRole, type UserRole } from './roles';

/**
 * Who is asking, as an access token says and every service can verify: a signed-in user with a
 * role and a home unit, or a client system with scopes. The same shape is recorded as the actor
 * of every event a request causes (by id and role, never by name).
 */
export type Principal = UserPrincipal | ClientPrincipal;

/** A signed-in official, inspector, auditor or administrator. */
export interface UserPrincipal {
  readonly kind: 'user';
  /** The user id (never the sign-in name: ids are what events record). */
  readonly id: string;
  readonly role: UserRole;
  /** The 12-digit code of the user's home unit (a province, city, county, township or village). */
  readonly unitCode: string;
  /**
   * The villages a village inspector's team covers. Until teams arrive with the inspection
   * issue they are set on the user; empty for every other role.
   */
  readonly villageCodes: readonly string[];
}

/** Another government system, signed in with OAuth 2.0 client credentials. */
export interface ClientPrincipal {
  readonly kind: 'client';
  readonly id: string;
  readonly role: typeof CLIENT_ROLE;
  /** The unit whose households the client may reach; absent for a national system. */
  readonly unitCode?: string;
  readonly scopes: readonly Permission[];
}

/** What the principal may do, before the division check. */
export function permissionsOf(principal: Principal): readonly Permission[] {
  return principal.kind === 'user' ? ROLE_PERMISSIONS[principal.role] : principal.scopes;
}

/** The actor an event records for a request of this principal (DESIGN.md: user id + role). */
export function actorOf(principal: Principal): { readonly userId: string; readonly role: string } {
  return { userId: principal.kind === 'client' ? `client:${principal.id}` : principal.id, role: principal.role };
}

/**
 * The claims of an access token (a JWT), as the gateway signs them and every service reads
 * them: standard `sub`, `jti`, `iat`, `exp`; `scope` (space-separated, RFC 8693 §4.2) for a
 * client; the rest Relapse Watch's own.
 */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly kind: Principal['kind'];
  readonly role: string;
  readonly unit?: string;
  readonly villages?: readonly string[];
  readonly scope?: string;
}

/** The claims an access token carries for the principal. */
export function claimsOf(principal: Principal): AccessTokenClaims {
  if (principal.kind === 'client') {
    return {
      sub: principal.id,
      kind: 'client',
      role: CLIENT_ROLE,
      ...(principal.unitCode === undefined ? {} : { unit: principal.unitCode }),
      scope: principal.scopes.join(' '),
    };
  }
  return {
    sub: principal.id,
    kind: 'user',
    role: principal.role,
    unit: principal.unitCode,
    ...(principal.villageCodes.length ? { villages: principal.villageCodes } : {}),
  };
}

/**
 * The principal of verified claims, or null when they do not describe one (a token signed by a
 * newer or older gateway with other claims is refused, not half-read).
 */
export function principalFrom(claims: Readonly<Record<string, unknown>>): Principal | null {
  const { sub, kind, role, unit, villages, scope } = claims;
  if (typeof sub !== 'string' || sub === '') return null;
  if (unit !== undefined && (typeof unit !== 'string' || !isDivisionCode(unit))) return null;
  if (kind === 'client' && role === CLIENT_ROLE) {
    if (typeof scope !== 'string') return null;
    const scopes = scope.split(' ').filter((s) => s !== '');
    if (!scopes.every(isPermission)) return null;
    return { kind: 'client', id: sub, role: CLIENT_ROLE, ...(unit === undefined ? {} : { unitCode: unit }), scopes };
  }
  if (kind !== 'user' || !isUserRole(role) || typeof unit !== 'string') return null;
  const villageCodes = villages ?? [];
  if (!Array.isArray(villageCodes) || !villageCodes.every((v) => typeof v === 'string' && isDivisionCode(v)))
    return null;
  return { kind: 'user', id: sub, role, unitCode: unit, villageCodes: villageCodes as string[] };
}
