import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value: a sign-in name or password must not
// reach a log line through an error message.
const MESSAGES = {
  'user.id-required': '用户ID不能为空 / The user id is required',
  'user.sign-in-name-format':
    '登录名须为3至32个字符，仅限小写字母、数字、点、下划线和连字符，以字母开头 / A sign-in name has 3 to 32 characters: lower-case letters, digits, dot, underscore or hyphen, starting with a letter',
  'user.role-unknown': '角色不存在 / The role is not one of the user roles',
  'user.unit-code-format': '所属单位须为12位区划代码 / The home unit is a 12-digit division code',
  'user.village-code-tier': '排查员负责的须为村级区划代码 / An inspector covers village-tier divisions',
  'user.village-outside-unit': '排查员负责的村须在其所属单位之内 / An inspector’s villages lie inside their home unit',
  'user.villages-only-for-inspector': '只有村级排查员可分配村 / Only a village inspector is assigned villages',
  'user.reason-required': '须说明原因（最多200个字符） / A reason is required (at most 200 characters)',
  'user.password-hash-invalid': '密码哈希无效 / The password hash is not an argon2id hash',
  'user.already-exists': '该用户已存在，且信息不同 / The user already exists with different details',
  'user.not-found': '用户不存在 / No such user',
  'user.disabled': '该用户已停用 / The user is disabled',
  'user.sign-in-name-taken': '该登录名已被使用 / The sign-in name is taken',
  'password.too-short': '密码至少12个字符 / A password has at least 12 characters',
  'password.too-long': '密码最多128个字符 / A password has at most 128 characters',
  'password.contains-sign-in-name': '密码不能包含登录名 / A password must not contain the sign-in name',
} as const;

/** Every rule code of the user aggregate and the password rules. */
export type UserRuleCode = keyof typeof MESSAGES;

/** The problem of a rule, at a field. */
export function userProblem(code: UserRuleCode, field?: string): DomainProblem {
  return { code, message: MESSAGES[code], ...(field === undefined ? {} : { field }) };
}

/** The error of one rule. */
export function userError(code: UserRuleCode, field?: string): DomainError {
  return new DomainError(userProblem(code, field));
}

/** Throws every problem found at once, or nothing. */
export function throwIfAny(problems: readonly DomainProblem[]): void {
  const [first, ...rest] = problems;
  if (first !== undefined) throw DomainError.of([first, ...rest]);
}
