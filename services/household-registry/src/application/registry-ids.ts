import { uuidV5 } from '@relapse-watch/event-store-core';
import { v7 as uuidv7 } from 'uuid';

// The household id is the kernel's: the assistance service derives the same one from its sheets.
export { householdIdFor } from '@relapse-watch/domain-kernel';

// Fixed namespace: changing it would give a re-sent command a new id.
const REQUEST_NAMESPACE = '9a8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

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
