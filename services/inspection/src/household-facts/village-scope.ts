import type { ReadStoreOperation } from '@relapse-watch/read-store-core';
import { unitCodesOf } from '@relapse-watch/household-view';

/** Collection of the villages where households live: the campaign's villages in scope, one document each. */
export const SCOPE_VILLAGES_COLLECTION = 'inspection-scope-villages';

/** A village with at least one registered household, with the codes of its tiers (flat, for counting by unit). */
export interface ScopeVillage {
  readonly villageCode: string;
  readonly provinceCode: string;
  readonly cityCode: string;
  readonly countyCode: string;
  readonly townshipCode: string;
}

/** Indexes of the villages in scope: counted by the unit of each tier. */
export const SCOPE_VILLAGE_INDEXES: readonly (readonly string[])[] = [
  ['townshipCode'],
  ['countyCode'],
  ['cityCode'],
  ['provinceCode'],
];

/**
 * The write that puts a household's village in scope. Every household of the village writes the
 * same document at position 1, so the first write stands and the others are no-ops: no count to
 * race on when the households of one village arrive on different partitions at once.
 */
export function scopeVillagePut(villageCode: string): ReadStoreOperation {
  const data: ScopeVillage = { villageCode, ...unitCodesOf(villageCode) };
  return { type: 'put', collection: SCOPE_VILLAGES_COLLECTION, doc: { id: villageCode, position: 1, data } };
}
