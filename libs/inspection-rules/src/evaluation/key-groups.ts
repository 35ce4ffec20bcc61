import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { LatestAnswers } from '../findings';
import type { HouseholdFacts } from '../household-facts';
import type { KeyGroupRule, RuleSet } from '../rule-sets/rule-set';
import type { Evidence, KeyGroupSelection } from '../suggestions';
import {
  answerOf,
  contextOf,
  findingEvidence,
  latestIncome,
  previousIncome,
  withinDays,
  type EvaluationContext,
} from './evaluation-context';
import { dayNumber } from './day-number';

const NO_ANSWERS: LatestAnswers = {};
const NEW_ASSISTANCE = ['dibao', 'extreme-poverty', 'large-temporary-assistance'];

/**
 * The key groups (重点群体) a household belongs to under the rule set, in the rule set's order,
 * each with the rule and the evidence that selected it. `answers` (the round's latest answers)
 * is optional: only `new-social-assistance` reads it, so a selection made at the campaign's
 * launch (facts only) may grow when a contact reports new social assistance.
 */
export function selectKeyGroups(
  facts: HouseholdFacts,
  ruleSet: RuleSet,
  today: IsoDate,
  answers: LatestAnswers = NO_ANSWERS,
): KeyGroupSelection[] {
  const context = contextOf(facts, answers, ruleSet, today);
  const selections: KeyGroupSelection[] = [];
  const rules = ruleSet.keyGroupRules;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    const evidence = keyGroupEvidence(context, rule);
    if (evidence !== null) selections.push({ ruleId: rule.id, evidence });
  }
  return selections;
}

/** The evidence that puts the household in the rule's key group, or null when it does not. */
function keyGroupEvidence(context: EvaluationContext, rule: KeyGroupRule): Evidence[] | null {
  switch (rule.kind) {
    case 'income-drop':
      return incomeDrop(context, rule.dropShare);
    case 'below-filter-line':
      return belowFilterLine(context, rule.statuses);
    case 'new-social-assistance':
      return newSocialAssistance(context, rule.withinDays, rule.transferJumpFen);
    case 'new-severe-disability':
      return newSevereDisability(context, rule.maxGrade, rule.withinDays);
    case 'disaster':
      return disaster(context, rule);
    case 'repeated-warnings':
      return repeatedWarnings(context, rule.minCount, rule.withinDays);
    case 'unstable-employment':
      return unstableEmployment(context, rule.labourCapacities);
    case 'monitored-without-elimination':
      return monitoredWithoutElimination(context, rule.minDays);
    default:
      return assertNever(rule, 'key-group rule kind');
  }
}

/** Per-capita income fell by more than the share between the last two records. */
export function incomeDrop(context: EvaluationContext, dropShare: number): Evidence[] | null {
  const latest = latestIncome(context.facts)?.perCapitaNetIncomeFen;
  const previous = previousIncome(context.facts)?.perCapitaNetIncomeFen;
  if (latest === undefined || latest === null || previous === undefined || previous === null || previous <= 0)
    return null;
  if (!(previous - latest > dropShare * previous)) return null;
  return [
    { fact: 'incomes.previous.perCapitaNetIncomeFen', value: previous },
    { fact: 'incomes.latest.perCapitaNetIncomeFen', value: latest },
    {
      fact: 'perCapitaDropShare',
      value: (previous - latest) / previous,
      threshold: dropShare,
    },
  ];
}

function belowFilterLine(context: EvaluationContext, statuses: readonly string[]): Evidence[] | null {
  const line = context.ruleSet.lines.inspectionFilterLineFen;
  const perCapita = latestIncome(context.facts)?.perCapitaNetIncomeFen;
  if (line === null || perCapita === undefined || perCapita === null || perCapita >= line) return null;
  if (!statuses.includes(context.facts.status.kind)) return null;
  return [
    { fact: 'status', value: context.facts.status.kind },
    { fact: 'incomes.latest.perCapitaNetIncomeFen', value: perCapita, threshold: line },
  ];
}

function newSocialAssistance(context: EvaluationContext, days: number, jumpFen: number): Evidence[] | null {
  let evidence: Evidence[] | null = null;
  const reported = answerOf(context, 'assistance-measures', 'new-social-assistance');
  if (typeof reported === 'string' && NEW_ASSISTANCE.includes(reported))
    evidence = [findingEvidence('assistance-measures', 'new-social-assistance', reported)];
  const latest = latestIncome(context.facts);
  const previous = previousIncome(context.facts);
  if (latest !== undefined && previous !== undefined && withinDays(context, latest.recordedOn, days)) {
    const jump = latest.transferFen - previous.transferFen;
    if (jump >= jumpFen) {
      evidence ??= [];
      evidence.push(
        { fact: 'incomes.previous.transferFen', value: previous.transferFen },
        { fact: 'incomes.latest.transferFen', value: latest.transferFen },
        { fact: 'transferRiseFen', value: jump, threshold: jumpFen },
      );
    }
  }
  return evidence;
}

function newSevereDisability(context: EvaluationContext, maxGrade: number, days: number): Evidence[] | null {
  let evidence: Evidence[] | null = null;
  for (const member of context.facts.members) {
    const health = member.health;
    if (health.kind !== 'disabled' || health.grade > maxGrade || !withinDays(context, member.healthSince, days))
      continue;
    evidence ??= [];
    evidence.push(
      { fact: `members.${member.memberId}.health.grade`, value: health.grade, threshold: maxGrade },
      { fact: `members.${member.memberId}.healthSince`, value: member.healthSince },
    );
  }
  return evidence;
}

function disaster(context: EvaluationContext, rule: Extract<KeyGroupRule, { kind: 'disaster' }>): Evidence[] | null {
  let evidence: Evidence[] | null = null;
  for (const event of context.facts.riskEvents) {
    if (!rule.riskKinds.includes(event.kind) || !withinDays(context, event.occurredOn, rule.withinDays)) continue;
    evidence ??= [];
    evidence.push(
      { fact: `riskEvents.${event.riskEventId}.kind`, value: event.kind },
      { fact: `riskEvents.${event.riskEventId}.occurredOn`, value: event.occurredOn },
    );
  }
  const housing = context.facts.threePlusOne;
  if (
    housing !== null &&
    rule.housingGrades.includes(housing.housingGrade) &&
    withinDays(context, housing.recordedOn, rule.withinDays)
  ) {
    evidence ??= [];
    evidence.push(
      { fact: 'threePlusOne.housingGrade', value: housing.housingGrade },
      { fact: 'threePlusOne.recordedOn', value: housing.recordedOn },
    );
  }
  return evidence;
}

function repeatedWarnings(context: EvaluationContext, minCount: number, days: number): Evidence[] | null {
  let riskEvents = 0;
  let warnings = 0;
  for (const event of context.facts.riskEvents) if (withinDays(context, event.occurredOn, days)) riskEvents++;
  for (const warning of context.facts.openWarnings) if (withinDays(context, warning.raisedOn, days)) warnings++;
  if (riskEvents + warnings < minCount) return null;
  return [
    { fact: 'riskEvents.recent', value: riskEvents },
    { fact: 'openWarnings.recent', value: warnings },
    { fact: 'warningsWithinDays', value: riskEvents + warnings, threshold: minCount },
  ];
}

function unstableEmployment(context: EvaluationContext, capacities: readonly string[]): Evidence[] | null {
  let evidence: Evidence[] | null = null;
  for (const member of context.facts.members) {
    if (member.employment.status !== 'employed' || member.employment.stability !== 'unstable') continue;
    if (!capacities.includes(member.labourCapacity)) continue;
    evidence ??= [];
    evidence.push({ fact: `members.${member.memberId}.employment.stability`, value: 'unstable' });
  }
  return evidence;
}

// Episodes come from the assistance service (not yet built): until then the fact is absent and
// this rule never fires.
function monitoredWithoutElimination(context: EvaluationContext, minDays: number): Evidence[] | null {
  const episodes = context.facts.monitoringEpisodes;
  if (episodes === undefined) return null;
  for (const episode of episodes) {
    if (episode.eliminatedOn !== null) continue;
    const days = context.todayDay - dayNumber(episode.identifiedOn);
    if (days >= minDays)
      return [
        { fact: 'monitoringEpisodes.open.identifiedOn', value: episode.identifiedOn },
        { fact: 'daysMonitored', value: days, threshold: minDays },
      ];
  }
  return null;
}
