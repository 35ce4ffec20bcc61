import { readRegistrationPrefixes, type RegistrationPrefixTable } from './registration-prefixes';

/** A county-level code no longer in use, with the year it went and, where known, the code that took over. */
export interface RetiredRegistrationPrefix {
  readonly code: string;
  readonly name: string;
  /** The first year no source edition lists it. */
  readonly retired: number;
  /**
   * Today's county of the same prefecture (else province) whose name has the same stem (双流县 →
   * 双流区, 郫县 → 郫都区 is not found): the sources record no successions, so this is a guess by
   * name, good enough for synthetic data, never used to decide anything. Null when none matches.
   */
  readonly successor: string | null;
}

/** Today's county-level codes and the retired ones, from the shipped registration-prefix table. */
export interface RegistrationPrefixHistory {
  /** County-level codes in use in the latest edition (not provinces or prefectures), in code order. */
  readonly current: readonly string[];
  readonly retired: readonly RetiredRegistrationPrefix[];
}

const SUFFIX = /(自治县|自治旗|县|市|区|旗|特区|林区)$/;
const stem = (name: string): string => name.replace(SUFFIX, '');
const isCounty = (code: string): boolean => !code.endsWith('00');

/**
 * Splits the table into today's counties and the retired county codes (dated ones only: the
 * undated source's extra codes carry no year). For the generator (issue 9 item 7), which gives
 * some members old or other-county prefixes.
 */
export function registrationPrefixHistory(
  table: RegistrationPrefixTable = readRegistrationPrefixes(),
): RegistrationPrefixHistory {
  const latest = Math.max(...table.prefixes.map(([, , , last]) => last ?? 0));
  const current = table.prefixes.filter(([code, , , last]) => isCounty(code) && last === latest);
  const byStem = new Map<string, string[]>();
  for (const [code, name] of current) byStem.set(stem(name), [...(byStem.get(stem(name)) ?? []), code]);
  const retired = table.prefixes
    .filter(([code, , , last]) => isCounty(code) && last !== null && last < latest)
    .map(([code, name, , last]): RetiredRegistrationPrefix => {
      const candidates = byStem.get(stem(name)) ?? [];
      const successor =
        candidates.find((c) => c.slice(0, 4) === code.slice(0, 4)) ??
        candidates.find((c) => c.slice(0, 2) === code.slice(0, 2)) ??
        null;
      return { code, name, retired: (last as number) + 1, successor };
    });
  return { current: current.map(([code]) => code), retired };
}
