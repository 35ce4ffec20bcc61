import { hash } from 'node:crypto';
import { parse as parseUuid, v7 as uuidv7 } from 'uuid';

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
  return uuidV5(`${streamId}\n${idempotencyKey}\n${index}`, IDEMPOTENCY_NAMESPACE);
}

/** Longest name (in UTF-16 units) hashed in the reused buffer; at most 3 UTF-8 bytes a unit. */
const MAX_SCRATCH_UNITS = 512;
/** Namespace bytes, then the name's UTF-8, hashed in place (JS is single-threaded, nothing awaits in between). */
const scratch = Buffer.alloc(16 + 3 * MAX_SCRATCH_UNITS);
/** The namespace whose bytes are in `scratch` now. */
let scratchNamespace: string | undefined;
/** Parsed namespaces, by their text: a handful of fixed constants in practice; bounded in case. */
const namespaces = new Map<string, Buffer>();
const MAX_NAMESPACES = 64;
/** The hex digit of byte 8's high nibble once the RFC 9562 variant bits (10xx) are set, by the digest's digit. */
const VARIANT_DIGIT = '89ab89ab89ab89ab';

function namespaceBytes(namespace: string): Buffer {
  let bytes = namespaces.get(namespace);
  if (bytes === undefined) {
    // `uuid`'s own parser, so a malformed namespace is refused exactly as `v5` refuses it.
    bytes = Buffer.from(parseUuid(namespace));
    if (namespaces.size >= MAX_NAMESPACES) namespaces.clear();
    namespaces.set(namespace, bytes);
  }
  return bytes;
}

/**
 * RFC 9562 UUIDv5 (SHA-1) of `name` in `namespace`: exactly what `uuid`'s `v5(name, namespace)`
 * returns, and throws what it throws (the event-ids spec compares them), about five times
 * faster: `uuid` converts the name to bytes through `encodeURIComponent`, re-parses the
 * namespace and builds a Hash object on every call, which was a quarter of the bulk import's
 * main-thread time. Here the namespace bytes are parsed once, the name is written after them
 * into a reused buffer, and one-shot `crypto.hash` returns hex (cheaper than a Buffer).
 */
export function uuidV5(name: string, namespace: string): string {
  // `uuid` encodes the name with encodeURIComponent, which throws URIError on a lone surrogate
  // (Buffer would silently write U+FFFD instead); call it for the same error, same order.
  if (!(name as unknown as { isWellFormed(): boolean }).isWellFormed()) encodeURIComponent(name);
  const ns = namespaceBytes(namespace);
  let digest: string;
  if (name.length <= MAX_SCRATCH_UNITS) {
    if (namespace !== scratchNamespace) {
      ns.copy(scratch, 0);
      scratchNamespace = namespace;
    }
    digest = hash('sha1', scratch.subarray(0, 16 + scratch.write(name, 16, 'utf8')), 'hex');
  } else {
    digest = hash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'hex');
  }
  // Version 5 in the high nibble of byte 6 (hex digit 12), variant 10xx in byte 8 (digit 16).
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-${VARIANT_DIGIT[parseInt(digest[16], 16)]}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}
