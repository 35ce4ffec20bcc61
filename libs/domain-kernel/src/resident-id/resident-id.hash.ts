import { hash } from 'node:crypto';

/** Shortest salt accepted: 128 bits of hex or base64 text, so nobody ships an empty or toy salt. */
const MIN_SALT_LENGTH = 16;

/** SHA-256's block size: the HMAC key is padded (or first hashed) to this many bytes (RFC 2104). */
const BLOCK = 64;
/** Longest upper-cased ID (in UTF-16 units) hashed in the reused buffer; at most 3 UTF-8 bytes a unit. */
const MAX_SCRATCH_UNITS = 64;

// HMAC state for the latest salt only: the key XOR ipad at the start of `inner` (the ID is
// written after it), the key XOR opad at the start of `outer` (the inner digest goes after it).
// Salts are secrets: only this one is kept, and never logged.
let cachedSalt: string | undefined;
const inner = Buffer.alloc(BLOCK + 3 * MAX_SCRATCH_UNITS);
const outer = Buffer.alloc(BLOCK + 32);

function useSalt(salt: string): void {
  let key = Buffer.from(salt, 'utf8');
  if (key.length > BLOCK) key = hash('sha256', key, 'buffer');
  inner.fill(0x36, 0, BLOCK);
  outer.fill(0x5c, 0, BLOCK);
  for (let i = 0; i < key.length; i++) {
    inner[i] ^= key[i];
    outer[i] ^= key[i];
  }
  key.fill(0);
  cachedSalt = salt;
}

/**
 * The key of a person's reservation stream ("one person belongs to one household at a time",
 * issue 4): a salted SHA-256 of the ID, as HMAC-SHA256 (RFC 2104) with the salt as the key, in
 * lower-case hex. Stream names appear in logs, metrics and backups, so they never hold the raw
 * number (PIPL art. 28, 51). The keyed construction matters: there are only about 10^11
 * plausible IDs, so an unsalted hash is reversed by enumeration; the salt is a deployment
 * secret from configuration, and changing it re-keys every reservation.
 *
 * The ID is normalised first (a lower-case `x` check character becomes `X`), so both spellings
 * reserve the same person. Validate the ID before hashing it: this function does not.
 *
 * The HMAC is computed by hand, exactly as `createHmac('sha256', salt).update(id, 'utf8')`
 * (the spec compares them), from padded keys cached for the latest salt and two one-shot
 * `crypto.hash` calls over reused buffers: an Hmac object per call cost more than the
 * hashing in the bulk import. The inner digest is taken as a 'binary' (latin1) string, which node:crypto
 * returns much faster than a new Buffer.
 */
export function residentIdHash(residentId: string, salt: string): string {
  if (salt.length < MIN_SALT_LENGTH)
    throw new RangeError(`residentIdHash: the salt must be at least ${MIN_SALT_LENGTH} characters`);
  if (salt !== cachedSalt) useSalt(salt);
  const id = residentId.toUpperCase();
  let innerDigest: string;
  if (id.length <= MAX_SCRATCH_UNITS) {
    const end = BLOCK + inner.write(id, BLOCK, 'utf8');
    innerDigest = hash('sha256', inner.subarray(0, end), 'binary');
    inner.fill(0, BLOCK, end); // no ID bytes left behind in the module
  } else {
    innerDigest = hash('sha256', Buffer.concat([inner.subarray(0, BLOCK), Buffer.from(id, 'utf8')]), 'binary');
  }
  outer.write(innerDigest, BLOCK, 'binary');
  return hash('sha256', outer, 'hex');
}
