import { DomainError, throwIfAny } from '@relapse-watch/domain-kernel';
import type { RuleSet } from './rule-set';
import { validateRuleSet } from './rule-set.validation';
import { HUBEI_2024 } from './hubei-2024';
import { SICHUAN_2024 } from './sichuan-2024';
import { SICHUAN_2026 } from './sichuan-2026';

/** The shipped rule sets; a new province-year or version is one more entry (see the README). */
const SHIPPED: readonly RuleSet[] = [SICHUAN_2024, HUBEI_2024, SICHUAN_2026];

const checked = new Map<string, RuleSet>();

/**
 * Checks a rule set whole and returns it.
 * @throws DomainError with every problem (`rule-set.*` codes, fields under `ruleSet.`).
 */
export function loadRuleSet(ruleSet: RuleSet): RuleSet {
  throwIfAny(validateRuleSet(ruleSet));
  return ruleSet;
}

/** The versions shipped, e.g. `51-2024.1`. */
export const RULE_SET_VERSIONS: readonly string[] = SHIPPED.map((ruleSet) => ruleSet.version);

/**
 * The rule set of a province and year: the given version, or the latest one shipped. Validated
 * on first use (a broken shipped set is a programming error and fails every call alike).
 * @throws DomainError `rule-set.unknown` (field `ruleSetVersion`) when none matches.
 */
export function ruleSetOf(provinceCode: string, year: number, version?: string): RuleSet {
  const candidates = SHIPPED.filter(
    (ruleSet) =>
      ruleSet.provinceCode === provinceCode &&
      ruleSet.year === year &&
      (version === undefined || ruleSet.version === version),
  );
  const found = candidates.reduce<RuleSet | undefined>(
    (latest, ruleSet) => (latest === undefined || revisionOf(ruleSet) > revisionOf(latest) ? ruleSet : latest),
    undefined,
  );
  if (found === undefined)
    throw new DomainError({
      code: 'rule-set.unknown',
      field: 'ruleSetVersion',
      message: `没有该省份、年度${version === undefined ? '' : '、版本'}的排查规则（已有：${RULE_SET_VERSIONS.join('、')}） / No rule set for this province and year${version === undefined ? '' : ' and version'} (shipped: ${RULE_SET_VERSIONS.join(', ')})`,
    });
  const cached = checked.get(found.version);
  if (cached !== undefined) return cached;
  checked.set(found.version, loadRuleSet(found));
  return found;
}

function revisionOf(ruleSet: RuleSet): number {
  return Number(ruleSet.version.slice(ruleSet.version.lastIndexOf('.') + 1));
}
