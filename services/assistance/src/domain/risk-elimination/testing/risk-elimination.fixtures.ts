import { checkRiskElimination } from '../risk-elimination.guard';
import type { EliminationIncomeRecord, RiskEliminationInput } from '../risk-elimination.input';
import { DEFAULT_RISK_ELIMINATION_POLICY } from '../risk-elimination.policy';

// Figures as the registry publishes them (per-capita net income under the province's divisor
// rule, in fen). Lines: 2024 6,900 yuan, 2025 7,200 yuan.
/** 7,500.00 yuan per capita: above both lines. */
export const ABOVE = 750_000;
/** 7,200.00 yuan per capita: equal to the 2025 line, so not above it. */
export const ON_LINE = 720_000;
/** 7,000.00 yuan per capita: above 6,900 (2024), below 7,200 (2025). */
export const BELOW = 700_000;

/** The twelve months ending on a day: that month's observation. */
export const rolling = (endingOn: string, perCapitaNetIncomeFen: number | null = ABOVE): EliminationIncomeRecord => ({
  period: { kind: 'twelve-months', endingOn },
  perCapitaNetIncomeFen,
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
