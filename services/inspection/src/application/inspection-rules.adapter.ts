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
} from '@relapse-watch/inspection-rules';
import type { InspectionRules } from './household-inspection.ports';

/** A checklist version the lib does not ship is not an error of the request: the port answers null. */
function knownChecklist(version: string): Checklist | null {
  try {
    return checklistOf(version);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The rules of `@relapse-watch/inspection-rules` behind the port: the campaign's checklist, and
 * its rule set by province, year and version (an unknown one refuses the command with the lib's
 * `rule-set.unknown`, 422).
 */
export const inspectionRules: InspectionRules = {
  checklistOf: knownChecklist,
  validateFindings,
  answeredAreas,
  evaluateHousehold: ({ facts, answers, ruleSetVersion, provinceCode, year, today }) =>
    evaluateHousehold({ facts, findings: answers, ruleSet: ruleSetOf(provinceCode, year, ruleSetVersion), today }),
  selectKeyGroups: ({ facts, answers, ruleSetVersion, provinceCode, year, today }) =>
    selectKeyGroups(facts, ruleSetOf(provinceCode, year, ruleSetVersion), today, answers),
  inKeyRegions,
};
