import { uuidV5 } from '@relapse-watch/event-store-core';
import { v7 as uuidv7 } from 'uuid';

// Fixed namespaces: changing one would give an existing household or a re-sent command a new id.
const HOUSEHOLD_NAMESPACE = '0c4f6b1e-5d3a-4e8b-a0f2-7b9c1d2e3f40';
const REQUEST_NAMESPACE = '9a8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

/**
 * The household id of (village, household number): the same in the HTTP API, the bulk import
 * and the generator, so registering one household twice through any of them — a re-sent
 * request, an import re-run after a crash — names one stream and adds nothing twice.
 */
export function householdIdFor(villageCode: string, householdNumber: string): string {
  return uuidV5(`${villageCode}\n${householdNumber}`, HOUSEHOLD_NAMESPACE);
}

/**
 * The id of a thing a command creates (a member, a risk report). With an idempotency key it is
 * derived from the key, so a re-sent request names the same member and its reservation replay
 * is recognised as its own; without one it is a fresh UUIDv7.
 */
export function createdIdFor(scope: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidv7() : uuidV5(`${scope}\n${idempotencyKey}`, REQUEST_NAMESPACE);
}

/** The scope a province policy command answers with: `<province>-<year>`, as its stream is named. */
export function provincePolicyScope(provinceCode: string, year: number): string {
  return `${provinceCode}-${year}`;
}
