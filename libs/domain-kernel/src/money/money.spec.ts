import { DomainError } from '../errors/domain-error';
import { addFen, divideFen, formatYuan, parseYuan, subtractFen, yuanToFen } from './money';

const MAX_FEN = Number.MAX_SAFE_INTEGER; // 9007199254740991 fen = 90071992547409.91 yuan

describe('parseYuan', () => {
  it.each([
    ['12345', 1_234_500],
    ['-80.5', -8_050],
    ['0.07', 7],
    ['1.500', 150],
    ['007.10', 710],
    ['-0', 0],
    ['90071992547409.91', MAX_FEN],
    [12.34, 1_234],
    [0.1, 10],
    [-3, -300],
  ])('%j yuan is %i fen', (input, fen) => {
    const result = parseYuan(input);
    expect(result).toEqual({ ok: true, fen });
    // -0 fen would print as "-0.00" and compare unequal under Object.is.
    if (result.ok) expect(Object.is(result.fen, -0)).toBe(false);
  });

  it.each([
    ['', 'money.format'],
    ['-', 'money.format'],
    ['5.', 'money.format'],
    ['.5', 'money.format'],
    ['1,000', 'money.format'],
    [' 12', 'money.format'],
    ['+12', 'money.format'],
    ['1e3', 'money.format'],
    ['１２', 'money.format'],
    ['12元', 'money.format'],
    [Number.NaN, 'money.format'],
    [Number.POSITIVE_INFINITY, 'money.format'],
    ['1.005', 'money.precision'],
    ['0.001', 'money.precision'],
    [1.005, 'money.precision'],
    // Floating-point drift is refused, not rounded away.
    [0.1 + 0.2, 'money.precision'],
    ['90071992547409.92', 'money.range'],
    ['99999999999999999999', 'money.range'],
    [1e14, 'money.range'],
    [null as unknown as string, 'money.format'],
    [true as unknown as string, 'money.format'],
  ])('%j fails %s', (input, code) => {
    const result = parseYuan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.message).toContain(' / ');
    }
  });

  it('yuanToFen throws the problem at the given field', () => {
    expect(yuanToFen('1.20', 'wagesYuan')).toBe(120);
    let thrown: unknown;
    try {
      yuanToFen('1.234', 'wagesYuan');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'money.precision', field: 'wagesYuan' });
  });
});

describe('arithmetic in fen', () => {
  it('adds and subtracts exactly', () => {
    expect(addFen(10, 20)).toBe(30);
    expect(addFen()).toBe(0);
    expect(addFen(1_800_000, 650_050, 30_000, 240_025)).toBe(2_720_075);
    expect(subtractFen(100, 250)).toBe(-150);
  });

  it('refuses to leave the exact range or take fractions of a fen', () => {
    expect(() => addFen(MAX_FEN, 1)).toThrow(DomainError);
    expect(() => subtractFen(-MAX_FEN, 1)).toThrow(DomainError);
    expect(() => addFen(1.5)).toThrow(RangeError);
  });

  it.each([
    [1_000, 3, 'half-up', 333], // 333.33…
    [2, 3, 'half-up', 1], // 0.67
    [1, 3, 'half-up', 0], // 0.33
    [-1, 3, 'half-up', 0], // −0.33, and not −0
    [1_001, 2, 'half-up', 501], // 500.5 → away from zero
    [-1_001, 2, 'half-up', -501],
    [5, 2, 'half-up', 3],
    [1_001, 2, 'half-even', 500], // 500.5 → even
    [1_003, 2, 'half-even', 502], // 501.5 → even
    [1_007, 4, 'half-even', 252], // 251.75 → nearest
    [MAX_FEN, 2, 'half-up', 4_503_599_627_370_496], // …495.5 exactly, no float error
  ] as const)('%i ÷ %i rounded %s is %i', (amount, count, rounding, expected) => {
    const quotient = divideFen(amount, count, rounding);
    expect(quotient).toBe(expected);
    expect(Object.is(quotient, -0)).toBe(false);
  });

  it.each([0, -2, 1.5])('refuses to divide by %p', (count) => {
    expect(() => divideFen(100, count, 'half-up')).toThrow(RangeError);
  });

  it.each([
    [1_234_560, '12345.60'],
    [-5, '-0.05'],
    [0, '0.00'],
    [7, '0.07'],
    [100, '1.00'],
    [MAX_FEN, '90071992547409.91'],
    [-MAX_FEN, '-90071992547409.91'],
  ])('formats %i fen as %s yuan', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
