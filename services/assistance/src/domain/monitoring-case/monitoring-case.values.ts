import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { Actor } from '@relapse-watch/event-store-core';

/**
 * Where a lead comes from (DOMAIN.md "How a household becomes a monitoring subject"): the
 * household applies (in person, the 12317 hotline or an app), a grassroots cadre finds it, a
 * department's screening warns, or the concentrated inspection flags it.
 */
export const LEAD_SOURCES = [
  'self-application',
  'cadre-inspection',
  'department-warning',
  'concentrated-inspection',
] as const;

/** One of {@link LEAD_SOURCES}. */
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * What a lead points back to: the application's id, the cadre's report id, the sender's warning
 * id (with the sending department), or the inspection's accepted at-risk suggestion id. Two
 * leads with the same source, department and reference are the same lead.
 */
export interface LeadReference {
  readonly source: LeadSource;
  readonly referenceId: string;
  /** The sending department's code (e.g. `health-insurance`): required for a department warning, null otherwise. */
  readonly department: string | null;
}

/** The three categories of monitoring subject (DOMAIN.md "Monitoring subjects"). */
export const MONITORING_CATEGORIES = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
] as const;

/** One of {@link MONITORING_CATEGORIES}. */
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

/**
 * A risk type code: national (`illness`) or a province's own behind its code (`51.farm-price-drop`).
 * An open list (reference data), so the case checks the shape only, as the registry does.
 */
export const RISK_TYPE_CODE = /^(?:[1-9][0-9]\.)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** What the rules suggested (from the inspection's at-risk suggestion), shown beside the county's decision. */
export interface CaseSuggestion {
  readonly category: MonitoringCategory;
  readonly riskTypes: readonly string[];
  /** The rules that fired, e.g. `at-risk.income-below-line`. */
  readonly ruleIds: readonly string[];
}

/** The two procedures a case runs: identification (识别) and, later, risk elimination (风险消除). */
export type CaseProcedure = 'identification' | 'elimination';

/** The outcome of a village democratic review or a township review. */
export const REVIEW_OUTCOMES = ['approved', 'not-approved'] as const;

/** One of {@link REVIEW_OUTCOMES}. */
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** A department's answer to the information comparison (信息比对): its data agrees, disagrees, or it has none. */
export const COMPARISON_FINDINGS = ['consistent', 'discrepancy', 'no-record'] as const;

/** One of {@link COMPARISON_FINDINGS}. */
export type ComparisonFinding = (typeof COMPARISON_FINDINGS)[number];

/** One department's comparison result. */
export interface DepartmentResult {
  /** The department's code, e.g. `civil-affairs`, `health-insurance`, `housing`. */
  readonly department: string;
  readonly finding: ComparisonFinding;
  /** What differed, without personal values (e.g. "车辆登记与申报不符"). */
  readonly note: string | null;
}

/** A village democratic review's vote, when one was taken. */
export interface VillageVote {
  readonly inFavour: number;
  readonly against: number;
  readonly abstained: number;
}

/** The steps with a deadline the handler computed from the working-day calendar. */
export const OVERDUE_STEPS = ['accept', 'home-verification', 'procedure'] as const;

/** One of {@link OVERDUE_STEPS}. */
export type OverdueStep = (typeof OVERDUE_STEPS)[number];

/** Where an identification or an elimination was turned down. */
export type RejectionLevel = 'village-review' | 'township-review' | 'county';

/** Who, when and why: every event of a case carries it (DESIGN.md: every step records who, when and why). */
export interface StepRecord {
  readonly actor: Actor;
  /** The day the step happened (a review's meeting day, not the day it was typed in). */
  readonly on: IsoDate;
  /** Why: required where a decision is made, null where the step only records what was found. */
  readonly reason: string | null;
}
