import { assertNever, atField, DomainError } from './domain-error';

describe('DomainError', () => {
  it('carries the first problem as its own and keeps them all', () => {
    const first = { code: 'resident-id.birth-date', field: 'residentId', message: '出生日期无效 / invalid birth date' };
    const second = {
      code: 'resident-id.check-character',
      field: 'residentId',
      message: '校验码不符 / check character',
    };
    const error = DomainError.of([first, second]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('resident-id.birth-date');
    expect(error.field).toBe('residentId');
    expect(error.message).toBe('出生日期无效 / invalid birth date');
    expect(error.problems).toEqual([first, second]);
  });

  it('has no field when the problem names none', () => {
    const error = new DomainError({ code: 'household.not-registered', message: '户未登记 / not registered' });
    expect(error.field).toBeUndefined();
    expect(JSON.parse(JSON.stringify({ ...error }))).not.toHaveProperty('field');
  });

  it('moves a problem to another field', () => {
    expect(atField({ code: 'money.format', field: 'amount', message: 'm' }, 'components.wagesYuan')).toEqual({
      code: 'money.format',
      field: 'components.wagesYuan',
      message: 'm',
    });
  });
});

describe('assertNever', () => {
  it('names only the discriminant of an unexpected value, never its data', () => {
    const unexpected = { type: 'MemberAdded', data: { personal: { name: '张三' } } } as never;
    expect(() => assertNever(unexpected, 'event')).toThrow(new TypeError('Unexpected event: MemberAdded'));
    expect(() => assertNever({ kind: 'monitored' } as never)).toThrow('Unexpected value: monitored');
    expect(() => assertNever({ secret: '张三' } as never)).toThrow(/^Unexpected value$/);
  });
});
