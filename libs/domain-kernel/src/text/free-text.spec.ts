import { throwIfAny } from '../errors/domain-error';
import { freeTextFault, hasControlCharacter } from './free-text';

describe('hasControlCharacter', () => {
  it.each(['\u0000', 'a\tb', 'line\n', '\u001f', '\u007f', 'x\u0085', '\u009f'])('finds one in %j', (text) => {
    expect(hasControlCharacter(text)).toBe(true);
  });

  it.each(['', '张三', 'No. 12-3', '\u00a0nbsp', 'ꡀ𠀀'])('finds none in %j', (text) => {
    expect(hasControlCharacter(text)).toBe(false);
  });
});

describe('freeTextFault', () => {
  it.each([undefined, null, 42, '', '   '])('calls %p missing', (value) => {
    expect(freeTextFault(value, 10)).toBe('required');
  });

  it.each([' 张三', '张三 ', '张\n三', '0123456789A'])('calls %j out of shape at 10 characters', (value) => {
    expect(freeTextFault(value, 10)).toBe('format');
  });

  it('counts code points: ten supplementary-plane characters fit in ten', () => {
    const ten = '𠀀'.repeat(10);
    expect(ten.length).toBe(20);
    expect(freeTextFault(ten, 10)).toBeNull();
    expect(freeTextFault(`${ten}𠀀`, 10)).toBe('format');
  });

  it('accepts a plain name', () => {
    expect(freeTextFault('阿西木呷', 64)).toBeNull();
  });
});

describe('throwIfAny', () => {
  it('returns on no problems and throws them all as one DomainError', () => {
    expect(() => throwIfAny([])).not.toThrow();
    const problems = [
      { code: 'a.one', field: 'x', message: 'm1' },
      { code: 'b.two', message: 'm2' },
    ];
    expect(() => throwIfAny(problems)).toThrow(expect.objectContaining({ code: 'a.one', field: 'x', problems }));
  });
});
