/**
 * Weights of positions 1–17 in the ISO 7064 MOD 11-2 check of GB 11643-1999 §7.2:
 * W(i) = 2^(i−1) mod 11, counted from the right with the check character at i = 1.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character by (weighted sum mod 11): the value (12 − s) mod 11, with 10 written `X`. */
const CHECK_BY_REMAINDER = '10X98765432';

/** Char code of the check character by (weighted sum mod 11), for the hot path. */
const CHECK_CODE_BY_REMAINDER: readonly number[] = Array.from(CHECK_BY_REMAINDER, (c) => c.charCodeAt(0));

/**
 * Weighted sum of the first 17 digits, or -1 when one of them is not an ASCII digit. A charCode
 * loop without allocation: validation has to reach a million IDs a second (issue 4 targets).
 */
export function weightedDigitSum(text: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    sum += digit * WEIGHTS[i];
  }
  return sum;
}

/** Char code (`0`–`9` or upper-case `X`) of the check character for a weighted sum. */
export function checkCharCodeFor(weightedSum: number): number {
  return CHECK_CODE_BY_REMAINDER[weightedSum % 11];
}

/**
 * The MOD 11-2 check character (`0`–`9` or `X`) for the first 17 digits of a resident ID,
 * e.g. to make valid numbers in a data generator. Throws when `first17` is not 17 ASCII digits.
 */
export function residentIdCheckCharacter(first17: string): string {
  const sum = first17.length === 17 ? weightedDigitSum(first17) : -1;
  if (sum < 0) throw new RangeError('residentIdCheckCharacter: expected exactly 17 digits');
  return CHECK_BY_REMAINDER[sum % 11];
}
