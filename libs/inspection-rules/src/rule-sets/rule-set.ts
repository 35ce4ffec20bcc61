import type { InspectionArea } from '../checklist';

// A rule set is data: the lines and the rules a province applies in a year, each rule an id, a
// kind and its parameters. The evaluation is code per kind (src/evaluation); a province changes
// parameters or leaves rules out without touching code. Amounts in fen, shares 0–1, days whole.

/** The year's per-capita net income lines, in fen. */
export interface PolicyLines {
  /** Eligibility (监测范围): income below it makes a household a candidate for monitoring. */
  readonly monitoringLineFen: number;
  /** The inspection filter line (排查筛选线): picks households for a visit only; null when none. */
  readonly inspectionFilterLineFen: number | null;
}

/** Who a rule applies to by base status. */
export type BaseStatusKind = 'ordinary' | 'poverty-alleviated';

/** A key-group rule (重点群体): selects households that need a visit of their own. */
export type KeyGroupRule =
  | { readonly id: string; readonly kind: 'income-drop'; readonly dropShare: number }
  | { readonly id: string; readonly kind: 'below-filter-line'; readonly statuses: readonly BaseStatusKind[] }
  | {
      readonly id: string;
      readonly kind: 'new-social-assistance';
      readonly withinDays: number;
      /** A rise in transfer income of at least this much between the last two records. */
      readonly transferJumpFen: number;
    }
  | {
      readonly id: string;
      readonly kind: 'new-severe-disability';
      readonly maxGrade: number;
      readonly withinDays: number;
    }
  | {
      readonly id: string;
      readonly kind: 'disaster';
      readonly withinDays: number;
      readonly riskKinds: readonly string[];
      readonly housingGrades: readonly string[];
    }
  | { readonly id: string; readonly kind: 'repeated-warnings'; readonly minCount: number; readonly withinDays: number }
  | { readonly id: string; readonly kind: 'unstable-employment'; readonly labourCapacities: readonly string[] }
  | { readonly id: string; readonly kind: 'monitored-without-elimination'; readonly minDays: number };

/** An at-risk rule: suggests a monitoring category and risk types. */
export type AtRiskRule =
  | { readonly id: string; readonly kind: 'income-below-line'; readonly riskEventWithinDays: number }
  | {
      readonly id: string;
      readonly kind: 'income-unstable';
      readonly dropShare: number;
      /** Only below line × factor (the band just above the line, 边缘). */
      readonly bandFactor: number;
    }
  | {
      readonly id: string;
      readonly kind: 'rigid-expenditure';
      readonly shareOfNetIncome: number;
      readonly amountFen: number;
      readonly withinDays: number;
    }
  | {
      readonly id: string;
      readonly kind: 'illness-without-labour';
      readonly maxDisabilityGrade: number;
      /** The labour capacities that count as labour (a household with none of them lacks labour). */
      readonly labourCapacities: readonly string[];
    }
  | { readonly id: string; readonly kind: 'three-plus-one-not-secured'; readonly housingGrades: readonly string[] }
  | { readonly id: string; readonly kind: 'relapse-risk-finding' };

/** The checks of findings against facts (`finding-contradicts-fact`). */
export const CONTRADICTION_CHECKS = [
  'dropout-vs-education-secured',
  'housing-unsafe-vs-grade',
  'water-unsafe-vs-record',
  'uninsured-vs-record',
  'members-count-vs-record',
  'record-mismatch-reported',
] as const;

export type ContradictionCheck = (typeof CONTRADICTION_CHECKS)[number];

/** A data-quality rule (DOMAIN.md "Data quality rules"). */
export type DataQualityRule =
  | { readonly id: string; readonly kind: 'per-capita-recompute'; readonly toleranceFen: number }
  | { readonly id: string; readonly kind: 'registry-warning'; readonly warningRule: string }
  | { readonly id: string; readonly kind: 'lost-labour-without-health-record' }
  | { readonly id: string; readonly kind: 'eliminated-but-insecure'; readonly housingGrades: readonly string[] }
  | { readonly id: string; readonly kind: 'finding-contradicts-fact'; readonly check: ContradictionCheck };

/** One problem answer of an area: the question and the answer that means "something to fix". */
export interface ProblemAnswer {
  readonly question: string;
  readonly answer: boolean | string;
}

/** A rectification rule: an area answered with a problem → an item for a unit, due N days on. */
export interface RectificationRule {
  readonly id: string;
  readonly kind: 'area-problem';
  readonly area: InspectionArea;
  readonly problems: readonly ProblemAnswer[];
  readonly ownerUnit: string;
  readonly dueInDays: number;
}

/** The rules a province applies in a year, versioned (`51-2024.1`): a new version never edits an old one. */
export interface RuleSet {
  /** `<provinceCode>-<year>.<n>`. */
  readonly version: string;
  readonly provinceCode: string;
  readonly year: number;
  /** The checklist version whose question ids the rules read. */
  readonly checklistVersion: string;
  readonly lines: PolicyLines;
  readonly keyGroupRules: readonly KeyGroupRule[];
  readonly atRiskRules: readonly AtRiskRule[];
  readonly dataQualityRules: readonly DataQualityRule[];
  readonly rectificationRules: readonly RectificationRule[];
}
