import {
  householdViewCollections,
  registryFactsEffects,
  type HouseholdViewCollections,
  type RegistryFactsEvent,
} from '@relapse-watch/household-view';
import type { ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import { scopeVillagePut } from './village-scope';

/**
 * The inspection's own copy of the household view in its read store (`inspection-household-facts`,
 * `inspection-policy`): the names the collections had before the view became a shared lib, so an
 * existing read store keeps its documents.
 */
export const INSPECTION_HOUSEHOLD_VIEW: HouseholdViewCollections = householdViewCollections('inspection');

/**
 * The read-store writes one registry event makes in the inspection: the shared household view's
 * fold, and for a household registered here its village in the campaign's scope (the villages a
 * team must cover), in the same batch so the two cannot part.
 */
export async function inspectionFactsEffects(store: ReadStore, event: RegistryFactsEvent): Promise<ReadStoreBatch> {
  const write = await registryFactsEffects(store, event, INSPECTION_HOUSEHOLD_VIEW);
  if (event.type !== 'HouseholdRegistered' || write.operations === undefined) return write;
  return { operations: [...write.operations, scopeVillagePut(event.data.villageCode)] };
}
