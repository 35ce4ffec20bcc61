import { describe, expect, it } from '@jest/globals';
import { ApiFailure, fieldMessages } from './api-error';

describe('a refusal by form field', () => {
  const fields = ['signInName', 'villageCodes', 'reason'];

  it('puts each field error of a 400 under its top-level field, the rest above the form', () => {
    const error = new ApiFailure(400, 'validation.failed', '校验失败 / failed', undefined, [
      { field: 'villageCodes.1', code: 'matches', message: '须为12位 / 12 digits' },
      { field: 'signInName', code: 'matches', message: '格式无效 / malformed' },
      { field: 'extra', code: 'property.unknown', message: '未知 / unknown' },
    ]);
    expect([...fieldMessages(error, fields)]).toEqual([
      ['villageCodes', ['须为12位 / 12 digits']],
      ['signInName', ['格式无效 / malformed']],
      ['', ['未知 / unknown']],
    ]);
  });

  it('puts a rule’s refusal under the field it names, or above the form when it names none', () => {
    const taken = new ApiFailure(409, 'user.sign-in-name-taken', '登录名已被使用 / taken', 'signInName');
    expect([...fieldMessages(taken, fields)]).toEqual([['signInName', ['登录名已被使用 / taken']]]);
    const outside = new ApiFailure(422, 'user.village-outside-unit', '不在单位内 / outside', 'villageCodes.0');
    expect([...fieldMessages(outside, fields)]).toEqual([['villageCodes', ['不在单位内 / outside']]]);
    const bare = new ApiFailure(422, 'user.something', '不行 / no');
    expect([...fieldMessages(bare, fields)]).toEqual([['', ['不行 / no']]]);
  });
});
