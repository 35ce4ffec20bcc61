import { assertNever } from '@relapse-watch/domain-kernel';
import type { ContradictionCheck, DataQualityRule } from '../rule-sets/rule-set';
import type { Evidence, Suggestion } from '../suggestions';
import { answerOf, findingEvidence, latestIncome, type EvaluationContext } from './evaluation-context';

/** Appends the data-quality suggestions of one rule (a rule may find several problems). */
export function addDataQualitySuggestions(context: EvaluationContext, rule: DataQualityRule, out: Suggestion[]): void {
  const raise = (code: string, field: string, evidence: readonly Evidence[]) =>
    out.push({
      kind: 'data-quality',
      ruleId: rule.id,
      ruleSetVersion: context.ruleSet.version,
      rule: code,
      field,
      evidence,
    });
  const facts = context.facts;
  switch (rule.kind) {
    case 'per-capita-recompute': {
      const income = latestIncome(facts);
      if (income === undefined) return;
      const { netIncomeFen, divisorMembers, perCapitaNetIncomeFen: recorded } = income;
      const expected = divisorMembers > 0 ? Math.round(netIncomeFen / divisorMembers) : null;
      const agrees =
        expected === null ? recorded === null : recorded !== null && Math.abs(recorded - expected) <= rule.toleranceFen;
      if (!agrees)
        raise('income.per-capita-mismatch', 'incomes.perCapitaNetIncomeFen', [
          { fact: 'incomes.latest.perCapitaNetIncomeFen', value: recorded, threshold: expected },
          { fact: 'incomes.latest.netIncomeFen', value: netIncomeFen },
          { fact: 'incomes.latest.divisorMembers', value: divisorMembers },
        ]);
      return;
    }
    case 'registry-warning':
      for (const warning of facts.openWarnings)
        if (warning.rule === rule.warningRule)
          raise(warning.rule, warning.field, [
            { fact: 'openWarnings.rule', value: warning.rule },
            { fact: 'openWarnings.memberId', value: warning.memberId },
            { fact: 'openWarnings.raisedOn', value: warning.raisedOn },
          ]);
      return;
    case 'lost-labour-without-health-record':
      for (const member of facts.members)
        if (member.labourCapacity === 'lost' && member.health.kind === 'healthy')
          raise('member.lost-labour-without-health-record', `members.${member.memberId}.health`, [
            { fact: `members.${member.memberId}.labourCapacity`, value: 'lost' },
            { fact: `members.${member.memberId}.health`, value: 'healthy' },
          ]);
      return;
    case 'eliminated-but-insecure':
      return eliminatedButInsecure(context, rule.housingGrades, raise);
    case 'finding-contradicts-fact':
      return contradiction(context, rule.check, raise);
    default:
      return assertNever(rule, 'data-quality rule kind');
  }
}

type Raise = (code: string, field: string, evidence: readonly Evidence[]) => void;

/** Eliminated by the registry's legacy record, a closed episode, or the round's own answer. */
function eliminationEvidence(context: EvaluationContext): Evidence | null {
  const state = answerOf(context, 'elimination-stability', 'monitoring-state');
  if (state === 'eliminated-stable' || state === 'eliminated-unstable')
    return findingEvidence('elimination-stability', 'monitoring-state', state);
  if (context.facts.legacyMonitoring?.eliminated === true) return { fact: 'legacyMonitoring.eliminated', value: true };
  const episodes = context.facts.monitoringEpisodes;
  const last = episodes?.[episodes.length - 1];
  if (last !== undefined && last.eliminatedOn !== null)
    return { fact: 'monitoringEpisodes.latest.eliminatedOn', value: last.eliminatedOn };
  return null;
}

// DOMAIN.md: housing C/D or a drop-out on an eliminated case is an error (elimination needs 3+1 secured).
function eliminatedButInsecure(context: EvaluationContext, grades: readonly string[], raise: Raise): void {
  const facts = context.facts;
  const housing = facts.threePlusOne?.housingGrade;
  let dropOuts = 0;
  for (const member of facts.members) if (member.schooling === 'dropped-out') dropOuts++;
  const reportedDropOut = answerOf(context, 'latent-risks', 'child-dropped-out') === true;
  if ((housing === undefined || !grades.includes(housing)) && dropOuts === 0 && !reportedDropOut) return;
  const eliminated = eliminationEvidence(context);
  if (eliminated === null) return;
  if (housing !== undefined && grades.includes(housing))
    raise('elimination.housing-unsafe', 'threePlusOne.housingGrade', [
      eliminated,
      { fact: 'threePlusOne.housingGrade', value: housing, threshold: grades.join(',') },
    ]);
  for (const member of facts.members)
    if (member.schooling === 'dropped-out')
      raise('elimination.drop-out', `members.${member.memberId}.schooling`, [
        eliminated,
        { fact: `members.${member.memberId}.schooling`, value: 'dropped-out' },
      ]);
  if (reportedDropOut && dropOuts === 0)
    raise('elimination.drop-out', 'members', [eliminated, findingEvidence('latent-risks', 'child-dropped-out', true)]);
}

function contradiction(context: EvaluationContext, check: ContradictionCheck, raise: Raise): void {
  const record = context.facts.threePlusOne;
  switch (check) {
    case 'dropout-vs-education-secured':
      if (
        record?.compulsoryEducationSecured === true &&
        answerOf(context, 'latent-risks', 'child-dropped-out') === true
      )
        raise('findings.contradict-education-secured', 'threePlusOne.compulsoryEducationSecured', [
          findingEvidence('latent-risks', 'child-dropped-out', true),
          { fact: 'threePlusOne.compulsoryEducationSecured', value: true },
        ]);
      return;
    case 'housing-unsafe-vs-grade': {
      const safe = answerOf(context, 'latent-risks', 'housing-safe');
      const grade = record?.housingGrade;
      if (typeof safe === 'boolean' && grade !== undefined && safe !== (grade === 'A' || grade === 'B'))
        raise('findings.contradict-housing-grade', 'threePlusOne.housingGrade', [
          findingEvidence('latent-risks', 'housing-safe', safe),
          { fact: 'threePlusOne.housingGrade', value: grade },
        ]);
      return;
    }
    case 'water-unsafe-vs-record':
      return compare(
        context,
        raise,
        'drinking-water-safe',
        record?.drinkingWaterSafe,
        'threePlusOne.drinkingWaterSafe',
        'findings.contradict-drinking-water',
      );
    case 'uninsured-vs-record':
      return compare(
        context,
        raise,
        'all-insured',
        record?.medicalInsuranceCovered,
        'threePlusOne.medicalInsuranceCovered',
        'findings.contradict-medical-insurance',
      );
    case 'members-count-vs-record': {
      const counted = answerOf(context, 'data-quality', 'members-present');
      if (typeof counted === 'number' && counted !== context.facts.members.length)
        raise('findings.contradict-members-count', 'members', [
          findingEvidence('data-quality', 'members-present', counted),
          { fact: 'members.count', value: context.facts.members.length },
        ]);
      return;
    }
    case 'record-mismatch-reported':
      if (answerOf(context, 'data-quality', 'record-matches') === false)
        raise('findings.record-mismatch', 'household', [findingEvidence('data-quality', 'record-matches', false)]);
      return;
    default:
      return assertNever(check, 'contradiction check');
  }
}

function compare(
  context: EvaluationContext,
  raise: Raise,
  question: string,
  recorded: boolean | undefined,
  fact: string,
  code: string,
): void {
  const answer = answerOf(context, 'latent-risks', question);
  if (typeof answer === 'boolean' && recorded !== undefined && answer !== recorded)
    raise(code, fact, [findingEvidence('latent-risks', question, answer), { fact, value: recorded }]);
}
