import type { UserRole } from './claims';

// The roles the gateway grants a few permissions to (libs/access ROLE_PERMISSIONS), for laying out
// menus and sections only: the server checks every request again.

/** `case.read`: every role of the access model (officials, inspectors, the auditor, the administrator). */
export const CASE_READERS: readonly UserRole[] = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'village-inspector',
  'auditor',
  'administrator',
];

/** `audit.read`: the auditor and the administrator. */
export const AUDIT_READERS: readonly UserRole[] = ['auditor', 'administrator'];

/** `users.manage`: the administrator only. */
export const USER_MANAGERS: readonly UserRole[] = ['administrator'];

/** Whether the role may read a household's audit trail. */
export function mayReadAudit(role: UserRole): boolean {
  return AUDIT_READERS.includes(role);
}
