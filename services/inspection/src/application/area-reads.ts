import { areaPrefixes, inArea, type Permission } from '@relapse-watch/access';
import { areaOfCaller, authorizeCaller, type Caller } from '@relapse-watch/access';

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
