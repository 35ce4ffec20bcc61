import { DomainError } from '../errors/domain-error';
import {
  countyPrefix,
  divisionAncestors,
  divisionFromPrefix,
  divisionTier,
  isDivisionCode,
  isWithin,
  parentDivision,
  parseDivisionCode,
} from './division-code';

const SICHUAN = '510000000000';
const CHENGDU = '510100000000';
const JINJIANG = '510104000000';
const TOWNSHIP = '510104020000';
const VILLAGE = '510104020001';
// Dongguan has no county tier: its townships hang directly under the city.
const DONGGUAN = '441900000000';
const DONGGUAN_TOWNSHIP = '441900003000';
const DONGGUAN_VILLAGE = '441900003001';

function formatError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('division codes', () => {
  it.each([
    [SICHUAN, 'province'],
    [CHENGDU, 'city'],
    [JINJIANG, 'county'],
    [TOWNSHIP, 'township'],
    [VILLAGE, 'village'],
    [DONGGUAN, 'city'],
    [DONGGUAN_TOWNSHIP, 'township'],
    [DONGGUAN_VILLAGE, 'village'],
  ])('%s is a %s code', (code, tier) => {
    expect(parseDivisionCode(code)).toEqual({ ok: true, code, tier });
    expect(divisionTier(code)).toBe(tier);
  });

  it.each([
    ['11 digits', '51010402000'],
    ['13 digits', '5101040200011'],
    ['a letter', '51010402000a'],
    ['full-width digit', '５10104020001'],
    ['all zeros', '000000000000'],
    ['no province', '000100000000'],
    ['a county without a prefecture', '510004000000'],
    ['a village without a township', '510104000001'],
    ['surrounding space', ' 51010402000'],
    ['a number instead of text', 510104020001 as unknown as string],
    ['null', null as unknown as string],
  ])('rejects %s', (_case, code) => {
    const result = parseDivisionCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ code: 'division-code.format', field: 'divisionCode' });
    expect(isDivisionCode(code)).toBe(false);
    const error = formatError(() => divisionTier(code));
    expect(error.code).toBe('division-code.format');
    expect(error.message).toMatch(/行政区划代码.* \/ .*division code/);
  });

  it.each([
    [VILLAGE, TOWNSHIP],
    [TOWNSHIP, JINJIANG],
    [JINJIANG, CHENGDU],
    [CHENGDU, SICHUAN],
    [SICHUAN, null],
    [DONGGUAN_VILLAGE, DONGGUAN_TOWNSHIP],
    [DONGGUAN_TOWNSHIP, DONGGUAN],
  ])('the parent of %s is %s', (code, parent) => {
    expect(parentDivision(code)).toBe(parent);
  });

  it.each([
    [VILLAGE, [SICHUAN, CHENGDU, JINJIANG, TOWNSHIP]],
    [JINJIANG, [SICHUAN, CHENGDU]],
    [SICHUAN, []],
    [DONGGUAN_VILLAGE, ['440000000000', DONGGUAN, DONGGUAN_TOWNSHIP]],
  ])('the ancestors of %s, province first', (code, ancestors) => {
    expect(divisionAncestors(code)).toEqual(ancestors);
  });

  it.each([
    [VILLAGE, SICHUAN, true],
    [VILLAGE, CHENGDU, true],
    [VILLAGE, JINJIANG, true],
    [VILLAGE, TOWNSHIP, true],
    [VILLAGE, VILLAGE, true],
    [VILLAGE, '510104020011', false],
    [VILLAGE, '510104021000', false],
    [VILLAGE, '510105000000', false],
    [VILLAGE, '520000000000', false],
    [CHENGDU, JINJIANG, false],
    [DONGGUAN_VILLAGE, DONGGUAN, true],
    [DONGGUAN_VILLAGE, '441800000000', false],
  ])('isWithin(%s, %s) is %s', (code, unit, within) => {
    expect(isWithin(code, unit)).toBe(within);
  });

  it('isWithin refuses a malformed code on either side', () => {
    expect(formatError(() => isWithin('5101040200', SICHUAN)).code).toBe('division-code.format');
    expect(formatError(() => isWithin(VILLAGE, '51')).code).toBe('division-code.format');
  });

  it.each([
    [VILLAGE, '510104'],
    [DONGGUAN_VILLAGE, '441900'],
    [CHENGDU, '510100'],
  ])('countyPrefix(%s) is %s', (code, prefix) => {
    expect(countyPrefix(code)).toBe(prefix);
  });

  it('turns a 6-digit GB/T 2260 code into a 12-digit one, refusing malformed ones', () => {
    expect(divisionFromPrefix('510104')).toBe(JINJIANG);
    expect(divisionFromPrefix('441900')).toBe(DONGGUAN);
    for (const bad of ['5101', '000000', '51010a', VILLAGE])
      expect(formatError(() => divisionFromPrefix(bad)).code).toBe('division-code.format');
  });
});
