import type {
  LEAD_SOURCES,
  MEASURE_CATEGORIES,
  MEASURE_TIMINGS,
  OVERDUE_STEPS,
  REJECTION_LEVELS,
} from './assistance.enums';
import type { IsoDate, MonitoringCategoryV1, RiskTypeCodeV1 } from '../registry/registry.values';
import type { EvidenceScalarV1 } from '../inspection/inspection.values';

// Public value types of the assistance service's integration events. They mirror the service's
// internal values on purpose, but are owned here: the internal ones may change freely, these
// only with a new contract version.

/** Where a lead comes from. */
export type LeadSourceV1 = (typeof LEAD_SOURCES)[number];

/** A step with a time limit. */
export type OverdueStepV1 = (typeof OVERDUE_STEPS)[number];

/** Where an identification or an elimination was turned down. */
export type RejectionLevelV1 = (typeof REJECTION_LEVELS)[number];

/** A category of assistance measure. */
export type MeasureCategoryV1 = (typeof MEASURE_CATEGORIES)[number];

/** When a measure started, against the identification. */
export type MeasureTimingV1 = (typeof MEASURE_TIMINGS)[number];

/** Who did the step: the role only, never the person (a role code, e.g. `county-official`; an open list). */
export interface ActorV1 {
  readonly role: string;
}

/** What every assistance event carries: the case, its household and village, the day, and the actor's role. */
export interface CaseEventV1 {
  readonly caseId: string;
  readonly householdId: string;
  readonly villageCode: string;
  /** The day the step happened (local date); each contract says which day that is. */
  readonly on: IsoDate;
  readonly actor: ActorV1;
}

/** The lead a case was opened from: its source and what it points back to. */
export interface LeadV1 {
  readonly source: LeadSourceV1;
  /** The application's, report's or warning's id, or the inspection's accepted suggestion id. */
  readonly referenceId: string;
  /** The sending department's code for a department warning (e.g. `health-insurance`); null otherwise. */
  readonly department: string | null;
}

/** What the rules suggested (the inspection's at-risk suggestion), kept beside the decision. */
export interface CaseSuggestionV1 {
  readonly category: MonitoringCategoryV1;
  readonly riskTypes: readonly RiskTypeCodeV1[];
  /** The rules that fired, sorted. */
  readonly ruleIds: readonly string[];
}

/** One fact a guard reason rests on: a scalar, and the threshold it was measured against (null when none). */
export interface GuardEvidenceV1 {
  readonly fact: string;
  readonly value: EvidenceScalarV1;
  readonly threshold: EvidenceScalarV1;
}

/** One reason the risk-elimination guard refused: its code, the field at fault, the message, the evidence. */
export interface GuardReasonV1 {
  /** The guard's reason code, e.g. `elimination.income-not-stable` (an open list). */
  readonly code: string;
  /** The fact at fault, e.g. `incomes`, `threePlusOne.housingGrade`. */
  readonly field: string;
  /** `中文 / English`, with policy figures (the line, the months) only. */
  readonly message: string;
  readonly evidence: readonly GuardEvidenceV1[];
}
