import type { DomainProblem } from '@relapse-watch/domain-kernel';
import { throwIfAny, userProblem } from './user.errors';

/** The shortest password accepted (OWASP ASVS 2.1.1: at least 12 characters). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: bounds the work an argon2 hash of an attacker's input costs. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The minimum password rules, checked on the plain password before it is hashed: long enough,
 * not absurdly long, and not containing the sign-in name (case-insensitively).
 * @throws DomainError naming the field `password` (or `newPassword`) and every rule broken.
 */
export function checkPassword(password: string, signInName: string, field = 'password'): void {
  const problems: DomainProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(userProblem('password.too-short', field));
  if (length > MAX_PASSWORD_LENGTH) problems.push(userProblem('password.too-long', field));
  if (signInName !== '' && password.toLowerCase().includes(signInName.toLowerCase()))
    problems.push(userProblem('password.contains-sign-in-name', field));
  throwIfAny(problems);
}
