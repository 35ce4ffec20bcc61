import { maskPhone, maskResidentId } from './resident-id.mask';

describe('masking', () => {
  it('keeps the first and last four characters of a resident ID and hides the birth date', () => {
    expect(maskResidentId('51330119800101041X')).toBe('5133**********041X');
    expect(maskResidentId('51330119800101041X')).not.toContain('19800101');
  });

  it('hides a value of any other length whole', () => {
    expect(maskResidentId('5133011980')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });

  it('keeps the first three and last four digits of a mobile number, the last two of a short one', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345678')).toBe('******78');
  });
});
