import type { LabourCapacity } from './risk-elimination.input';

/**
 * The province's rules for risk elimination in a year (DOMAIN.md "Risk elimination"): policy,
 * so configuration, never constants in the guard.
 */
export interface RiskEliminationPolicy {
  /** Whole months income must have stayed above the line before today (a positive integer). */
  readonly stableIncomeMonths: number;
  /**
   * The labour capacities that count as "has labour capacity"; a household where no member has
   * one of them is never eliminated, only tracked.
   */
  readonly labourCapacitiesCounted: readonly LabourCapacity[];
}

/**
 * The national defaults: six months of stable income above the line; skilled, ordinary and weak
 * or half labour count as labour capacity (lost and none do not), as the national system reads
 * 有劳动能力.
 */
export const DEFAULT_RISK_ELIMINATION_POLICY: RiskEliminationPolicy = {
  stableIncomeMonths: 6,
  labourCapacitiesCounted: ['skilled', 'ordinary', 'weak'],
};
