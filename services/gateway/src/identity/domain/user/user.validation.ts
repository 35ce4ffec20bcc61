import { isUserRole, type UserRole } from '@relapse-watch/access';
import { divisionTier, isDivisionCode, isWithin, type DomainProblem } from '@relapse-watch/domain-kernel';
import { userProblem } from './user.errors';

const SIGN_IN_NAME = /^[a-z][a-z0-9._-]{2,31}$/;
const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** True for a well-formed sign-in name (lower case, so names compare as they are stored). */
export function isSignInName(value: string): boolean {
  return SIGN_IN_NAME.test(value);
}

export function checkSignInName(value: string, problems: DomainProblem[]): void {
  if (!isSignInName(value)) problems.push(userProblem('user.sign-in-name-format', 'signInName'));
}

export function checkId(value: string, problems: DomainProblem[]): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64)
    problems.push(userProblem('user.id-required', 'userId'));
}

export function checkReason(value: string, problems: DomainProblem[]): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
    problems.push(userProblem('user.reason-required', 'reason'));
}

export function checkPasswordHash(value: string, problems: DomainProblem[]): void {
  if (!ARGON2ID.test(value)) problems.push(userProblem('user.password-hash-invalid', 'passwordHash'));
}

/** An inspector's villages are villages of their unit; no other role has villages. */
export function checkVillages(
  role: UserRole,
  unitCode: string,
  villageCodes: readonly string[],
  problems: DomainProblem[],
): void {
  if (role !== 'village-inspector') {
    if (villageCodes.length > 0) problems.push(userProblem('user.villages-only-for-inspector', 'villageCodes'));
    return;
  }
  villageCodes.forEach((code, i) => {
    if (!isDivisionCode(code) || divisionTier(code) !== 'village')
      problems.push(userProblem('user.village-code-tier', `villageCodes.${i}`));
    else if (isDivisionCode(unitCode) && !isWithin(code, unitCode))
      problems.push(userProblem('user.village-outside-unit', `villageCodes.${i}`));
  });
}

export function checkRoleAndUnit(role: string, unitCode: string, problems: DomainProblem[]): void {
  if (!isUserRole(role)) problems.push(userProblem('user.role-unknown', 'role'));
  if (!isDivisionCode(unitCode)) problems.push(userProblem('user.unit-code-format', 'unitCode'));
}
