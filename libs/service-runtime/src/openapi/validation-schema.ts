import { getMetadataStorage, IsDefined } from 'class-validator';

// @nestjs/swagger's metadata keys for model properties (its `DECORATORS`, not exported by the package).
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
} as const;

/** The part of class-validator's rule metadata read here (its `ValidationMetadata`). */
interface ValidationMetadata {
  readonly type: string;
  readonly name?: string;
  readonly propertyName: string;
  readonly constraints?: readonly unknown[];
  readonly each?: boolean;
}

/** A JSON Schema fragment as OpenAPI 3.0 writes it. */
export type SchemaFragment = Readonly<Record<string, unknown>>;

// Schemas of custom validators (`ValidateBy` names) that have no built-in translation.
const describedValidators = new Map<string, SchemaFragment>();

/**
 * Gives a custom class-validator rule (its `ValidateBy` name) the schema the OpenAPI document
 * shows for it, e.g. an amount that is a number or a decimal string. Call it where the
 * decorator is defined; the schema replaces the property's type.
 */
export function describeValidator(name: string, schema: SchemaFragment): void {
  describedValidators.set(name, schema);
}

// `\d` in a JavaScript pattern means ASCII digits; in the JSON Schema tools that read the
// document (Python's `re`) it means any Unicode digit. `[0-9]` means the same to both.
function portablePattern(pattern: RegExp): string {
  return pattern.source.replace(/(?<!\\)\\d/g, '[0-9]');
}

/** The schema keywords one validation rule stands for (empty when it has none). */
function keywordsOf(rule: ValidationMetadata): Record<string, unknown> {
  const [a, b] = (rule.constraints ?? []) as unknown[];
  const described = rule.name === undefined ? undefined : describedValidators.get(rule.name);
  if (described !== undefined) return { ...described };
  switch (rule.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'min':
      return { minimum: a };
    case 'max':
      return { maximum: a };
    case 'isLength':
      return { minLength: a, ...(b === undefined ? {} : { maxLength: b }) };
    case 'minLength':
      return { minLength: a };
    case 'maxLength':
      return { maxLength: a };
    case 'matches':
      return a instanceof RegExp ? { pattern: portablePattern(a) } : { pattern: String(a) };
    case 'isIn':
      return { enum: [...(a as readonly unknown[])] };
    case 'isUuid':
      return { format: 'uuid' };
    case 'arrayMinSize':
      return { minItems: a };
    case 'arrayMaxSize':
      return { maxItems: a };
    case 'arrayUnique':
      return { uniqueItems: true };
    default:
      return {};
  }
}

function allRules(): ReadonlyMap<abstract new (...args: never[]) => unknown, readonly ValidationMetadata[]> {
  const rules = (getMetadataStorage() as unknown as { validationMetadatas?: unknown }).validationMetadatas;
  if (!(rules instanceof Map)) throw new Error('class-validator has no readable metadata store (a new major version?)');
  return rules as ReadonlyMap<abstract new (...args: never[]) => unknown, readonly ValidationMetadata[]>;
}

type PropertyMetadata = Record<string, unknown>;

/** The names of DTO classes whose properties are all listed (the pipe refuses unknown ones). */
const closedClasses = new Set<string>();

/**
 * Makes every DTO's document and validation agree, before the document is built:
 * - every class-validator rule goes into the OpenAPI property metadata — patterns, bounds,
 *   lengths, enums, integer types, item rules (`each`), optionality; what a DTO declares itself
 *   with `@ApiProperty` wins;
 * - a property the document calls required, with no `@IsOptional` or condition, is also
 *   required by validation (`@ValidateNested()` alone lets a missing object through);
 * - the class is recorded as closed: the validation pipe refuses unknown properties, so its
 *   schema gets `additionalProperties: false` ({@link closeDtoSchemas}).
 * Repeated runs change nothing.
 */
export function documentValidationRules(): void {
  for (const [target, rules] of allRules()) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [property, own] of byProperty) {
      documentProperty(target.prototype as object, property, own);
      requireDocumentedProperty(target.prototype as object, property, own);
    }
    closedClasses.add(target.name);
  }
}

function requireDocumentedProperty(prototype: object, property: string, rules: readonly ValidationMetadata[]): void {
  const documented = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) as PropertyMetadata;
  const conditional = rules.some((r) => r.type === 'conditionalValidation');
  if (documented['required'] === false || conditional || rules.some((r) => r.name === 'isDefined')) return;
  IsDefined()(prototype, property);
}

/** `additionalProperties: false` on the schema of every DTO class the validation pipe checks. */
export function closeDtoSchemas(schemas: Record<string, unknown>): void {
  for (const [name, schema] of Object.entries(schemas))
    if (closedClasses.has(name)) (schema as Record<string, unknown>)['additionalProperties'] = false;
}

function documentProperty(prototype: object, property: string, rules: readonly ValidationMetadata[]): void {
  const existing = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) ??
    {}) as PropertyMetadata;
  const own = { ...existing };
  const items: Record<string, unknown> = {};
  let optional = false;
  for (const rule of rules) {
    // @IsOptional, Optional() and @RequiredWhen all let the property be left out (sometimes).
    if (rule.type === 'conditionalValidation') optional = true;
    const keywords = keywordsOf(rule);
    Object.assign(rule.each === true ? items : own, keywords);
  }
  // Declared metadata wins over what is derived here.
  const merged: PropertyMetadata = { ...own, ...existing };
  if (rules.some((r) => r.name === 'isInt') && merged['type'] === Number) merged['type'] = 'integer';
  if (Object.keys(items).length > 0) merged['items'] = { ...items, ...(existing['items'] as object | undefined) };
  if (optional && existing['required'] !== true) merged['required'] = false;
  if (merged['type'] === undefined && !('$ref' in merged))
    merged['type'] = Reflect.getMetadata('design:type', prototype, property) as unknown;
  const list = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) ?? []) as string[];
  if (!list.includes(`:${property}`))
    Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...list, `:${property}`], prototype);
  Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, prototype, property);
}

/**
 * A property whose schema is a `oneOf` names its types in the alternatives; @nestjs/swagger
 * still writes the TypeScript design type next to it (`object` for `string | number`), which
 * would make it unsatisfiable. Drops that `type`.
 */
export function dropTypesBesideOneOf(schemas: Record<string, unknown>): void {
  for (const schema of Object.values(schemas)) {
    const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
    for (const property of Object.values(properties)) if ('oneOf' in property) delete property['type'];
  }
}
