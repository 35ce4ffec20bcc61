import { divisionTier, DomainError, isDivisionCode, type DivisionTier } from '@relapse-watch/domain-kernel';
import { areaOf, areaPrefixes, EVERYWHERE, inArea, type Area } from './area';
import { authorize } from './authorize';
import type { Permission } from './permissions';
import { actorOf, type Principal } from './principal';

/** What an event records as its actor: a user id (or `client:<id>`) and a role, never a name. */
export interface CallerActor {
  readonly userId: string;
  readonly role: string;
}

/**
 * Who a service's use case runs for: a principal whose access token the service verified (the
 * HTTP API), or the operator at the command line, who holds the whole tree because they hold
 * the store itself (the bulk imports, the demo seed).
 */
export type Caller =
  | { readonly kind: 'principal'; readonly principal: Principal }
  | { readonly kind: 'operator'; readonly actor: CallerActor };

/** The operator at the command line (`relapse-watch …`): every permission, the whole tree. */
export const OPERATOR: Caller = { kind: 'operator', actor: { userId: 'operator', role: 'cli' } };

/** The caller of a verified principal. */
export function callerOf(principal: Principal): Caller {
  return { kind: 'principal', principal };
}

/** The actor events record for the caller (id and role, never a name). */
export function actorOfCaller(caller: Caller): CallerActor {
  return caller.kind === 'operator' ? caller.actor : actorOf(caller.principal);
}

/** The part of the division tree the caller reaches. */
export function areaOfCaller(caller: Caller): Area {
  return caller.kind === 'operator' ? EVERYWHERE : areaOf(caller.principal);
}

/**
 * Refuses a caller who may not do `permission` to the unit `divisionCode` (a household's village,
 * a campaign's province, a team's village; none when the request addresses nothing that exists
 * yet). The route's guard already checked the permission; checking it again here keeps the use
 * case safe whoever calls it. `field` names what placed the request outside.
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

/** The read-model field of each tier's code: the services' documents carry the tiers' codes flat. */
const TIER_FIELD: Readonly<Record<DivisionTier, string>> = {
  province: 'provinceCode',
  city: 'cityCode',
  county: 'countyCode',
  township: 'townshipCode',
  village: 'villageCode',
};

/** The read-model field holding the code of `divisionCode`'s tier. */
export function tierField(divisionCode: string): string {
  return TIER_FIELD[divisionTier(divisionCode)];
}

/** A read-model condition: the field (`countyCode`…) holds one of the codes. */
export interface AreaCondition {
  readonly field: string;
  readonly codes: readonly string[];
}

/**
 * The list condition of an area: its units' codes on their tier's field (one `in` lookup), or
 * null for the whole tree. An area whose units sit at different tiers cannot be one lookup and
 * reaches nothing (deny by default) rather than too much.
 */
export function areaCondition(area: Area): AreaCondition | null {
  if (area.kind === 'everywhere') return null;
  const units = area.units.filter(isDivisionCode);
  const fields = new Set(units.map(tierField));
  if (fields.size !== 1) return { field: TIER_FIELD.village, codes: [] };
  return { field: tierField(units[0]), codes: units };
}

/**
 * The area condition a list of `divisionCode` (or of the whole area) needs for `permission`:
 * none when the unit lies inside the caller's area; the area's own condition when the area lies
 * partly inside the unit (an inspector listing their township sees their villages of it).
 * @throws DomainError `access.outside-area` at `divisionCode` when the unit and the area do not meet
 */
export function listScope(
  caller: Caller,
  permission: Permission,
  divisionCode: string | undefined,
): AreaCondition | null {
  const area = areaOfCaller(caller);
  if (divisionCode === undefined) return areaCondition(area);
  if (inArea(area, divisionCode)) return null;
  const [unitPrefix] = areaPrefixes({ kind: 'units', units: [divisionCode] }) ?? [];
  const meets =
    area.kind === 'units' && area.units.some((unit) => unitPrefix !== undefined && unit.startsWith(unitPrefix));
  if (!meets) authorizeCaller(caller, permission, divisionCode, 'divisionCode');
  return areaCondition(area);
}
