import type { DomainProblem } from '@relapse-watch/domain-kernel';

// Small checks shared by the rule set's validation: each pushes a problem at its field and
// never includes more than the field's name and the rule in the message.

export type Problems = DomainProblem[];

export function parameterInvalid(problems: Problems, field: string, expected: string): void {
  problems.push({
    code: 'rule-set.parameter-invalid',
    field,
    message: `规则参数须为${expected.split(' / ')[0]} / The rule parameter must be ${expected.split(' / ')[1]}`,
  });
}

export function checkShare(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !(value > 0 && value <= 1))
    parameterInvalid(problems, field, '0到1之间的比例 / a share above 0, at most 1');
}

export function checkDays(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 3660)
    parameterInvalid(problems, field, '1至3660的天数 / a whole number of days from 1 to 3660');
}

export function checkFen(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    parameterInvalid(problems, field, '非负整数（分） / a non-negative whole number of fen');
}

export function checkPositiveNumber(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    parameterInvalid(problems, field, '正数 / a positive number');
}

export function checkCount(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    parameterInvalid(problems, field, '正整数 / a positive whole number');
}

export function checkGrade(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 4)
    parameterInvalid(problems, field, '1至4级的残疾等级 / a disability grade from 1 to 4');
}

export function checkWords(problems: Problems, value: unknown, field: string, allowed?: readonly string[]): void {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((word) => typeof word === 'string' && word !== '' && (allowed === undefined || allowed.includes(word)));
  if (!ok)
    parameterInvalid(
      problems,
      field,
      allowed === undefined
        ? '非空的代码列表 / a non-empty list of codes'
        : `非空列表，取值为${allowed.join('、')} / a non-empty list of ${allowed.join(', ')}`,
    );
}

export function checkText(problems: Problems, value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') parameterInvalid(problems, field, '非空文字 / non-empty text');
}

export function checkOneOf(problems: Problems, value: unknown, field: string, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    parameterInvalid(problems, field, `${allowed.join('、')}之一 / one of ${allowed.join(', ')}`);
}
