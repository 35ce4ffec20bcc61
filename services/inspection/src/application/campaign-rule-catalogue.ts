import { DomainError } from '@relapse-watch/domain-kernel';
import { checklistOf, ruleSetOf } from '@relapse-watch/inspection-rules';

/** What a launch checks its versions and key-group rules against. */
export interface CampaignRuleCatalogue {
  /** The key-group rule ids of a province's rule set version for the year; null when there is no such version. */
  keyGroupRuleIdsOf(provinceCode: string, year: number, version: string): readonly string[] | null;
  /** Whether the checklist version is one the inspection can record findings against. */
  hasChecklist(version: string): boolean;
}

/** Refused lookups of the rules library answer "unknown"; anything else is a programming error. */
function orNull<T>(lookup: () => T): T | null {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The rule sets and checklists `@relapse-watch/inspection-rules` ships. */
export const SHIPPED_RULES: CampaignRuleCatalogue = {
  keyGroupRuleIdsOf: (provinceCode, year, version) =>
    orNull(() => ruleSetOf(provinceCode, year, version).keyGroupRules.map((rule) => rule.id)),
  hasChecklist: (version) => orNull(() => checklistOf(version)) !== null,
};
