import type { SignedInUser } from './claims';

/**
 * How many leading digits of a 12-digit division code name the unit: 2 for a province, 4 a
 * city, 6 a county, 9 a township, 12 a village (the rest are zeros).
 */
export function significantDigits(code: string): 2 | 4 | 6 | 9 | 12 {
  if (/^0+$/.test(code.slice(2))) return 2;
  if (/^0+$/.test(code.slice(4))) return 4;
  if (/^0+$/.test(code.slice(6))) return 6;
  if (/^0+$/.test(code.slice(9))) return 9;
  return 12;
}

/** True when `code` is `unitCode` or lies below it. */
export function isWithin(code: string, unitCode: string): boolean {
  return code.startsWith(unitCode.slice(0, significantDigits(unitCode)));
}

/**
 * True when the user's households may be listed at `code`: inside their unit, and for an
 * inspector (whose unit is the township) only the villages of their team — or the township
 * itself, whose list the API narrows to those villages. The server decides in the end; this
 * only keeps links to refused pages off the screen.
 */
export function mayBrowse(user: SignedInUser, code: string): boolean {
  if (!isWithin(code, user.unitCode)) return false;
  if (user.villageCodes.length === 0 || significantDigits(code) < 12) return true;
  return user.villageCodes.includes(code);
}

/**
 * The unit whose reports the user sees first: their own unit, or an inspector's first village
 * (an inspector's reports cover their team's villages, not the township around them).
 */
export function homeReportUnit(user: SignedInUser): string {
  return user.role === 'village-inspector' ? (user.villageCodes[0] ?? user.unitCode) : user.unitCode;
}

/**
 * True when the user may read the reports of `code`: inside their unit, and for an inspector
 * only one of their villages. Links to units above stay off the screen; the server refuses them anyway.
 */
export function mayReport(user: SignedInUser, code: string): boolean {
  if (user.role === 'village-inspector') return user.villageCodes.includes(code);
  return isWithin(code, user.unitCode);
}
