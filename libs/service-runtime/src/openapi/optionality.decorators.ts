import { ValidateIf, type ValidationOptions } from 'class-validator';

// Decorators for when a DTO property may be left out, stated so that the OpenAPI document
// (openapi.setup.ts) and the validation pipe say the same thing.

/** A property required only when another property holds one of some values. */
export interface ConditionalRequirement {
  readonly property: string;
  readonly when: string;
  readonly values: readonly string[];
}

const conditionalRequirements = new Map<string, ConditionalRequirement[]>();

/**
 * `@RequiredWhen('kind', ['poverty-alleviated'])`: the property must be present when `kind` is
 * one of the values; when present it is always checked (so the API never accepts a value the
 * document calls invalid). The OpenAPI document states the rule as an `anyOf` on the class.
 */
export function RequiredWhen(when: string, values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    ValidateIf(
      (o: Record<string, unknown>) => values.includes(o[when] as string) || o[property] !== undefined,
      options,
    )(target, key);
    const name = target.constructor.name;
    conditionalRequirements.set(name, [...(conditionalRequirements.get(name) ?? []), { property, when, values }]);
  };
}

/** The conditional requirements declared on DTO classes, by class name (the OpenAPI schema name). */
export function conditionalRequirementsByClass(): ReadonlyMap<string, readonly ConditionalRequirement[]> {
  return conditionalRequirements;
}

/**
 * A property that may be left out. Unlike class-validator's `@IsOptional()`, which also lets
 * `null` through unchecked, `null` is a value here and must pass the property's rules — as the
 * OpenAPI document, which does not call the property nullable, says.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
