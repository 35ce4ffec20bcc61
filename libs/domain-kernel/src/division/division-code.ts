import { DomainError, type DomainProblem } from '../errors/domain-error';

/** The five administrative tiers, top down (DOMAIN.md "Administrative tiers"). */
export type DivisionTier = 'province' | 'city' | 'county' | 'township' | 'village';

/** The tiers in order from the top; a tier's index is its depth. */
export const DIVISION_TIERS: readonly DivisionTier[] = ['province', 'city', 'county', 'township', 'village'];

/**
 * Length of the code prefix that identifies a unit of each tier in the 12-digit statistical
 * division code (统计用区划代码): digits 1–2 province, 3–4 prefecture, 5–6 county, 7–9 township,
 * 10–12 village.
 */
const SIGNIFICANT_LENGTH: Readonly<Record<DivisionTier, number>> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

const FORMAT_MESSAGE =
  '行政区划代码格式错误：须为12位统计用区划代码 / A division code is the 12-digit statistical division code, with its segments nested';

/** The outcome of parsing a division code. */
export type DivisionCodeResult =
  | { readonly ok: true; readonly code: string; readonly tier: DivisionTier }
  | { readonly ok: false; readonly problem: DomainProblem };

function allZero(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * The tier of a 12-digit code, or null when it is malformed. The tier is that of the deepest
 * non-zero segment. A zero county segment under a non-zero township is allowed: prefecture-level
 * cities without counties (Dongguan 4419, Zhongshan 4420, Jiayuguan 6202, Danzhou 4604) number
 * their townships directly, e.g. 441900003000. Other gaps (a village without a township, a county
 * without a prefecture, anything without a province) exist in no edition and are rejected.
 */
function tierOrNull(text: string): DivisionTier | null {
  if (typeof text !== 'string' || text.length !== 12) return null;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (allZero(text, 0, 2)) return null;
  const city = !allZero(text, 2, 4);
  const county = !allZero(text, 4, 6);
  const township = !allZero(text, 6, 9);
  const village = !allZero(text, 9, 12);
  if (!city) return county || township || village ? null : 'province';
  if (village) return township ? 'village' : null;
  if (township) return 'township';
  return county ? 'county' : 'city';
}

/** Parses a 12-digit statistical division code and finds its tier. */
export function parseDivisionCode(text: string): DivisionCodeResult {
  const tier = tierOrNull(text);
  return tier === null ? { ok: false, problem: formatProblem() } : { ok: true, code: text, tier };
}

/** True when `text` is a well-formed 12-digit division code. */
export function isDivisionCode(text: string): boolean {
  return tierOrNull(text) !== null;
}

function formatProblem(): DomainProblem {
  return { code: 'division-code.format', field: 'divisionCode', message: FORMAT_MESSAGE };
}

function tierOrThrow(code: string): DivisionTier {
  const tier = tierOrNull(code);
  if (tier === null) throw new DomainError(formatProblem());
  return tier;
}

/** The tier of a code; throws a `division-code.format` DomainError when it is malformed. */
export function divisionTier(code: string): DivisionTier {
  return tierOrThrow(code);
}

/**
 * The code of the unit directly above, or null for a province. A township of a city without
 * counties has the city as its parent (441900003000 → 441900000000). Throws
 * `division-code.format` on a malformed code.
 */
export function parentDivision(code: string): string | null {
  const tier = tierOrThrow(code);
  if (tier === 'province') return null;
  const depth = DIVISION_TIERS.indexOf(tier);
  const parentLength = SIGNIFICANT_LENGTH[DIVISION_TIERS[depth - 1]];
  // Cutting to the tier above yields the real parent even where the county segment is zero
  // under a township (see tierOrNull): the city is then the deepest non-zero segment left.
  return code.slice(0, parentLength).padEnd(12, '0');
}

/** Every unit above the code, province first; empty for a province. Throws `division-code.format` on a malformed code. */
export function divisionAncestors(code: string): readonly string[] {
  const ancestors: string[] = [];
  for (let parent = parentDivision(code); parent !== null; parent = parentDivision(parent)) ancestors.unshift(parent);
  return ancestors;
}

/**
 * True when the unit `code` lies inside the unit `unitCode` or is that unit: a village is within
 * its own village, township, county, city and province. Jurisdiction checks ("only their own
 * area", DESIGN.md) use it, so a user at a tier sees that tier's own unit too. Throws
 * `division-code.format` when either code is malformed.
 */
export function isWithin(code: string, unitCode: string): boolean {
  tierOrThrow(code);
  const length = SIGNIFICANT_LENGTH[tierOrThrow(unitCode)];
  return code.startsWith(unitCode.slice(0, length));
}

/**
 * The first six digits: the GB/T 2260 code of the county-level unit a code lies in, as found at
 * the start of resident ID numbers registered there (for a city without counties, the city's,
 * e.g. 441900). For a province or city code it is that unit's own 6-digit code (510000, 510100).
 * Throws `division-code.format` on a malformed code.
 */
export function countyPrefix(code: string): string {
  tierOrThrow(code);
  return code.slice(0, 6);
}

/**
 * The 12-digit code of a 6-digit GB/T 2260 code (510104 → 510104000000), e.g. to look up the
 * division of registration of a resident ID in the division tree. Throws `division-code.format`
 * when the result is not a well-formed code.
 */
export function divisionFromPrefix(prefix: string): string {
  const code = `${prefix}000000`;
  if (prefix.length !== 6 || tierOrNull(code) === null) throw new DomainError(formatProblem());
  return code;
}
