import {
  actorOf,
  areaOf,
  authorize,
  EVERYWHERE,
  type Area,
  type Permission,
  type Principal,
} from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { Actor } from '@relapse-watch/event-store-core';

/**
 * Who an inspection use case runs for: a principal whose access token the service verified (the
 * HTTP API), or the operator at the command line (a bulk upload), who holds the whole tree.
 */
export type Caller =
  { readonly kind: 'principal'; readonly principal: Principal } | { readonly kind: 'operator'; readonly actor: Actor };

/** The operator at the command line: every permission, the whole tree. */
export const OPERATOR: Caller = { kind: 'operator', actor: { userId: 'operator', role: 'cli' } };

/** The caller of a verified principal. */
export function callerOf(principal: Principal): Caller {
  return { kind: 'principal', principal };
}

/** The actor events record for the caller (id and role, never a name). */
export function actorOfCaller(caller: Caller): Actor {
  return caller.kind === 'operator' ? caller.actor : actorOf(caller.principal);
}

/** The part of the division tree the caller reaches. */
export function areaOfCaller(caller: Caller): Area {
  return caller.kind === 'operator' ? EVERYWHERE : areaOf(caller.principal);
}

/**
 * Refuses a caller who may not do `permission` to the unit `divisionCode` (a household's
 * village; none when the command addresses nothing known), before anything is read further or
 * written. The route's guard checked the permission already; checking here keeps the use case
 * safe whoever calls it. `field` names what placed the command outside.
 * @throws DomainError `access.permission-denied` or `access.outside-area` (403 over HTTP)
 */
export function authorizeCaller(
  caller: Caller,
  permission: Permission,
  divisionCode: string | undefined,
  field: string,
): void {
  if (caller.kind === 'operator') return;
  const decision = authorize(caller.principal, permission, divisionCode);
  if (!decision.allowed) throw new DomainError({ code: decision.rule, field, message: decision.message });
}
