import { createHmac } from 'node:crypto';

/** Shortest salt accepted: 128 bits of hex or base64 text, so nobody ships an empty or toy salt. */
const MIN_SALT_LENGTH = 16;

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
 */
export function residentIdHash(residentId: string, salt: string): string {
  if (salt.length < MIN_SALT_LENGTH) throw new RangeError(`residentIdHash: the salt must be at least ${MIN_SALT_LENGTH} characters`);
  return createHmac('sha256', salt).update(residentId.toUpperCase(), 'utf8').digest('hex');
}
