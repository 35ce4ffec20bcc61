import { DomainError } from '@relapse-watch/domain-kernel';
import {
  answeredAreas,
  checklistOf,
  evaluateHousehold,
  inKeyRegions,
  ruleSetOf,
  selectKeyGroups,
  validateFindings,
  type Checklist,
  type RuleSet,
} from '@relapse-watch/inspection-rules';
import type { CampaignLines, HouseholdEvaluation, InspectionRules } from './household-inspection.ports';

/** A checklist version the lib does not ship is not an error of the request: the port answers null. */
function knownChecklist(version: string): Checklist | null {
  try {
    return checklistOf(version);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

const withLines = new Map<string, RuleSet>();

/**
 * The campaign's rule set with the lines the campaign was launched with in place of the rule
 * set's own: the province publishes its lines (the registry's policy), the rule set only says how
 * to use them. Kept per version and lines: every visit asks for it.
 */
function campaignRuleSet(e: Pick<HouseholdEvaluation, 'provinceCode' | 'year' | 'ruleSetVersion' | 'lines'>): RuleSet {
  const key = `${e.provinceCode}|${e.year}|${e.ruleSetVersion}|${e.lines.monitoringLineFen}|${e.lines.inspectionFilterLineFen}`;
  let ruleSet = withLines.get(key);
  if (ruleSet === undefined) {
    const shipped = ruleSetOf(e.provinceCode, e.year, e.ruleSetVersion);
    ruleSet = { ...shipped, lines: linesOf(shipped, e.lines) };
    withLines.set(key, ruleSet);
  }
  return ruleSet;
}

function linesOf(shipped: RuleSet, lines: CampaignLines): RuleSet['lines'] {
  return {
    monitoringLineFen: lines.monitoringLineFen ?? shipped.lines.monitoringLineFen,
    inspectionFilterLineFen: lines.inspectionFilterLineFen ?? shipped.lines.inspectionFilterLineFen,
  };
}

/**
 * The rules of `@relapse-watch/inspection-rules` behind the port: the campaign's checklist, and
 * its rule set by province, year and version (an unknown one refuses the command with the lib's
 * `rule-set.unknown`, 422) read with the campaign's lines.
 */
export const inspectionRules: InspectionRules = {
  checklistOf: knownChecklist,
  validateFindings,
  answeredAreas,
  evaluateHousehold: (e) =>
    evaluateHousehold({ facts: e.facts, findings: e.answers, ruleSet: campaignRuleSet(e), today: e.today }),
  selectKeyGroups: (e) => selectKeyGroups(e.facts, campaignRuleSet(e), e.today, e.answers),
  inKeyRegions,
};
