import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { InspectionArea } from '../checklist';
import type { AnswerValue, LatestAnswers } from '../findings';
import type { HouseholdFacts, IncomeFacts } from '../household-facts';
import type { RuleSet } from '../rule-sets/rule-set';
import type { Evidence, MonitoringCategory } from '../suggestions';
import { dayNumber } from './day-number';

/** What every rule of one household's evaluation reads: made once per household. */
export interface EvaluationContext {
  readonly facts: HouseholdFacts;
  readonly answers: LatestAnswers;
  readonly ruleSet: RuleSet;
  readonly today: IsoDate;
  readonly todayDay: number;
}

export function contextOf(
  facts: HouseholdFacts,
  answers: LatestAnswers,
  ruleSet: RuleSet,
  today: IsoDate,
): EvaluationContext {
  return { facts, answers, ruleSet, today, todayDay: dayNumber(today) };
}

/** True when the date is on or before today and at most `days` days before it. */
export function withinDays(context: EvaluationContext, date: IsoDate, days: number): boolean {
  const age = context.todayDay - dayNumber(date);
  return age >= 0 && age <= days;
}

export function answerOf(context: EvaluationContext, area: InspectionArea, question: string): AnswerValue | undefined {
  return context.answers[area]?.[question];
}

export function findingEvidence(
  area: InspectionArea,
  question: string,
  value: AnswerValue,
  threshold?: Evidence['threshold'],
): Evidence {
  return threshold === undefined
    ? { fact: `findings.${area}.${question}`, value }
    : { fact: `findings.${area}.${question}`, value, threshold };
}

/** The latest income record (incomes are kept oldest period first). */
export function latestIncome(facts: HouseholdFacts): IncomeFacts | undefined {
  return facts.incomes[facts.incomes.length - 1];
}

export function previousIncome(facts: HouseholdFacts): IncomeFacts | undefined {
  return facts.incomes[facts.incomes.length - 2];
}

/** The category a household below the line or unstable falls in, by its base status (DOMAIN.md). */
export function categoryByStatus(facts: HouseholdFacts): MonitoringCategory {
  return facts.status.kind === 'poverty-alleviated' ? 'unstable-poverty-alleviated' : 'marginal-prone-to-poverty';
}

/** Pushes a code once (risk types are few, so a scan beats a Set). */
export function addOnce(list: string[], code: string): void {
  if (!list.includes(code)) list.push(code);
}
