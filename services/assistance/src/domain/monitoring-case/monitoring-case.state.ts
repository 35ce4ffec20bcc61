import { ageOn, type IsoDate } from '@relapse-watch/domain-kernel';
import type {
  MonitoringCaseEliminationProposed,
  MonitoringCaseEliminationRefused,
  MonitoringCaseEliminationRejected,
  MonitoringCaseEliminationVerified,
  MonitoringCaseFollowUpVisitRecorded,
  MonitoringCaseRelapsed,
  MonitoringCaseRiskEliminated,
} from './monitoring-case-elimination.events';
import type {
  LeadEvidence,
  MonitoringCaseDepartmentsCompared,
  MonitoringCaseHomeVerified,
  MonitoringCaseIdentificationRejected,
  MonitoringCaseIdentified,
  MonitoringCaseLeadAccepted,
  MonitoringCaseLeadDismissed,
  MonitoringCaseObjectionRecorded,
  MonitoringCaseObjectionResolved,
  MonitoringCaseOpened,
  MonitoringCasePublicNoticeClosed,
  MonitoringCasePublicNoticePosted,
  MonitoringCaseStepOverdue,
  MonitoringCaseTownshipReviewed,
  MonitoringCaseVillageReviewed,
} from './monitoring-case.events';
import type { MonitoringCaseImported } from './monitoring-case-import.events';
import type { CasePhase } from './monitoring-case.steps';
import type { CaseProcedure, MonitoringCategory, OverdueStep } from './monitoring-case.values';

// Each step keeps the data of the event that recorded it, so a command that would record the
// same again is seen as a repeat (a no-op) by comparing the two.

/** A public notice of either procedure, with how it ended. */
export interface NoticeRecord {
  readonly posted: MonitoringCasePublicNoticePosted['data'];
  readonly closed: MonitoringCasePublicNoticeClosed['data'] | null;
  /** The upheld objection that withdrew it, or null. */
  readonly withdrawnBy: string | null;
}

/** An objection and its resolution. */
export interface ObjectionRecord {
  readonly raised: MonitoringCaseObjectionRecorded['data'];
  readonly resolution: MonitoringCaseObjectionResolved['data'] | null;
}

/** The steps both procedures have. */
export interface SharedSteps {
  /** The review in force: an upheld objection clears it (with the notice), so the village reviews again. */
  readonly villageReview: MonitoringCaseVillageReviewed['data'] | null;
  /** The number of the notice in force (see {@link OpenedCase.notices}). */
  readonly noticeNumber: number | null;
  readonly townshipReview: MonitoringCaseTownshipReviewed['data'] | null;
  readonly rejection: MonitoringCaseIdentificationRejected['data'] | MonitoringCaseEliminationRejected['data'] | null;
}

/** The identification procedure's steps. */
export interface IdentificationSteps extends SharedSteps {
  readonly acceptance: MonitoringCaseLeadAccepted['data'] | null;
  readonly dismissal: MonitoringCaseLeadDismissed['data'] | null;
  readonly homeVerification: MonitoringCaseHomeVerified['data'] | null;
  readonly comparison: MonitoringCaseDepartmentsCompared['data'] | null;
  readonly identification: MonitoringCaseIdentified['data'] | null;
}

/** One run of the elimination procedure. */
export interface EliminationSteps extends SharedSteps {
  readonly proposal: MonitoringCaseEliminationProposed['data'];
  readonly verification: MonitoringCaseEliminationVerified['data'] | null;
  readonly grant: MonitoringCaseRiskEliminated['data'] | null;
}

/** A case that a lead opened, or that the import brought in from the national system. */
export interface OpenedCase {
  readonly kind: 'opened';
  readonly phase: CasePhase;
  /**
   * The lead that opened the case. For an imported case, what the import stands for: the national
   * record's lead source (reference {@link IMPORTED_LEAD_REFERENCE}, no department, no summary),
   * no suggestion, no deadline run here (`acceptBy` is the identification day).
   */
  readonly opening: MonitoringCaseOpened['data'];
  /** The national system's record the case was imported from, or null for a case opened here. */
  readonly imported: MonitoringCaseImported['data'] | null;
  /** Every lead, the opening one first. */
  readonly leads: readonly LeadEvidence[];
  readonly overdue: readonly MonitoringCaseStepOverdue['data'][];
  /** The day of the latest step: no later step may be dated before it. */
  readonly lastOn: IsoDate;
  readonly identification: IdentificationSteps;
  /** Every notice of the case, oldest first; `noticeNumber` n is at index n − 1. */
  readonly notices: readonly NoticeRecord[];
  readonly objections: readonly ObjectionRecord[];
  readonly eliminationRefusals: readonly MonitoringCaseEliminationRefused['data'][];
  /** The elimination under way or granted; one turned down moves to `rejectedEliminations` at the next proposal. */
  readonly elimination: EliminationSteps | null;
  readonly rejectedEliminations: readonly EliminationSteps[];
  readonly followUpVisits: readonly MonitoringCaseFollowUpVisitRecorded['data'][];
  readonly relapse: MonitoringCaseRelapsed['data'] | null;
}

/** The state of a monitoring case: not opened yet, or opened. */
export type MonitoringCaseState = { readonly kind: 'none' } | OpenedCase;

/** The state of an empty stream. */
export const initialState: MonitoringCaseState = { kind: 'none' };

/** The steps of a procedure as they stand; an elimination turned down counts as none under way. */
export function stepsOf(state: OpenedCase, procedure: CaseProcedure): SharedSteps | null {
  if (procedure === 'identification') return state.identification;
  return state.elimination?.rejection === null ? state.elimination : null;
}

/** The notice in force of a procedure, or null. */
export function noticeOf(state: OpenedCase, procedure: CaseProcedure): NoticeRecord | null {
  const number = stepsOf(state, procedure)?.noticeNumber ?? null;
  return number === null ? null : (state.notices[number - 1] ?? null);
}

/**
 * The latest record of a shared step in either procedure (the elimination's, even one turned
 * down, else the identification's): what a repeated command is compared with.
 */
export function latestShared<K extends 'villageReview' | 'townshipReview'>(state: OpenedCase, key: K): SharedSteps[K] {
  return state.elimination?.[key] ?? state.identification[key];
}

/** The last notice of the case unless an upheld objection withdrew it. */
export function lastNoticeInForce(state: OpenedCase): NoticeRecord | null {
  const last = state.notices.at(-1);
  return last === undefined || last.withdrawnBy !== null ? null : last;
}

/** The reference an imported case's lead carries: the national system, whose record has no id here. */
export const IMPORTED_LEAD_REFERENCE = 'national-system';

/** The deadline of a step, once the step has one (the later two start at acceptance; an imported case has none). */
export function deadlineOf(state: OpenedCase, step: OverdueStep): IsoDate | null {
  if (state.imported !== null) return null;
  if (step === 'accept') return state.opening.acceptBy;
  const acceptance = state.identification.acceptance;
  if (acceptance === null) return null;
  return step === 'home-verification' ? acceptance.homeVerificationBy : acceptance.procedureBy;
}

/**
 * The monitoring-subject overlay the case owns (DOMAIN.md: not a registry status): the category
 * and risk types from identification until elimination; null before identification and after.
 */
export function monitoringOverlay(
  state: MonitoringCaseState,
): { readonly category: MonitoringCategory; readonly riskTypes: readonly string[]; readonly since: IsoDate } | null {
  if (state.kind === 'none' || state.identification.identification === null || state.phase === 'eliminated')
    return null;
  const { category, riskTypes, on } = state.identification.identification;
  return { category, riskTypes, since: on };
}

/**
 * Completed years a household has been monitored without elimination on `today`, or null when it
 * is not monitored: the report lists those over 1 and over 2 years for case-by-case review.
 */
export function yearsUnderMonitoring(state: MonitoringCaseState, today: IsoDate): number | null {
  const overlay = monitoringOverlay(state);
  return overlay === null || today < overlay.since ? null : ageOn(overlay.since, today);
}
