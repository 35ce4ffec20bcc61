import { assertNever, DomainError, type DomainProblem } from '../errors/domain-error';

/**
 * An amount of money in fen (分, 1/100 yuan) as a safe integer. Integer fen keep sums exact:
 * 0.1 + 0.2 yuan in floating point is 0.30000000000000004, 10 + 20 fen is 30. Event payloads
 * name such fields with a `Fen` suffix so no reader takes them for yuan.
 */
export type Fen = number;

/** Rule codes a money amount can fail. */
export type MoneyProblemCode = 'money.format' | 'money.precision' | 'money.range';

/** The outcome of parsing an amount in yuan. */
export type MoneyResult =
  | { readonly ok: true; readonly fen: Fen }
  | { readonly ok: false; readonly problem: DomainProblem & { readonly code: MoneyProblemCode } };

/**
 * How a quotient is rounded to the fen. `half-up` rounds halves away from zero (四舍五入, Java's
 * RoundingMode.HALF_UP): the usual rule for amounts shown to people. `half-even` (banker's
 * rounding) rounds halves to the even fen, for sums of many rounded figures.
 */
export type Rounding = 'half-up' | 'half-even';

const MESSAGES: Readonly<Record<MoneyProblemCode, string>> = {
  'money.format': '金额格式错误：应为十进制数字（元） / An amount is a decimal number of yuan',
  'money.precision': '金额最多保留两位小数（分） / An amount has at most two decimals (fen)',
  'money.range': '金额超出可处理范围 / The amount is outside the range that can be held exactly',
};

/** The problem for a rule; `field` names the input the amount came from. */
export function moneyProblem(
  code: MoneyProblemCode,
  field?: string,
): DomainProblem & { readonly code: MoneyProblemCode } {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/**
 * Parses an amount of yuan: text like `12345`, `-80.5` or `0.07` (an optional `-`, digits, and
 * an optional `.` with decimals; no `+`, spaces or thousands separators), or a finite number,
 * which is read through its shortest decimal text so that 1.005 is refused for its third decimal
 * rather than silently rounded. Decimals past the second must be zeros (`1.500` is 1.50 yuan).
 */
export function parseYuan(input: string | number): MoneyResult {
  // JSON and spreadsheet cells can carry null or booleans whatever the type says.
  if (typeof input !== 'string' && typeof input !== 'number')
    return { ok: false, problem: moneyProblem('money.format') };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: moneyProblem('money.format') };
    if (Math.abs(input) * 100 > Number.MAX_SAFE_INTEGER) return { ok: false, problem: moneyProblem('money.range') };
  }
  const text = typeof input === 'number' ? String(input) : input;
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  let whole = 0;
  const wholeStart = i;
  for (; i < text.length && text.charCodeAt(i) !== 46; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return { ok: false, problem: moneyProblem('money.format') };
    whole = whole * 10 + digit;
  }
  // A point needs digits on both sides: "5." and ".5" are typing slips, not amounts.
  if (i === wholeStart || i === text.length - 1) return { ok: false, problem: moneyProblem('money.format') };
  let fraction = 0;
  let beyondFen = false;
  for (let j = i + 1; j < text.length; j++) {
    const digit = text.charCodeAt(j) - 48;
    if (!(digit >= 0 && digit <= 9)) return { ok: false, problem: moneyProblem('money.format') };
    const place = j - i;
    if (place === 1) fraction += digit * 10;
    else if (place === 2) fraction += digit;
    else if (digit !== 0) beyondFen = true;
  }
  if (beyondFen) return { ok: false, problem: moneyProblem('money.precision') };
  const fen = whole * 100 + fraction;
  if (!Number.isSafeInteger(fen)) return { ok: false, problem: moneyProblem('money.range') };
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

/** {@link parseYuan} for trusted input: throws the problem as a DomainError, with `field` when given. */
export function yuanToFen(input: string | number, field?: string): Fen {
  const result = parseYuan(input);
  if (!result.ok) throw new DomainError(field === undefined ? result.problem : { ...result.problem, field });
  return result.fen;
}

function requireFen(amount: Fen): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError('money: amounts are safe integers of fen');
}

function checkedResult(fen: number): Fen {
  if (!Number.isSafeInteger(fen)) throw new DomainError(moneyProblem('money.range'));
  return fen;
}

/** The sum of amounts in fen; throws `money.range` when it leaves the exact integer range. */
export function addFen(...amounts: readonly Fen[]): Fen {
  let sum = 0;
  for (const amount of amounts) {
    requireFen(amount);
    sum += amount;
  }
  return checkedResult(sum);
}

/** `minuend − subtrahend` in fen; throws `money.range` when it leaves the exact integer range. */
export function subtractFen(minuend: Fen, subtrahend: Fen): Fen {
  requireFen(minuend);
  requireFen(subtrahend);
  return checkedResult(minuend - subtrahend);
}

/**
 * An amount shared over `count` parts, rounded to the fen as stated. Computed in BigInt so the
 * remainder is exact for every safe amount. Throws a RangeError when `count` is not a positive
 * integer.
 */
export function divideFen(amount: Fen, count: number, rounding: Rounding): Fen {
  requireFen(amount);
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError('divideFen: the count is a positive integer');
  const magnitude = BigInt(Math.abs(amount));
  const divisor = BigInt(count);
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && roundsHalfAway(rounding, quotient))) quotient += 1n;
  const result = Number(quotient);
  return amount < 0 && result !== 0 ? -result : result;
}

function roundsHalfAway(rounding: Rounding, truncated: bigint): boolean {
  switch (rounding) {
    case 'half-up':
      return true;
    case 'half-even':
      return truncated % 2n === 1n;
    default:
      return assertNever(rounding, 'rounding');
  }
}

/** The amount as yuan with exactly two decimals and no grouping, e.g. `12345.60`, `-0.05`. */
export function formatYuan(amount: Fen): string {
  requireFen(amount);
  const magnitude = Math.abs(amount);
  const cents = magnitude % 100;
  // (magnitude − cents) / 100 is exact; Math.floor(magnitude / 100) can round up near 2^53.
  const yuan = (magnitude - cents) / 100;
  return `${amount < 0 ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}
