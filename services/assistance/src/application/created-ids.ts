import { uuidV5 } from '@relapse-watch/event-store-core';
import { v7 as uuidv7 } from 'uuid';

// A fixed namespace: changing it would give a re-sent request a new id.
const REQUEST_NAMESPACE = '9c3e5a71-2b8d-4f06-a1c4-6d7e8f9a0b12';

/**
 * The id of a thing a request creates (an objection, a follow-up visit, a measure). With an
 * idempotency key it is derived from the key and the case, so a re-sent request names the same
 * thing and the decider sees a repeat; without one it is a fresh UUIDv7.
 */
export function createdIdFor(scope: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidv7() : uuidV5(`${scope}\n${idempotencyKey}`, REQUEST_NAMESPACE);
}
