import { uuidV5 } from '@relapse-watch/event-store-core';
import { v7 as uuidv7 } from 'uuid';

// A fixed namespace: changing it would give a re-sent command a new id.
const REQUEST_NAMESPACE = '4d1b9c2e-7a3f-4e6d-9b8c-2f1e0d3c4b5a';

/**
 * The id of a thing a command creates (a team). With an idempotency key it is derived from the
 * key, so a re-sent request names the same team and its village reservations replay as its own;
 * without one it is a fresh UUIDv7.
 */
export function createdIdFor(scope: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidv7() : uuidV5(`${scope}\n${idempotencyKey}`, REQUEST_NAMESPACE);
}
