import { divisionTier, isDivisionCode, type DivisionTier } from '@relapse-watch/domain-kernel';
import type { Principal } from './principal';

/**
 * The part of the division tree a principal may reach: everywhere (auditor, administrator, a
 * national client), or the subtrees of some units (an official's unit, an inspector's villages).
 * An empty list reaches nothing: an inspector without villages sees no household.
 */
export type Area = { readonly kind: 'everywhere' } | { readonly kind: 'units'; readonly units: readonly string[] };

/** The whole tree: the auditor's, the administrator's and an operator's at the command line. */
export const EVERYWHERE: Area = { kind: 'everywhere' };

/** The area of a principal. */
export function areaOf(principal: Principal): Area {
  if (principal.kind === 'client') return principal.unitCode === undefined ? EVERYWHERE : units([principal.unitCode]);
  switch (principal.role) {
    case 'auditor':
    case 'administrator':
      return EVERYWHERE;
    case 'village-inspector':
      return units(principal.villageCodes);
    default:
      return units([principal.unitCode]);
  }
}

function units(codes: readonly string[]): Area {
  return { kind: 'units', units: codes };
}

const SIGNIFICANT: Readonly<Record<DivisionTier, number>> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/**
 * The code prefixes of an area's units: a division code lies in the area when it starts with one
 * of them. Lists and tier queries filter by these (a lookup, not a scan). Null for everywhere.
 */
export function areaPrefixes(area: Area): readonly string[] | null {
  if (area.kind === 'everywhere') return null;
  return area.units.filter(isDivisionCode).map((unit) => unit.slice(0, SIGNIFICANT[divisionTier(unit)]));
}

/** True when the unit `divisionCode` (a village, a township…) lies inside the area. A malformed code is outside. */
export function inArea(area: Area, divisionCode: string): boolean {
  if (area.kind === 'everywhere') return true;
  if (!isDivisionCode(divisionCode)) return false;
  return (areaPrefixes(area) ?? []).some((prefix) => divisionCode.startsWith(prefix));
}
