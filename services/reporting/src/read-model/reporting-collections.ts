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
 * Counts as stored: `{ name, count }` entries in name order. Not an object keyed by name: names
 * hold rule codes and other values with dots, which document stores refuse in field names; not
 * `[name, count]` pairs: FerretDB 1.x refuses nested arrays.
 */
export type StoredCounts = readonly { readonly name: string; readonly count: number }[];

/** Counts in their stored form. */
export function storedCounts(counts: Readonly<Record<string, number>>): StoredCounts {
  return Object.keys(counts)
    .sort()
    .map((name) => ({ name, count: counts[name] }));
}

/** Counts from their stored form. */
export function countsOf(stored: StoredCounts): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { name, count } of stored) counts[name] = count;
  return counts;
}

/** The stored shape of a unit's summary. */
export interface UnitDocument {
  readonly counts: StoredCounts;
}
