import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';
import type { RiskEliminationPolicy } from './risk-elimination.policy';

/**
 * Labour capacity (劳动技能) with the registry's codes (contracts' `LabourCapacityV1`): skilled,
 * ordinary, weak or half, lost to illness or disability, none because of age or schooling.
 */
export type LabourCapacity = 'skilled' | 'ordinary' | 'weak' | 'lost' | 'none';

/** A member as the guard needs them: only their labour capacity (no personal data). */
export interface EliminationMember {
  readonly memberId: string;
  readonly labourCapacity: LabourCapacity;
}

/**
 * The period an income figure covers, as the registry records it: a calendar year, or the 12
 * months ending on a day. Both are a year's income, which is what the yearly line measures.
 */
export type IncomePeriod =
  | { readonly kind: 'calendar-year'; readonly year: number }
  | { readonly kind: 'twelve-months'; readonly endingOn: IsoDate };

/**
 * One income record as the registry published it: its period and the per-capita net income the
 * registry computed under the province's divisor rule (DOMAIN.md), or null when nobody was left
 * to divide by. The guard takes the registry's figure rather than recomputing it, so the two can
 * never disagree on who counts.
 */
export interface EliminationIncomeRecord {
  readonly period: IncomePeriod;
  readonly perCapitaNetIncomeFen: Fen | null;
}

/** The kinds of rigid expenditure (刚性支出, DOMAIN.md): self-paid medical cost, education, disaster loss. */
export type RigidExpenditureKind = 'medical' | 'education' | 'disaster-loss';

/**
 * A large rigid spending item the case recorded as a cause of risk. What counts as large is
 * decided when the case records it (the province's threshold), so every item here must be resolved.
 */
export interface RigidExpenditureItem {
  readonly itemId: string;
  readonly kind: RigidExpenditureKind;
  readonly amountFen: Fen;
  /** Resolved: reimbursed, assisted, insured, or otherwise no longer a burden (化解). */
  readonly resolved: boolean;
}

/** Housing safety grade of the dangerous-housing appraisal: A and B safe, C and D dangerous. */
export type HousingGrade = 'A' | 'B' | 'C' | 'D';

/** "Two no-worries, three guarantees" plus drinking water (3+1), with the registry's fields. */
export interface ThreePlusOneStatus {
  readonly foodAndClothingSecured: boolean;
  /** No child aged 6–15 out of school for lack of money. */
  readonly compulsoryEducationSecured: boolean;
  /** Every member in basic medical insurance. */
  readonly medicalInsuranceCovered: boolean;
  readonly housingGrade: HousingGrade;
  readonly drinkingWaterSafe: boolean;
}

/** A risk type of the case and whether the official found it gone. */
export interface CaseRiskType {
  readonly code: string;
  readonly gone: boolean;
}

/** Everything the risk-elimination guard judges, looked up by the handler. */
export interface RiskEliminationInput {
  readonly members: readonly EliminationMember[];
  readonly incomes: readonly EliminationIncomeRecord[];
  /** The monitoring line (per-capita net income per year, in fen) by year, as configured for the province. */
  readonly monitoringLinesFen: Readonly<Record<number, Fen>>;
  readonly rigidExpenditures: readonly RigidExpenditureItem[];
  /** Null when the household's 3+1 was never assessed. */
  readonly threePlusOne: ThreePlusOneStatus | null;
  readonly riskTypes: readonly CaseRiskType[];
  readonly today: IsoDate;
  /** The province's policy for the year (`DEFAULT_RISK_ELIMINATION_POLICY` where it set none). */
  readonly policy: RiskEliminationPolicy;
}
