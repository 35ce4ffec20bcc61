import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
import { checkRiskElimination, type RiskEliminationCheck } from '../domain/risk-elimination/risk-elimination.guard';
import type {
  HousingGrade,
  LabourCapacity,
  RigidExpenditureItem,
  ThreePlusOneStatus,
} from '../domain/risk-elimination/risk-elimination.input';
import type { RiskEliminationPolicy } from '../domain/risk-elimination/risk-elimination.policy';

/** What only the official can say when proposing elimination: which risks are gone, which spending is resolved. */
export interface EliminationAssessment {
  /** The case's risk types the official found gone (the rest count as still there). */
  readonly risksGone: readonly string[];
  /** The large rigid spending items recorded for the case, each resolved or not. */
  readonly rigidSpending: readonly RigidExpenditureItem[];
}

const GRADES: readonly string[] = ['A', 'B', 'C', 'D'];

/** The registry's 3+1 record as the guard reads it; a grade the guard does not know counts as not assessed. */
function threePlusOneOf(facts: HouseholdFacts): ThreePlusOneStatus | null {
  const t = facts.threePlusOne;
  if (t === null || !GRADES.includes(t.housingGrade)) return null;
  return {
    foodAndClothingSecured: t.foodAndClothingSecured,
    compulsoryEducationSecured: t.compulsoryEducationSecured,
    medicalInsuranceCovered: t.medicalInsuranceCovered,
    housingGrade: t.housingGrade as HousingGrade,
    drinkingWaterSafe: t.drinkingWaterSafe,
  };
}

/** The years the household's income records end in: the lines the guard measures them against. */
export function incomeYearsOf(facts: HouseholdFacts): readonly number[] {
  const years = facts.incomes.map((i) =>
    i.period.kind === 'calendar-year' ? i.period.year : Number(i.period.endingOn.slice(0, 4)),
  );
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Runs the risk-elimination guard on what the assistance service knows of the household (its
 * view of the registry's members, income records and 3+1), the province's lines, the case's risk
 * types with the official's assessment, and the policy in force.
 */
export function checkEliminationOf(
  facts: HouseholdFacts,
  caseRiskTypes: readonly string[],
  assessment: EliminationAssessment,
  monitoringLinesFen: Readonly<Record<number, Fen>>,
  policy: RiskEliminationPolicy,
  today: IsoDate,
): RiskEliminationCheck {
  const gone = new Set(assessment.risksGone);
  return checkRiskElimination({
    members: facts.members.map((m) => ({ memberId: m.memberId, labourCapacity: m.labourCapacity as LabourCapacity })),
    incomes: facts.incomes.map((i) => ({ period: i.period, perCapitaNetIncomeFen: i.perCapitaNetIncomeFen })),
    monitoringLinesFen,
    rigidExpenditures: assessment.rigidSpending,
    threePlusOne: threePlusOneOf(facts),
    riskTypes: caseRiskTypes.map((code) => ({ code, gone: gone.has(code) })),
    today,
    policy,
  });
}
