import { hash } from 'node:crypto';
import { uuidV5 } from '@relapse-watch/event-store-core';
import { householdIdFor } from '../application/registry-ids';

// Fixed namespace of the member ids the sheet import derives; changing it would give every
// member of a re-imported sheet a new id (and the household would refuse them).
const SHEET_MEMBER_NAMESPACE = 'b6f3c0de-51a4-4c8e-9d2f-3e7a1c5b9f20';

/**
 * The household id of (village, household number): the registry's `householdIdFor`, so a
 * household has one stream whether it came through the HTTP API or a sheet, and a re-run or a
 * resumed run appends to the same stream.
 */
export function importedHouseholdId(villageCode: string, householdNumber: string): string {
  return householdIdFor(villageCode, householdNumber);
}

/**
 * A member id from the household and the person's salted key (`residentIdHash`), never from the
 * raw ID: ids appear unencrypted in events and logs, and an unsalted hash of an ID number is
 * reversed by enumeration.
 */
export function importedMemberId(householdId: string, personKey: string): string {
  return uuidV5(`${householdId}\n${personKey}`, SHEET_MEMBER_NAMESPACE);
}

/** A short digest of figures, so a corrected sheet gets a new idempotency key (and a new record) while an unchanged one replays. */
export function contentDigest(parts: readonly (string | number | boolean)[]): string {
  return hash('sha256', parts.join('\u001f'), 'hex').slice(0, 16);
}
