import type { Fen } from '@relapse-watch/domain-kernel';
import {
  householdViewCollections,
  HouseholdFactsQueries,
  registryFactsEffects,
  type HouseholdViewCollections,
  type RegistryFactsEvent,
} from '@relapse-watch/household-view';
import type { ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import type { CaseHouseholds } from '../application/case-households';

/**
 * The assistance service's own copy of the household view (`assistance-household-facts`,
 * `assistance-policy`), with the residents' collection (`assistance-resident-households`): a
 * department's warning may name the person rather than the household.
 */
export const ASSISTANCE_HOUSEHOLD_VIEW: HouseholdViewCollections = householdViewCollections('assistance', {
  residents: true,
});

/** The read-store writes one registry event makes in the assistance service's view. */
export function assistanceFactsEffects(store: ReadStore, event: RegistryFactsEvent): Promise<ReadStoreBatch> {
  return registryFactsEffects(store, event, ASSISTANCE_HOUSEHOLD_VIEW);
}

/**
 * The cases' households from the service's own view: the facts as folded, and each year's
 * monitoring line as in force on 31 December of that year (a revision during the year replaces
 * the line for the whole year's income, which is measured once the year is over).
 */
export function householdsFromView(queries: HouseholdFactsQueries): CaseHouseholds {
  return {
    facts: (householdId) => queries.facts(householdId),
    async monitoringLinesFen(provinceCode, years) {
      const lines: Record<number, Fen> = {};
      for (const year of years) {
        const policy = await queries.policyInForce(provinceCode, year, `${year}-12-31`);
        const line = policy.lines['monitoring-threshold'];
        if (line !== null) lines[year] = line.amountFen;
      }
      return lines;
    },
  };
}
