import type { RiskEliminationInput, ThreePlusOneStatus } from './risk-elimination.input';
import { incomeFigures, incomeStability, latestFigure, lineOf, yearOf } from './risk-elimination.income';
import { eliminationReason, type EliminationReason, type EliminationReasonBody } from './risk-elimination.reasons';

/** The guard's answer: allowed only when there is no reason against it. */
export interface RiskEliminationCheck {
  readonly allowed: boolean;
  readonly reasons: readonly EliminationReason[];
}

/**
 * Whether a monitored household's risk may be eliminated (风险消除, DOMAIN.md "Risk
 * elimination"), and if not, every reason why, at once, in this order:
 *
 * 1. a household where no member has a labour capacity the policy counts is never eliminated,
 *    only tracked (`elimination.no-labour-capacity`);
 * 2. the latest per-capita net income (kernel formula; see {@link latestFigure}) must be above
 *    the line of the year its period ends in (`elimination.income-below-line`; equal is not
 *    above); no record of an ended period gives `elimination.no-income-record`, a year without
 *    a line `elimination.line-not-configured`;
 * 3. income must have stayed above the line for the policy's months (see {@link incomeStability}
 *    for what counts as evidence) (`elimination.income-not-stable`);
 * 4. every large rigid spending item the case recorded must be resolved
 *    (`elimination.rigid-spending-unresolved`, one per item);
 * 5. every 3+1 item must be secured — housing graded A or B (`elimination.three-plus-one-not-secured`,
 *    one per item; `elimination.three-plus-one-not-assessed` when never assessed);
 * 6. every risk type of the case must be marked gone (`elimination.risk-not-gone`, one per type).
 *
 * Pure: `today`, the lines and the policy come in with the input.
 */
export function checkRiskElimination(input: RiskEliminationInput): RiskEliminationCheck {
  const bodies: EliminationReasonBody[] = [
    ...labourReasons(input),
    ...incomeReasons(input),
    ...input.rigidExpenditures
      .filter((item) => !item.resolved)
      .map((item): EliminationReasonBody => ({
        code: 'elimination.rigid-spending-unresolved',
        evidence: { itemId: item.itemId, kind: item.kind, amountFen: item.amountFen },
      })),
    ...threePlusOneReasons(input.threePlusOne),
    ...input.riskTypes
      .filter((risk) => !risk.gone)
      .map((risk): EliminationReasonBody => ({ code: 'elimination.risk-not-gone', evidence: { riskType: risk.code } })),
  ];
  const reasons = bodies.map(eliminationReason);
  return { allowed: reasons.length === 0, reasons };
}

function labourReasons({ members, policy }: RiskEliminationInput): readonly EliminationReasonBody[] {
  if (members.some((m) => policy.labourCapacitiesCounted.includes(m.labourCapacity))) return [];
  return [
    { code: 'elimination.no-labour-capacity', evidence: { labourCapacities: members.map((m) => m.labourCapacity) } },
  ];
}

function incomeReasons(input: RiskEliminationInput): readonly EliminationReasonBody[] {
  const { monitoringLinesFen: lines, today } = input;
  const figures = incomeFigures(input.incomes, today);
  const reasons: EliminationReasonBody[] = [];
  const latest = latestFigure(figures);
  if (latest === null) {
    reasons.push({ code: 'elimination.no-income-record', evidence: { today } });
  } else {
    const year = yearOf(latest.endsOn);
    const lineFen = lineOf(lines, year);
    if (lineFen === null) reasons.push({ code: 'elimination.line-not-configured', evidence: { year } });
    else if (latest.perCapitaNetIncomeFen <= lineFen)
      reasons.push({
        code: 'elimination.income-below-line',
        evidence: { period: latest.period, year, perCapitaNetIncomeFen: latest.perCapitaNetIncomeFen, lineFen },
      });
  }
  const stability = incomeStability(figures, lines, today, input.policy.stableIncomeMonths);
  if (stability.brokenAt !== null) reasons.push({ code: 'elimination.income-not-stable', evidence: stability });
  return reasons;
}

function threePlusOneReasons(status: ThreePlusOneStatus | null): readonly EliminationReasonBody[] {
  if (status === null) return [{ code: 'elimination.three-plus-one-not-assessed', evidence: {} }];
  const reasons: EliminationReasonBody[] = [];
  const notSecured = (item: 'food-clothing' | 'compulsory-education' | 'medical' | 'drinking-water') =>
    reasons.push({ code: 'elimination.three-plus-one-not-secured', evidence: { item } });
  if (!status.foodAndClothingSecured) notSecured('food-clothing');
  if (!status.compulsoryEducationSecured) notSecured('compulsory-education');
  if (!status.medicalInsuranceCovered) notSecured('medical');
  if (status.housingGrade !== 'A' && status.housingGrade !== 'B')
    reasons.push({
      code: 'elimination.three-plus-one-not-secured',
      evidence: { item: 'housing', housingGrade: status.housingGrade },
    });
  if (!status.drinkingWaterSafe) notSecured('drinking-water');
  return reasons;
}
