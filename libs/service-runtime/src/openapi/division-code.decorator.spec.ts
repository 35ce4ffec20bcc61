import { describe, expect, it } from '@jest/globals';
import { isDivisionCode } from '@relapse-watch/domain-kernel';
import { DIVISION_CODE_PATTERN } from './division-code.decorator';

describe('DIVISION_CODE_PATTERN (what the OpenAPI document says a division code is)', () => {
  const pattern = new RegExp(DIVISION_CODE_PATTERN);

  it.each([
    ['510000000000', true],
    ['511900000000', true],
    ['511923000000', true],
    ['511923101000', true],
    ['511923101201', true],
    ['441900003000', true], // a township of a city without counties
    ['000000000000', false],
    ['510023000000', false], // a county without a city
    ['510000101000', false],
    ['511923000201', false], // a village without a township
    ['51192310120', false],
    ['51192310120x', false],
  ])('%s well-formed: %s, as isDivisionCode says', (code, wellFormed) => {
    expect(pattern.test(code)).toBe(wellFormed);
    expect(isDivisionCode(code)).toBe(wellFormed);
  });

  it('agrees with isDivisionCode on every code built from zero and non-zero segments', () => {
    const segments = [
      ['00', '01', '51', '99'],
      ['00', '07', '19'],
      ['00', '23', '90'],
      ['000', '001', '101', '900'],
      ['000', '010', '201', '999'],
    ];
    const codes = segments.reduce<string[]>(
      (prefixes, options) => prefixes.flatMap((p) => options.map((o) => p + o)),
      [''],
    );
    const disagreeing = codes.filter((code) => pattern.test(code) !== isDivisionCode(code));
    expect(codes).toHaveLength(576);
    expect(codes.filter((code) => isDivisionCode(code)).length).toBeGreaterThan(50);
    expect(disagreeing).toEqual([]);
  });
});
