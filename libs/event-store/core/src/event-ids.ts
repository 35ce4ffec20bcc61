import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

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
  return uuidV5(`${streamId}\n${idempotencyKey}\n${index}`);
}

const NAMESPACE_BYTES = Buffer.from(IDEMPOTENCY_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * RFC 9562 UUIDv5 of `name` in the idempotency namespace — the same ids as `uuid`'s `v5`
 * (the event-ids spec checks it), computed with one SHA-1 from node:crypto: `uuid`'s
 * string-to-bytes conversion and namespace re-parsing were a quarter of the bulk import's
 * main-thread time.
 */
function uuidV5(name: string): string {
  // One-shot crypto.hash: a Hash object costs more than the hashing for inputs this small.
  const bytes = hash('sha1', Buffer.concat([NAMESPACE_BYTES, Buffer.from(name, 'utf8')]), 'buffer');
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
