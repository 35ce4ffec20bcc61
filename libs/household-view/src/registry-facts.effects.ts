import type { ReadDocument, ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import type { HouseholdFactsDocument } from './household-facts.document';
import { evolveHouseholdFacts } from './household-facts.evolve';
import type { HouseholdViewCollections } from './household-view.collections';
import { evolvePolicy, policyDocumentId, type PolicyDocument } from './policy-view.evolve';
import { evolveEpisodes, type HouseholdEpisodesDocument } from './household-episodes.evolve';
import { isEpisodeEvent, isHouseholdFactsEvent, type RegistryFactsEvent } from './registry-facts.events';
import { residentHouseholdWrites } from './resident-households';

/**
 * The read-store writes one registry (or assistance episode) event makes in a service's copy of the view (`collections`):
 * the folded document, or nothing when the fold changed nothing. A service adds its own writes
 * to the batch (the inspection puts a registered household's village in its campaign scope).
 * The registry's events carry no position of ours, so each document counts its own writes
 * (position = previous + 1): one document is one bus key (household id, `<province>-<year>`),
 * handled one at a time, so nobody writes it in between.
 */
export async function registryFactsEffects(
  store: ReadStore,
  event: RegistryFactsEvent,
  collections: HouseholdViewCollections,
): Promise<ReadStoreBatch> {
  if (isHouseholdFactsEvent(event)) {
    const id = event.data.householdId;
    const stored = await store.get<HouseholdFactsDocument>(collections.facts, id);
    const batch = writeOf(collections.facts, id, stored, evolveHouseholdFacts(stored?.data ?? null, event));
    if (collections.residents === undefined || event.type !== 'HouseholdMembersChanged') return batch;
    const residents = await residentHouseholdWrites(store, collections.residents, event);
    return residents.length === 0 ? batch : { operations: [...(batch.operations ?? []), ...residents] };
  }
  if (isEpisodeEvent(event)) {
    const id = event.data.householdId;
    const stored = await store.get<HouseholdEpisodesDocument>(collections.episodes, id);
    return writeOf(collections.episodes, id, stored, evolveEpisodes(stored?.data ?? null, event));
  }
  const id = policyDocumentId(event.data.provinceCode, event.data.year);
  const stored = await store.get<PolicyDocument>(collections.policy, id);
  return writeOf(collections.policy, id, stored, evolvePolicy(stored?.data ?? null, event));
}

function writeOf<T>(collection: string, id: string, stored: ReadDocument<T> | null, next: T | null): ReadStoreBatch {
  if (next === null || next === stored?.data) return {};
  const doc = { id, position: (stored?.position ?? 0) + 1, data: next };
  return { operations: [{ type: 'put', collection, doc }] };
}
