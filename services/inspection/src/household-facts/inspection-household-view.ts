import { registryFactsEffects, type RegistryFactsEvent } from '@relapse-watch/household-view';
import type { ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import { scopeVillagePut } from './village-scope';

/**
 * The read-store writes one registry event makes in the inspection: the shared household view's
 * fold, and for a household registered here its village in the campaign's scope (the villages a
 * team must cover), in the same batch so the two cannot part.
 */
export async function inspectionFactsEffects(store: ReadStore, event: RegistryFactsEvent): Promise<ReadStoreBatch> {
  const write = await registryFactsEffects(store, event);
  if (event.type !== 'HouseholdRegistered' || write.operations === undefined) return write;
  return { operations: [...write.operations, scopeVillagePut(event.data.villageCode)] };
}
