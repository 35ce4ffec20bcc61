import { isValidResidentId, parseResidentId } from './resident-id.parser';
import { residentIdCheckCharacter } from './resident-id.check-character';
import type { ResidentIdRules } from './resident-id.types';

// Check characters below are worked out by hand with the GB 11643-1999 §7.2 weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and the table (sum mod 11) → 1 0 X 9 8 7 6 5 4 3 2.
//   11010519491231002X (the standard's own example): 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167, 167 mod 11 = 2 → X
//   510104199003070138: 35+9+0+5+0+16+2+9+54+0+0+27+0+35+0+4+6 = 202, 202 mod 11 = 4 → 8
//   440524188001010014 (the standard's other example): 195, 195 mod 11 = 8 → 4
//   510122200002290065: 35+9+0+5+16+8+4+0+0+0+0+18+20+45+0+0+12 = 172, 172 mod 11 = 7 → 5
//   510122190002290069: 179, 179 mod 11 = 3 → 9
//   510104202408210017: 192, 192 mod 11 = 5 → 7
//   510104202408200011: 187, 187 mod 11 = 0 → 1
const KNOWN_PREFIXES = new Set(['110105', '440524', '510104', '510122']);
const rules: ResidentIdRules = { today: '2024-08-20', isKnownDivision: (prefix) => KNOWN_PREFIXES.has(prefix) };

describe('residentIdCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['51010419900307013', '8'],
    ['44052418800101001', '4'],
    ['51012220000229006', '5'],
    ['51010420240820001', '1'],
  ])('of %s is %s', (first17, expected) => {
    expect(residentIdCheckCharacter(first17)).toBe(expected);
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100A'])('refuses %s (not 17 digits)', (text) => {
    expect(() => residentIdCheckCharacter(text)).toThrow(RangeError);
  });
});

describe('parseResidentId: valid numbers', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '110105', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '110105', '1949-12-31', 'female'],
    ['510104199003070138', '510104199003070138', '510104', '1990-03-07', 'male'],
    ['510122200002290065', '510122200002290065', '510122', '2000-02-29', 'female'],
    ['510104202408200011', '510104202408200011', '510104', '2024-08-20', 'male'],
  ])('%s → %s, division %s, born %s, %s', (text, value, divisionCode, birthDate, sex) => {
    expect(parseResidentId(text, rules)).toEqual({ ok: true, residentId: { value, divisionCode, birthDate, sex } });
    expect(isValidResidentId(text, rules)).toBe(true);
  });
});

describe('parseResidentId: invalid numbers', () => {
  it.each([
    ['17 characters', '51010419900307013', ['resident-id.length']],
    ['19 characters', '5101041990030701380', ['resident-id.length']],
    ['empty', '', ['resident-id.length']],
    ['null from untyped input', null as unknown as string, ['resident-id.length']],
    ['15-digit first-generation number', '510104900307013', ['resident-id.length']],
    ['a letter among the first 17', '51010419900307O138', ['resident-id.characters']],
    ['a check character other than a digit or X', '51010419900307013Y', ['resident-id.characters']],
    ['full-width digits', '５10104199003070138', ['resident-id.characters']],
    ['wrong check character', '510104199003070139', ['resident-id.check-character']],
    ['X where a digit is due', '51010419900307013X', ['resident-id.check-character']],
    ['born before 1900', '440524188001010014', ['resident-id.birth-date']],
    ['29 February 1900 (1900 is not a leap year)', '510122190002290069', ['resident-id.birth-date']],
    ['born tomorrow', '510104202408210017', ['resident-id.birth-date']],
    [
      'unknown division',
      '11010519491231002X',
      ['resident-id.division-unknown'],
      { today: '2024-08-20', isKnownDivision: () => false },
    ],
    // 13th month: the date digits change, so the check character no longer matches either.
    [
      'month 13 and a stale check character',
      '510104199013070138',
      ['resident-id.birth-date', 'resident-id.check-character'],
    ],
  ] as const)('%s', (_case, text, codes, ownRules: ResidentIdRules = rules) => {
    const result = parseResidentId(text, ownRules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(codes);
    expect(isValidResidentId(text, ownRules)).toBe(false);
  });

  it('names the field and the rule in Chinese and English, never the number', () => {
    const result = parseResidentId('510104199003070139', rules);
    if (result.ok) throw new Error('expected a problem');
    const [problem] = result.problems;
    expect(problem.field).toBe('residentId');
    expect(problem.message).toMatch(/校验码.* \/ .*check character/);
    expect(problem.message).not.toContain('510104');
  });

  it('takes the earliest birth date from the rules when given', () => {
    const strict = { ...rules, earliestBirthDate: '1950-01-01' };
    expect(isValidResidentId('11010519491231002X', strict)).toBe(false);
    expect(isValidResidentId('510104199003070138', strict)).toBe(true);
  });

  it('leaves the division to the caller when the rules give no isKnownDivision', () => {
    const unchecked = { today: '2024-08-20' };
    // 519999 never was a division; the number is otherwise well formed (weighted sum 424, mod 11 = 6 → 6).
    expect(parseResidentId('519999199003070136', unchecked)).toEqual({
      ok: true,
      residentId: { value: '519999199003070136', divisionCode: '519999', birthDate: '1990-03-07', sex: 'male' },
    });
    expect(isValidResidentId('519999199003070136', unchecked)).toBe(true);
    expect(isValidResidentId('519999199003070136', rules)).toBe(false);
    const checked = parseResidentId('519999199003070136', rules);
    expect(checked.ok ? [] : checked.problems.map((p) => p.code)).toEqual(['resident-id.division-unknown']);
  });

  it('does not ask about the division of a number that is malformed anyway', () => {
    const asked: string[] = [];
    parseResidentId('51010419900307O138', { today: '2024-08-20', isKnownDivision: (p) => (asked.push(p), true) });
    expect(asked).toEqual([]);
  });

  it('treats a malformed today as the caller’s error', () => {
    expect(() => parseResidentId('510104199003070138', { ...rules, today: '2024-02-30' })).toThrow(RangeError);
    expect(() => isValidResidentId('510104199003070138', { ...rules, today: '20240820' })).toThrow(RangeError);
  });
});
