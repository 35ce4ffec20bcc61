import { describeValidator } from '@relapse-watch/service-runtime';
import { ValidateBy, type ValidationOptions } from 'class-validator';

describeValidator('isYuan', {
  oneOf: [{ type: 'number' }, { type: 'string', maxLength: 32 }],
  example: '12345.60',
});

/**
 * An amount of yuan as a JSON number or a decimal string (`"12345.60"`). Only the type is
 * checked here (400); the amount's rules — not negative, at most two decimals — are the
 * domain's (422 with `money.*`), so the import and the API refuse the same amounts alike. The
 * length counts characters (code points), as the document's `maxLength` does.
 */
export function IsYuan(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYuan',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && [...value].length <= 32),
        defaultMessage: () =>
          '须为金额（数字或十进制字符串）/ must be an amount of yuan (a number or a decimal string)',
      },
    },
    options,
  );
}
