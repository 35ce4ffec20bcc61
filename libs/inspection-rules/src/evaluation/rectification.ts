import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { RectificationRule } from '../rule-sets/rule-set';
import type { Evidence, RectificationSuggestion } from '../suggestions';
import { addDays } from './day-number';
import { answerOf, findingEvidence, type EvaluationContext } from './evaluation-context';

/** The rectification item of a rule when its area was answered with one of its problem answers. */
export function rectificationSuggestion(
  context: EvaluationContext,
  rule: RectificationRule,
  foundOn: IsoDate,
): RectificationSuggestion | null {
  let evidence: Evidence[] | null = null;
  for (const problem of rule.problems) {
    const answer = answerOf(context, rule.area, problem.question);
    if (answer === undefined || answer !== problem.answer) continue;
    evidence ??= [];
    evidence.push(findingEvidence(rule.area, problem.question, answer, problem.answer));
  }
  if (evidence === null) return null;
  return {
    kind: 'rectification',
    ruleId: rule.id,
    ruleSetVersion: context.ruleSet.version,
    evidence,
    area: rule.area,
    ownerUnit: rule.ownerUnit,
    dueOn: addDays(foundOn, rule.dueInDays),
  };
}
