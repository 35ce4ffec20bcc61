import type { ReadDocument, ReadStore, ReadStoreOperation } from '@relapse-watch/read-store-core';
import type { HouseholdFactsEvent } from './registry-facts.events';

/**
 * Where one person (by the salted hash of their resident ID) lives now, as the registry's
 * `HouseholdMembersChanged` says: one document per hash, under the hash. The view's household
 * documents never hold the hashes (a service that does not look people up keeps none); a
 * service that must find a household by a resident ID (a department's warning names the
 * person, not the household) keeps this collection besides.
 */
export interface ResidentHouseholdDocument {
  readonly residentIdHash: string;
  /** The household the person belongs to, or null once they left it (or their data was erased). */
  readonly householdId: string | null;
  readonly memberId: string | null;
}

/** Indexes of the collection: a household's people are found when its members change. */
export const RESIDENT_HOUSEHOLD_INDEXES: readonly (readonly string[])[] = [['householdId']];

/**
 * The writes a `HouseholdMembersChanged` makes in the residents' collection: each current
 * member's hash points to the household; a hash that pointed here and is no longer a member
 * (left, or erased: its hash is null now) is vacated rather than deleted, so the person's next
 * household can take the document over with a higher position. Unchanged documents are not
 * written again (a redelivery writes nothing).
 *
 * Limit: two households' events are two bus keys and may be handled at once; if both touch one
 * person (a move) in the same instant, the position guard lets one write through and the other's
 * is skipped — the lookup then answers the household the winner wrote until that person's next change.
 */
export async function residentHouseholdWrites(
  store: ReadStore,
  collection: string,
  event: Extract<HouseholdFactsEvent, { type: 'HouseholdMembersChanged' }>,
): Promise<ReadStoreOperation[]> {
  const { householdId } = event.data;
  const current = new Map<string, string>();
  for (const member of event.data.personal.members)
    if (member.residentIdHash !== null) current.set(member.residentIdHash, member.memberId);
  const formerly = await store.find<ResidentHouseholdDocument>(collection, { where: { householdId } });
  const stored = await store.getMany<ResidentHouseholdDocument>(collection, [...current.keys()]);
  const operations: ReadStoreOperation[] = [];
  for (const [residentIdHash, memberId] of current) {
    const doc = stored.get(residentIdHash) ?? null;
    if (doc?.data.householdId === householdId && doc.data.memberId === memberId) continue;
    operations.push(put(collection, doc, { residentIdHash, householdId, memberId }));
  }
  for (const doc of formerly)
    if (!current.has(doc.id)) operations.push(put(collection, doc, { ...doc.data, householdId: null, memberId: null }));
  return operations;
}

function put(
  collection: string,
  stored: ReadDocument<ResidentHouseholdDocument> | null,
  data: ResidentHouseholdDocument,
): ReadStoreOperation {
  return {
    type: 'put',
    collection,
    doc: { id: data.residentIdHash, position: (stored?.position ?? 0) + 1, data },
  };
}
