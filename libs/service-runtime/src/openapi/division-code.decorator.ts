import { isDivisionCode } from '@relapse-watch/domain-kernel';
import { describeValidator } from './validation-schema';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const NON_ZERO_2 = '(?:0[1-9]|[1-9][0-9])';
const NON_ZERO_3 = '(?:00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})';

/**
 * The well-formed 12-digit division codes as a pattern (for the OpenAPI document): the nesting
 * rule of `isDivisionCode` — province; city; county; a township under a city with or without a
 * county; a village under a township. Checked against `isDivisionCode` in its spec.
 */
export const DIVISION_CODE_PATTERN = `^(?:${NON_ZERO_2}0{10}|${NON_ZERO_2}${NON_ZERO_2}(?:0{8}|${NON_ZERO_2}0{6}|[0-9]{2}${NON_ZERO_3}(?:000|${NON_ZERO_3})))$`;

describeValidator('isDivisionCode', { type: 'string', pattern: DIVISION_CODE_PATTERN });

/** A well-formed 12-digit statistical division code of any tier (refused with 400 otherwise). */
export function IsDivisionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDivisionCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isDivisionCode(value),
        defaultMessage: () => '须为12位统计用区划代码 / must be a 12-digit statistical division code',
      },
    },
    options,
  );
}
