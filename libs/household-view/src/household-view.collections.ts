import type { ReadStore } from '@relapse-watch/read-store-core';
import { HOUSEHOLD_EPISODES_INDEXES } from './household-episodes.evolve';
import { HOUSEHOLD_FACTS_INDEXES } from './household-facts.document';
import { RESIDENT_HOUSEHOLD_INDEXES } from './resident-households';
/**
 * Where a service keeps its own copy of the household view in its read store: one collection of
 * household documents, one of province policy documents. Each service folds the registry's events
 * itself, so each copy is rebuilt, replayed and dropped with that service alone.
 */
export interface HouseholdViewCollections {
  /** One `HouseholdFactsDocument` per household, by household id. */
  readonly facts: string;
  /** One `PolicyDocument` per province and year, by `<provinceCode>-<year>`. */
  readonly policy: string;
  /** One `HouseholdEpisodesDocument` per household the assistance service identified, by household id. */
  readonly episodes: string;
  /**
   * One `ResidentHouseholdDocument` per person, by the salted hash of their resident ID: kept only
   * by a service that finds households by a person's ID (the assistance service's warnings).
   */
  readonly residents?: string;
}

/**
 * The collections of a context's copy, named after it as every read-store collection is
 * (`inspection` → `inspection-household-facts`, `inspection-policy`).
 */
export function householdViewCollections(
  context: string,
  options: { readonly residents?: boolean } = {},
): HouseholdViewCollections {
  return {
    facts: `${context}-household-facts`,
    policy: `${context}-policy`,
    episodes: `${context}-household-episodes`,
    ...(options.residents === true ? { residents: `${context}-resident-households` } : {}),
  };
}

/** Makes the indexes a service's copy of the view is queried by (facts by tier, episodes and residents by household). */
export async function ensureHouseholdViewIndexes(
  store: ReadStore,
  collections: HouseholdViewCollections,
): Promise<void> {
  for (const fields of HOUSEHOLD_FACTS_INDEXES) await store.ensureIndex(collections.facts, fields);
  for (const fields of HOUSEHOLD_EPISODES_INDEXES) await store.ensureIndex(collections.episodes, fields);
  if (collections.residents !== undefined)
    for (const fields of RESIDENT_HOUSEHOLD_INDEXES) await store.ensureIndex(collections.residents, fields);
}
