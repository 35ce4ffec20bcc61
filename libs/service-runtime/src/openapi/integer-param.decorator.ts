import { Transform } from 'class-transformer';

/**
 * A query or path parameter that is an integer: the digits (optionally signed) become a number,
 * anything else stays a string for `@IsInt()` to refuse. Unlike `@Type(() => Number)`, `"2024.0"`,
 * `"1e3"` and `" 7"` are refused, as the document's `type: integer` says.
 */
export function IntegerParam(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value,
  );
}
