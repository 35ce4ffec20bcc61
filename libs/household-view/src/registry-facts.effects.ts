import type { ReadDocument, ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import { HOUSEHOLD_FACTS_COLLECTION, type HouseholdFactsDocument } from './household-facts.document';
import { evolveHouseholdFacts } from './household-facts.evolve';
import { evolvePolicy, POLICY_VIEW_COLLECTION, policyDocumentId, type PolicyDocument } from './policy-view.evolve';
import { isHouseholdFactsEvent, type RegistryFactsEvent } from './registry-facts.events';

/**
 * The read-store writes one registry event makes: the folded document, or nothing when the
 * fold changed nothing. The registry's events carry no position of ours, so each document
 * counts its own writes (position = previous + 1): one document is one bus key (household id,
 * `<province>-<year>`), handled one at a time, so nobody writes it in between.
 */
export async function registryFactsEffects(store: ReadStore, event: RegistryFactsEvent): Promise<ReadStoreBatch> {
  if (isHouseholdFactsEvent(event)) {
    const id = event.data.householdId;
    const stored = await store.get<HouseholdFactsDocument>(HOUSEHOLD_FACTS_COLLECTION, id);
    return writeOf(HOUSEHOLD_FACTS_COLLECTION, id, stored, evolveHouseholdFacts(stored?.data ?? null, event));
  }
  const id = policyDocumentId(event.data.provinceCode, event.data.year);
  const stored = await store.get<PolicyDocument>(POLICY_VIEW_COLLECTION, id);
  return writeOf(POLICY_VIEW_COLLECTION, id, stored, evolvePolicy(stored?.data ?? null, event));
}

function writeOf<T>(collection: string, id: string, stored: ReadDocument<T> | null, next: T | null): ReadStoreBatch {
  if (next === null || next === stored?.data) return {};
  const doc = { id, position: (stored?.position ?? 0) + 1, data: next };
  return { operations: [{ type: 'put', collection, doc }] };
}
