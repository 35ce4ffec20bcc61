import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { InspectionArea } from './checklist';

/** One fact a rule read and why it fired: e.g. `{ fact: 'perCapitaNetIncomeFen', value: 512000, threshold: 700000 }`. */
export interface Evidence {
  readonly fact: string;
  readonly value: boolean | string | number | null;
  readonly threshold?: boolean | string | number | null;
}

/** The three categories of monitoring subject (DOMAIN.md), the registry contract's words. */
export type MonitoringCategory = 'unstable-poverty-alleviated' | 'marginal-prone-to-poverty' | 'sudden-severe-hardship';

interface SuggestionBase {
  /** The rule that fired, e.g. `at-risk.income-below-line`. */
  readonly ruleId: string;
  /** The rule set version it belongs to, e.g. `51-2024.1`. */
  readonly ruleSetVersion: string;
  readonly evidence: readonly Evidence[];
}

/** The household may need monitoring: a suggested category and risk types, for an official to decide. */
export interface AtRiskSuggestion extends SuggestionBase {
  readonly kind: 'at-risk';
  readonly category: MonitoringCategory;
  /** Risk type codes (an open list: national plus the province's own). */
  readonly riskTypes: readonly string[];
}

/** The record and reality (or the ledgers) disagree. */
export interface DataQualitySuggestion extends SuggestionBase {
  readonly kind: 'data-quality';
  /** The data-quality rule code, e.g. `schooling.age-mismatch`. */
  readonly rule: string;
  readonly field: string;
}

/** Something in one of the seven areas must be put right by a unit before a date. */
export interface RectificationSuggestion extends SuggestionBase {
  readonly kind: 'rectification';
  readonly area: InspectionArea;
  /** The unit that owns the fix, e.g. `township`, `county-medical-insurance`. */
  readonly ownerUnit: string;
  readonly dueOn: IsoDate;
}

/** What the rules return: suggestions only — people decide (an acceptance or dismissal is an event). */
export type Suggestion = AtRiskSuggestion | DataQualitySuggestion | RectificationSuggestion;

/** Why a household needs a visit of its own: the key-group rule that selected it, with its evidence. */
export interface KeyGroupSelection {
  readonly ruleId: string;
  readonly evidence: readonly Evidence[];
}
