import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

// Fixed namespace for ids derived from idempotency keys; changing it would break the
// idempotency of commands re-sent across an upgrade.
const IDEMPOTENCY_NAMESPACE = '6f1d3a52-2b0e-4f4e-9a7c-2d0b1a7c9e11';

/** A new time-ordered event id (UUIDv7). */
export function newEventId(): string {
  return uuidv7();
}

/**
 * The id of the `index`-th event produced by a command with this idempotency key on this
 * stream: the same key always yields the same ids, so a re-sent command's append is a no-op.
 */
export function idempotentEventId(streamId: string, idempotencyKey: string, index: number): string {
  return uuidv5(`${streamId}\n${idempotencyKey}\n${index}`, IDEMPOTENCY_NAMESPACE);
}
