import { assertNever } from '@relapse-watch/domain-kernel';
import type { AtRiskRule } from '../rule-sets/rule-set';
import type { AtRiskSuggestion, Evidence, MonitoringCategory } from '../suggestions';
import {
  addOnce,
  answerOf,
  categoryByStatus,
  findingEvidence,
  latestIncome,
  withinDays,
  type EvaluationContext,
} from './evaluation-context';
import { incomeDrop } from './key-groups';
import { threePlusOneEvidence } from './three-plus-one';

/** The reason of a reported income drop (checklist 2024.1 `income.drop-reason`) as a risk type. */
const DROP_REASON_RISK: Readonly<Record<string, string>> = {
  illness: 'illness',
  disaster: 'natural-disaster',
  'job-loss': 'unstable-work',
  'industry-failure': 'failed-industry-project',
  'farm-price-drop': 'other',
  other: 'other',
};

/** The at-risk suggestion of one rule, or null when it does not fire. */
export function atRiskSuggestion(context: EvaluationContext, rule: AtRiskRule): AtRiskSuggestion | null {
  switch (rule.kind) {
    case 'income-below-line':
      return incomeBelowLine(context, rule);
    case 'income-unstable':
      return incomeUnstable(context, rule);
    case 'rigid-expenditure':
      return rigidExpenditure(context, rule);
    case 'illness-without-labour':
      return illnessWithoutLabour(context, rule);
    case 'three-plus-one-not-secured': {
      const riskTypes: string[] = [];
      const evidence = threePlusOneEvidence(context, rule.housingGrades, riskTypes);
      return evidence === null ? null : suggest(context, rule, categoryByStatus(context.facts), riskTypes, evidence);
    }
    case 'relapse-risk-finding':
      return relapseRiskFinding(context, rule);
    default:
      return assertNever(rule, 'at-risk rule kind');
  }
}

function suggest(
  context: EvaluationContext,
  rule: AtRiskRule,
  category: MonitoringCategory,
  riskTypes: readonly string[],
  evidence: readonly Evidence[],
): AtRiskSuggestion {
  return { kind: 'at-risk', ruleId: rule.id, ruleSetVersion: context.ruleSet.version, evidence, category, riskTypes };
}

function incomeBelowLine(context: EvaluationContext, rule: Extract<AtRiskRule, { kind: 'income-below-line' }>) {
  const line = context.ruleSet.lines.monitoringLineFen;
  let evidence: Evidence[] | null = null;
  const perCapita = latestIncome(context.facts)?.perCapitaNetIncomeFen;
  if (perCapita !== undefined && perCapita !== null && perCapita < line)
    evidence = [{ fact: 'incomes.latest.perCapitaNetIncomeFen', value: perCapita, threshold: line }];
  const estimate = answerOf(context, 'income', 'per-capita-estimate');
  if (typeof estimate === 'number' && estimate < line) {
    evidence ??= [];
    evidence.push(findingEvidence('income', 'per-capita-estimate', estimate, line));
  }
  if (evidence === null) return null;
  const riskTypes: string[] = [];
  for (const event of context.facts.riskEvents)
    if (withinDays(context, event.occurredOn, rule.riskEventWithinDays)) addOnce(riskTypes, event.kind);
  const reported = answerOf(context, 'relapse-risk', 'main-risk-kind');
  if (typeof reported === 'string') addOnce(riskTypes, reported);
  return suggest(context, rule, categoryByStatus(context.facts), riskTypes, evidence);
}

// Above the line but inside the band just over it, and falling: unstable income (DOMAIN.md).
// Below the line is income-below-line's case, so the two never both fire on the records.
function incomeUnstable(context: EvaluationContext, rule: Extract<AtRiskRule, { kind: 'income-unstable' }>) {
  const line = context.ruleSet.lines.monitoringLineFen;
  const band = Math.round(line * rule.bandFactor);
  const recorded = latestIncome(context.facts)?.perCapitaNetIncomeFen;
  const estimate = answerOf(context, 'income', 'per-capita-estimate');
  const perCapita = typeof recorded === 'number' ? recorded : typeof estimate === 'number' ? estimate : null;
  if (perCapita === null || perCapita < line || perCapita >= band) return null;
  const evidence: Evidence[] = [
    {
      fact:
        typeof recorded === 'number' ? 'incomes.latest.perCapitaNetIncomeFen' : 'findings.income.per-capita-estimate',
      value: perCapita,
      threshold: band,
    },
  ];
  const dropped = incomeDrop(context, rule.dropShare);
  if (dropped !== null) evidence.push(...dropped);
  const reported = answerOf(context, 'income', 'income-dropped');
  if (reported === true) evidence.push(findingEvidence('income', 'income-dropped', true));
  if (dropped === null && reported !== true) return null;
  const riskTypes: string[] = [];
  const reason = answerOf(context, 'income', 'drop-reason');
  if (typeof reason === 'string' && DROP_REASON_RISK[reason] !== undefined) riskTypes.push(DROP_REASON_RISK[reason]);
  return suggest(context, rule, categoryByStatus(context.facts), riskTypes, evidence);
}

function rigidExpenditure(context: EvaluationContext, rule: Extract<AtRiskRule, { kind: 'rigid-expenditure' }>) {
  const riskTypes: string[] = [];
  let evidence: Evidence[] | null = null;
  const spending = context.facts.rigidExpenditures[context.facts.rigidExpenditures.length - 1];
  if (spending !== undefined && withinDays(context, spending.recordedOn, rule.withinDays)) {
    const netIncome = latestIncome(context.facts)?.netIncomeFen ?? 0;
    const shareLimit = rule.shareOfNetIncome * Math.max(netIncome, 0);
    if (spending.totalFen > shareLimit || spending.totalFen > rule.amountFen) {
      evidence = [
        { fact: 'rigidExpenditures.latest.totalFen', value: spending.totalFen, threshold: rule.amountFen },
        { fact: 'incomes.latest.netIncomeFen', value: netIncome },
        {
          fact: 'rigidExpenditureShareOfNetIncome',
          value: netIncome > 0 ? spending.totalFen / netIncome : null,
          threshold: rule.shareOfNetIncome,
        },
      ];
      if (spending.medicalAfterReimbursementFen > 0) riskTypes.push('illness');
      if (spending.educationFen > 0) riskTypes.push('schooling-cost');
      if (spending.disasterLossFen > 0) riskTypes.push('natural-disaster');
    }
  }
  const selfPaid = answerOf(context, 'latent-risks', 'self-paid-medical');
  if (typeof selfPaid === 'number' && selfPaid > rule.amountFen) {
    evidence ??= [];
    evidence.push(findingEvidence('latent-risks', 'self-paid-medical', selfPaid, rule.amountFen));
    addOnce(riskTypes, 'illness');
  }
  return evidence === null ? null : suggest(context, rule, 'sudden-severe-hardship', riskTypes, evidence);
}

function illnessWithoutLabour(
  context: EvaluationContext,
  rule: Extract<AtRiskRule, { kind: 'illness-without-labour' }>,
) {
  let evidence: Evidence[] | null = null;
  const riskTypes: string[] = [];
  for (const member of context.facts.members) {
    if (rule.labourCapacities.includes(member.labourCapacity)) return null;
    const health = member.health;
    if (health.kind === 'serious-illness') addOnce(riskTypes, 'illness');
    else if (health.kind === 'disabled' && health.grade <= rule.maxDisabilityGrade) addOnce(riskTypes, 'disability');
    else continue;
    evidence ??= [];
    evidence.push({
      fact: `members.${member.memberId}.health`,
      value: health.kind === 'disabled' ? `disabled-${health.grade}` : health.kind,
    });
  }
  if (evidence === null) return null;
  evidence.push({ fact: 'members.withLabour', value: 0, threshold: rule.labourCapacities.join(',') });
  riskTypes.push('lack-of-labour');
  return suggest(context, rule, categoryByStatus(context.facts), riskTypes, evidence);
}

function relapseRiskFinding(context: EvaluationContext, rule: AtRiskRule) {
  if (answerOf(context, 'relapse-risk', 'risk-present') !== true) return null;
  const evidence: Evidence[] = [findingEvidence('relapse-risk', 'risk-present', true)];
  const sudden = answerOf(context, 'relapse-risk', 'sudden-hardship') === true;
  if (sudden) evidence.push(findingEvidence('relapse-risk', 'sudden-hardship', true));
  const kind = answerOf(context, 'relapse-risk', 'main-risk-kind');
  const riskTypes = typeof kind === 'string' ? [kind] : [];
  return suggest(
    context,
    rule,
    sudden ? 'sudden-severe-hardship' : categoryByStatus(context.facts),
    riskTypes,
    evidence,
  );
}
