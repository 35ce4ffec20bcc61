import { hash } from 'node:crypto';

// Fixed namespace (the registry's since issue 3): changing it would give every household a new
// id, and so a new stream, in both the registry and the assistance service.
const HOUSEHOLD_NAMESPACE = Buffer.from('0c4f6b1e5d3a4e8ba0f27b9c1d2e3f40', 'hex');

/** The hex digit of byte 8's high nibble once the RFC 9562 variant bits (10xx) are set, by the digest's digit. */
const VARIANT_DIGIT = '89ab89ab89ab89ab';

/**
 * The household id of (village, household number): an RFC 9562 UUIDv5 in a fixed namespace, so
 * the registry (HTTP API, bulk import, generator) and the assistance service's caseload import
 * name one household alike without reading anything — registering it twice, or importing its case
 * after the registry imported it, names one stream. Pure: the same two values always give the
 * same id (`household-id.spec.ts` pins ids the registry stored).
 */
export function householdIdFor(villageCode: string, householdNumber: string): string {
  const name = Buffer.from(`${villageCode}\n${householdNumber}`, 'utf8');
  const digest = hash('sha1', Buffer.concat([HOUSEHOLD_NAMESPACE, name]), 'hex');
  // Version 5 in the high nibble of byte 6 (hex digit 12), variant 10xx in byte 8 (digit 16).
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-${VARIANT_DIGIT[parseInt(digest[16], 16)]}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}
