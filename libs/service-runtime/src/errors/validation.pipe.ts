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
      message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function ruleCode(rule: string): string {
  if (rule === 'whitelistValidation') return 'property.unknown';
  if (rule === 'unknownValue') return 'body.invalid';
  return rule.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
