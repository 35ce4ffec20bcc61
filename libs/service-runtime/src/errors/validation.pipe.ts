import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RequestValidationFailed, type ApiFieldError } from './api-error';

/**
 * The global pipe: unknown properties are refused (not silently dropped, so a misspelt field
 * is an error the caller sees), and DTOs arrive as class instances with their types converted.
 * Needs decorator metadata from the compiler: tsc or swc with `decoratorMetadata`, never esbuild.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationFailed(fieldErrors(errors)),
  });
}

/** Flattens class-validator's tree of errors into one entry per field and rule broken. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent && error.property ? `${parent}.${error.property}` : parent || error.property || 'body';
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: ruleCode(rule),
      message: bilingual(rule, message),
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function ruleCode(rule: string): string {
  if (rule === 'whitelistValidation') return 'property.unknown';
  if (rule === 'unknownValue') return 'body.invalid';
  return rule.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Chinese for class-validator's own rules, put first where a DTO gave no `中文 / English` message
 * of its own (officials read the Chinese; the English is class-validator's, naming the property
 * and the bound, never the value).
 */
const RULES_IN_CHINESE: Readonly<Record<string, string>> = {
  min: '数值小于下限',
  max: '数值大于上限',
  isInt: '须为整数',
  isNumber: '须为数字',
  isString: '须为文本',
  isBoolean: '须为是或否（true/false）',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  matches: '格式不符',
  maxLength: '过长',
  minLength: '过短',
  isNotEmpty: '不能为空',
  isDefined: '必填',
  isUuid: '须为 UUID',
  isArray: '须为数组',
  arrayMinSize: '项数过少',
  arrayMaxSize: '项数过多',
  arrayUnique: '有重复项',
  isObject: '须为对象',
  nestedValidation: '须为对象',
  whitelistValidation: '不允许的字段',
  unknownValue: '请求体无法识别',
};

function bilingual(rule: string, message: string): string {
  if (message.includes(' / ')) return message;
  return `${RULES_IN_CHINESE[rule] ?? '校验未通过'} / ${message}`;
}
