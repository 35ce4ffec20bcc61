import {
  actorOf,
  areaOf,
  areaPrefixes,
  authorize,
  EVERYWHERE,
  inArea,
  type Area,
  type Permission,
  type Principal,
} from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { Actor } from '@relapse-watch/event-store-core';

/**
 * Who an inspection use case runs for: a principal whose access token the service verified (the
 * HTTP API), or the operator at the command line, who holds the whole tree because they hold the
 * store itself (a bulk upload, a seed). The same shape as the registry's caller.
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
 * Refuses, before anything is read further or written, a caller who may not do `permission` to
 * the unit `divisionCode` (a team's village, a campaign's province, a working group's unit). The
 * route's guard already checked the permission; checking it again keeps the use case safe
 * whoever calls it. `field` names what placed the command outside.
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

/**
 * Whether the caller's area and the unit meet: the unit lies inside the area, or part of the
 * area lies inside the unit (a county official and their province's campaign, an inspector and
 * the township of their village's team). What reads of things wider than one household need.
 */
export function meetsArea(caller: Caller, unitCode: string): boolean {
  const area = areaOfCaller(caller);
  if (inArea(area, unitCode)) return true;
  const [unitPrefix] = areaPrefixes({ kind: 'units', units: [unitCode] }) ?? [];
  return area.kind === 'units' && unitPrefix !== undefined && area.units.some((unit) => unit.startsWith(unitPrefix));
}

/**
 * Refuses a read of a unit the caller's area does not meet (see {@link meetsArea}), after the
 * permission check.
 * @throws DomainError `access.permission-denied` or `access.outside-area` (403 over HTTP)
 */
export function authorizeRead(caller: Caller, permission: Permission, unitCode: string, field: string): void {
  authorizeCaller(caller, permission, undefined, field);
  if (!meetsArea(caller, unitCode)) authorizeCaller(caller, permission, unitCode, field);
}
