import { isIsoDate } from '@relapse-watch/domain-kernel';
import { describeValidator } from './validation-schema';
import { ValidateBy, type ValidationOptions } from 'class-validator';

describeValidator('isCalendarDate', { type: 'string', format: 'date' });

/** A real calendar date written `YYYY-MM-DD` (`2024-02-30` is refused); the document says `format: date`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => '日期须为 YYYY-MM-DD / a date is YYYY-MM-DD',
      },
    },
    options,
  );
}
