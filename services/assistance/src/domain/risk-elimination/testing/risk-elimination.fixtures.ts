import type { IncomeComponents } from '@relapse-watch/domain-kernel';
import { checkRiskElimination } from '../risk-elimination.guard';
import type { EliminationIncomeRecord, RiskEliminationInput } from '../risk-elimination.input';
import { DEFAULT_RISK_ELIMINATION_POLICY } from '../risk-elimination.policy';

// Figures worked out by hand. Lines: 2024 6,900 yuan, 2025 7,200 yuan. Four members.
// ABOVE: 20,000 wages + 12,000 gross business + 500 property + 1,500 transfer − 4,000 costs
//        = 30,000 yuan net ÷ 4 = 7,500.00 yuan per capita (above both lines).
// ON_LINE: 20,000 + 12,000 + 0 + 800 − 4,000 = 28,800 ÷ 4 = 7,200.00: equal to the 2025 line, not above.
// BELOW: 20,000 + 12,000 + 0 + 0 − 4,000 = 28,000 ÷ 4 = 7,000.00: above 6,900 (2024), below 7,200 (2025).
const yuan = (
  wages: number,
  business: number,
  property: number,
  transfer: number,
  costs: number,
): IncomeComponents => ({
  wagesFen: wages * 100,
  grossBusinessFen: business * 100,
  propertyFen: property * 100,
  transferFen: transfer * 100,
  productionCostsFen: costs * 100,
});
/** 7,500.00 yuan per capita. */
export const ABOVE = yuan(20_000, 12_000, 500, 1_500, 4_000);
/** 7,200.00 yuan per capita. */
export const ON_LINE = yuan(20_000, 12_000, 0, 800, 4_000);
/** 7,000.00 yuan per capita. */
export const BELOW = yuan(20_000, 12_000, 0, 0, 4_000);

/** The twelve months ending on a day: that month's observation. */
export const rolling = (endingOn: string, components = ABOVE): EliminationIncomeRecord => ({
  period: { kind: 'twelve-months', endingOn },
  components,
  members: 4,
});
/** The last days of January to June 2025. */
export const MONTH_ENDS_2025 = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30'];

/** A household that may be eliminated on 2025-07-15: six monthly observations above the line, the rest in order. */
export const ELIGIBLE: RiskEliminationInput = {
  members: [
    { memberId: 'p-1', labourCapacity: 'ordinary' },
    { memberId: 'p-2', labourCapacity: 'ordinary' },
    { memberId: 'p-3', labourCapacity: 'none' },
    { memberId: 'p-4', labourCapacity: 'none' },
  ],
  incomes: MONTH_ENDS_2025.map((day) => rolling(day)),
  monitoringLinesFen: { 2024: 690_000, 2025: 720_000 },
  rigidExpenditures: [{ itemId: 'r-1', kind: 'medical', amountFen: 4_500_000, resolved: true }],
  threePlusOne: {
    foodAndClothingSecured: true,
    compulsoryEducationSecured: true,
    medicalInsuranceCovered: true,
    housingGrade: 'B',
    drinkingWaterSafe: true,
  },
  riskTypes: [{ code: 'illness', gone: true }],
  today: '2025-07-15',
  policy: DEFAULT_RISK_ELIMINATION_POLICY,
};
/** The guard on {@link ELIGIBLE} with some of its input changed. */
export const check = (change: Partial<RiskEliminationInput>) => checkRiskElimination({ ...ELIGIBLE, ...change });
/** The reason codes of {@link check}. */
export const codes = (change: Partial<RiskEliminationInput>) => check(change).reasons.map((r) => r.code);
