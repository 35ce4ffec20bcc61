import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { LatestAnswers } from '../findings';
import type { HouseholdFacts } from '../household-facts';
import type { RuleSet } from '../rule-sets/rule-set';
import type { Suggestion } from '../suggestions';
import { atRiskSuggestion } from './at-risk';
import { addDataQualitySuggestions } from './data-quality';
import { contextOf } from './evaluation-context';
import { rectificationSuggestion } from './rectification';

/** What one household's evaluation reads. */
export interface HouseholdEvaluationInput {
  readonly facts: HouseholdFacts;
  /** The round's latest answers per area (empty before the first contact). */
  readonly findings: LatestAnswers;
  readonly ruleSet: RuleSet;
  /** The local date of the evaluation: "within N days" counts back from it. */
  readonly today: IsoDate;
  /** The date of the findings, from which rectification deadlines run; `today` when omitted. */
  readonly foundOn?: IsoDate;
}

/**
 * The suggestions the rule set makes for a household: at-risk, then data-quality, then
 * rectification, each group in the rule set's order (so the same input always gives the same
 * list). Pure: people decide, so nothing here is a decision.
 */
export function evaluateHousehold(input: HouseholdEvaluationInput): Suggestion[] {
  const { ruleSet } = input;
  const context = contextOf(input.facts, input.findings, ruleSet, input.today);
  const suggestions: Suggestion[] = [];
  for (let index = 0; index < ruleSet.atRiskRules.length; index++) {
    const suggestion = atRiskSuggestion(context, ruleSet.atRiskRules[index]);
    if (suggestion !== null) suggestions.push(suggestion);
  }
  for (let index = 0; index < ruleSet.dataQualityRules.length; index++)
    addDataQualitySuggestions(context, ruleSet.dataQualityRules[index], suggestions);
  const foundOn = input.foundOn ?? input.today;
  for (let index = 0; index < ruleSet.rectificationRules.length; index++) {
    const suggestion = rectificationSuggestion(context, ruleSet.rectificationRules[index], foundOn);
    if (suggestion !== null) suggestions.push(suggestion);
  }
  return suggestions;
}
