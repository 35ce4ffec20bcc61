import { areaOf, inArea } from './area';
import type { Permission } from './permissions';
import { permissionsOf, type Principal } from './principal';

/** The rule a refusal names (the `code` of the 403 body). */
export type AccessRule = 'access.permission-denied' | 'access.outside-area';

/** Allowed, or refused with the rule and a message in Chinese and English. */
export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly rule: AccessRule; readonly message: string };

const ALLOWED: AccessDecision = { allowed: true };

/**
 * Whether the principal may do what `permission` names, to the unit `divisionCode` when the
 * action touches one (a household's village, a province's policy). Deny by default: a role
 * without the permission is refused whatever the unit; a unit outside the area is refused.
 */
export function authorize(principal: Principal, permission: Permission, divisionCode?: string): AccessDecision {
  if (!permissionsOf(principal).includes(permission)) {
    return {
      allowed: false,
      rule: 'access.permission-denied',
      message: `当前角色无此权限（${permission}）/ this role may not do this (${permission})`,
    };
  }
  if (divisionCode !== undefined && !inArea(areaOf(principal), divisionCode)) {
    return {
      allowed: false,
      rule: 'access.outside-area',
      message: '该区划不在您的管辖范围内 / this division is outside your area',
    };
  }
  return ALLOWED;
}
