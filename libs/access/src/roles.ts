/**
 * The roles a user of Relapse Watch holds (issue 10): the officials of the four tiers that have
 * working groups, the village inspector who visits households, the auditor who reads everything
 * and writes nothing, and the administrator who manages users and erasures.
 */
export const USER_ROLES = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'village-inspector',
  'auditor',
  'administrator',
] as const;

/** One of {@link USER_ROLES}. */
export type UserRole = (typeof USER_ROLES)[number];

/** The role of another government system signed in with client credentials; what it may do is its scopes. */
export const CLIENT_ROLE = 'client';

/** Names shown to officials, Chinese first. */
export const ROLE_LABELS: Readonly<Record<UserRole | typeof CLIENT_ROLE, string>> = {
  'province-official': '省级干部 / province official',
  'city-official': '市级干部 / city official',
  'county-official': '县级干部 / county official',
  'township-official': '乡镇干部 / township official',
  'village-inspector': '村级排查员 / village inspector',
  auditor: '审计人员 / auditor',
  administrator: '系统管理员 / administrator',
  client: '外部系统 / client system',
};

/** True for a {@link UserRole}. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
