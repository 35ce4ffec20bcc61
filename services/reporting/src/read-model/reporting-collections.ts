import { divisionAncestors, divisionTier, type DivisionTier } from '@relapse-watch/domain-kernel';

/**
 * The reporting's read models live in one generation of collections at a time: a rebuild fills
 * the next generation from position zero while queries read the live one, then the pointer in
 * `reporting-meta` moves (blue/green). Each generation has its own checkpoint.
 */
export interface ReportingCollections {
  readonly generation: number;
  /** One document per household: what it counts and what it contributes. */
  readonly households: string;
  /** Campaigns, province-years (lines, key regions), villages' team coverage, teams. */
  readonly contexts: string;
  /** One document per unit, village to province: the summed counts its reports are read from. */
  readonly units: string;
  /** The checkpoint name of this generation's projector. */
  readonly checkpoint: string;
}

/** The collection holding the active-generation pointer. */
export const REPORTING_META_COLLECTION = 'reporting-meta';
/** The pointer document's id. */
export const ACTIVE_GENERATION_ID = 'active-generation';

/** The collections of generation `generation` (1, 2, …). */
export function reportingCollections(generation: number): ReportingCollections {
  return {
    generation,
    households: `reporting-g${generation}-households`,
    contexts: `reporting-g${generation}-contexts`,
    units: `reporting-g${generation}-units`,
    checkpoint: `reporting-g${generation}`,
  };
}

/** Indexes of a generation: households by province (a published line recounts a province). */
export const HOUSEHOLD_INDEXES: readonly (readonly string[])[] = [['provinceCode']];

/**
 * Indexes of a generation's units: the units of one tier under a unit (drill-down rows and
 * exports), one equality filter on the tier and one on the ancestor's code.
 */
export const UNIT_INDEXES: readonly (readonly string[])[] = [
  ['tier', 'provinceCode'],
  ['tier', 'cityCode'],
  ['tier', 'countyCode'],
  ['tier', 'townshipCode'],
];

/**
 * Counts as stored: one text of `<count> <name>` lines in name order — a unit's summary and a
 * household's contribution alike. Not an object keyed by name: names hold rule codes with dots,
 * which document stores refuse in field names; not a list of small objects: FerretDB 1.x spends
 * most of a write on each nested field, and a rebuild writes a quarter of a million documents.
 */
export type StoredCounts = string;

/** Counts in their stored form. */
export function storedCounts(counts: Readonly<Record<string, number>>): StoredCounts {
  return Object.keys(counts)
    .sort()
    .map((name) => {
      // Count names are built from codes that never hold a line break (contract patterns).
      if (name.includes('\n')) throw new Error(`count name with a line break: ${JSON.stringify(name)}`);
      return `${counts[name]} ${name}`;
    })
    .join('\n');
}

/** Counts from their stored form. */
export function countsOf(stored: StoredCounts): Record<string, number> {
  const counts: Record<string, number> = {};
  if (stored === '') return counts;
  for (const line of stored.split('\n')) {
    const space = line.indexOf(' ');
    counts[line.slice(space + 1)] = Number(line.slice(0, space));
  }
  return counts;
}

/** The ancestor fields of a unit document, by the ancestor's tier (a village has all four). */
export type AncestorField = 'provinceCode' | 'cityCode' | 'countyCode' | 'townshipCode';

/** Where a unit sits in the division tree, stored flat so the store can filter and index it. */
export type UnitPlacement = { readonly tier: DivisionTier } & Partial<Readonly<Record<AncestorField, string>>>;

/** The stored shape of a unit's summary. */
export type UnitDocument = UnitPlacement & { readonly counts: StoredCounts };

/** The field of a unit document holding the code of its ancestor of `tier`; null for a village (never an ancestor). */
export function ancestorField(tier: DivisionTier): AncestorField | null {
  return tier === 'village' ? null : `${tier}Code`;
}

/**
 * A unit's tier and the codes of the units above it. From the kernel's parent rule, not by
 * cutting digits: a township of a city without counties (441900003000) has no county, so it is
 * found under its city and never under a made-up county 441900000000.
 */
export function unitPlacementOf(unitCode: string): UnitPlacement {
  const placement: Partial<Record<AncestorField, string>> = {};
  for (const ancestor of divisionAncestors(unitCode)) placement[ancestorField(divisionTier(ancestor))!] = ancestor;
  return { tier: divisionTier(unitCode), ...placement };
}
