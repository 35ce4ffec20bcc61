import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { DomainEvent } from '@relapse-watch/event-store-core';
import type {
  CaseProcedure,
  CaseSuggestion,
  DepartmentResult,
  LeadReference,
  MonitoringCategory,
  OverdueStep,
  RejectionLevel,
  ReviewOutcome,
  StepRecord,
  VillageVote,
} from './monitoring-case.values';
import type {
  MonitoringCaseEliminationProposed,
  MonitoringCaseEliminationRefused,
  MonitoringCaseEliminationRejected,
  MonitoringCaseEliminationVerified,
  MonitoringCaseFollowUpVisitRecorded,
  MonitoringCaseRelapsed,
  MonitoringCaseRiskEliminated,
} from './monitoring-case-elimination.events';
import type { MonitoringCaseImported } from './monitoring-case-import.events';

// Internal events of one monitoring case, one household episode (stream `assistance-case-<caseId>`).
// Every payload carries who, when and why (StepRecord); what leaves the service is translated
// into contracts elsewhere. A step shared by both procedures names the procedure it belongs to.

/** A lead as the case keeps it: its reference and what it says. */
export interface LeadEvidence extends LeadReference {
  /** What the lead reports, e.g. the warning's rule; no personal values. */
  readonly summary: string | null;
}

/** A lead opened the case (one per household episode); a relapse names the episode before it. */
export type MonitoringCaseOpened = DomainEvent<
  'MonitoringCaseOpened',
  StepRecord & {
    readonly caseId: string;
    readonly householdId: string;
    readonly villageCode: string;
    readonly lead: LeadEvidence;
    readonly previousCaseId: string | null;
    readonly suggestion: CaseSuggestion | null;
    /** Last day to accept or dismiss the lead, from the calendar. */
    readonly acceptBy: IsoDate;
  }
>;

/** Another lead for the same open case (a second warning): evidence, not a new case. */
export type MonitoringCaseLeadEvidenceAdded = DomainEvent<
  'MonitoringCaseLeadEvidenceAdded',
  StepRecord & { readonly lead: LeadEvidence }
>;

/** The lead was accepted; the procedure's deadlines start from this day. */
export type MonitoringCaseLeadAccepted = DomainEvent<
  'MonitoringCaseLeadAccepted',
  StepRecord & { readonly homeVerificationBy: IsoDate; readonly procedureBy: IsoDate }
>;

/** The lead was dismissed: the case ends. */
export type MonitoringCaseLeadDismissed = DomainEvent<'MonitoringCaseLeadDismissed', StepRecord>;

/** The household was visited with the inspection form and signed the consent to check its assets. */
export type MonitoringCaseHomeVerified = DomainEvent<
  'MonitoringCaseHomeVerified',
  StepRecord & { readonly consentSigned: true; readonly findings: string }
>;

/** Other departments' data was compared (deposits, vehicles, housing, business, insurance…). */
export type MonitoringCaseDepartmentsCompared = DomainEvent<
  'MonitoringCaseDepartmentsCompared',
  StepRecord & { readonly results: readonly DepartmentResult[] }
>;

/** The village democratic review (民主评议) was held. */
export type MonitoringCaseVillageReviewed = DomainEvent<
  'MonitoringCaseVillageReviewed',
  StepRecord & {
    readonly procedure: CaseProcedure;
    readonly outcome: ReviewOutcome;
    /** The minutes' document reference. */
    readonly minutesRef: string;
    readonly vote: VillageVote | null;
  }
>;

/** The public notice (公示) was posted; it may close on `closesNoEarlierThan` at the earliest. */
export type MonitoringCasePublicNoticePosted = DomainEvent<
  'MonitoringCasePublicNoticePosted',
  StepRecord & {
    readonly procedure: CaseProcedure;
    /** 1 for the case's first notice, + 1 for each notice posted after it (either procedure). */
    readonly noticeNumber: number;
    readonly closesNoEarlierThan: IsoDate;
    /** The province's minimum notice length in force, in days, that `closesNoEarlierThan` was computed with. */
    readonly minimumDays: number;
  }
>;

/** An objection to the open notice was raised (`on` is the day it was raised). */
export type MonitoringCaseObjectionRecorded = DomainEvent<
  'MonitoringCaseObjectionRecorded',
  StepRecord & {
    readonly objectionId: string;
    readonly noticeNumber: number;
    /** Who objected, as the village records it (may be `匿名`); never an ID number. */
    readonly raisedBy: string;
    readonly content: string;
  }
>;

/**
 * An objection was resolved; `reason` is the resolution. An upheld objection withdraws its notice
 * (when still open) and sends the procedure back to the village review.
 */
export type MonitoringCaseObjectionResolved = DomainEvent<
  'MonitoringCaseObjectionResolved',
  StepRecord & { readonly objectionId: string; readonly noticeNumber: number; readonly upheld: boolean }
>;

/** The notice closed after its minimum length with every objection resolved. */
export type MonitoringCasePublicNoticeClosed = DomainEvent<
  'MonitoringCasePublicNoticeClosed',
  StepRecord & { readonly procedure: CaseProcedure; readonly noticeNumber: number }
>;

/** The township reviewed the case (乡镇审核). */
export type MonitoringCaseTownshipReviewed = DomainEvent<
  'MonitoringCaseTownshipReviewed',
  StepRecord & { readonly procedure: CaseProcedure; readonly outcome: ReviewOutcome }
>;

/** The county approved: the household is a monitoring subject from `on` (the overlay begins). */
export type MonitoringCaseIdentified = DomainEvent<
  'MonitoringCaseIdentified',
  StepRecord & {
    readonly category: MonitoringCategory;
    readonly riskTypes: readonly string[];
    /** What the rules suggested, kept beside the decision; null when the lead had no suggestion. */
    readonly suggestion: CaseSuggestion | null;
  }
>;

/** The identification was turned down (at the village, the township or the county): the case ends. */
export type MonitoringCaseIdentificationRejected = DomainEvent<
  'MonitoringCaseIdentificationRejected',
  StepRecord & { readonly at: RejectionLevel }
>;

/** A step passed its deadline (`on` is the day it was noticed); once per step. */
export type MonitoringCaseStepOverdue = DomainEvent<
  'MonitoringCaseStepOverdue',
  StepRecord & { readonly step: OverdueStep; readonly dueOn: IsoDate }
>;

/** Every event of the monitoring case. */
export type MonitoringCaseEvent =
  | MonitoringCaseOpened
  | MonitoringCaseImported
  | MonitoringCaseLeadEvidenceAdded
  | MonitoringCaseLeadAccepted
  | MonitoringCaseLeadDismissed
  | MonitoringCaseHomeVerified
  | MonitoringCaseDepartmentsCompared
  | MonitoringCaseVillageReviewed
  | MonitoringCasePublicNoticePosted
  | MonitoringCaseObjectionRecorded
  | MonitoringCaseObjectionResolved
  | MonitoringCasePublicNoticeClosed
  | MonitoringCaseTownshipReviewed
  | MonitoringCaseIdentified
  | MonitoringCaseIdentificationRejected
  | MonitoringCaseStepOverdue
  | MonitoringCaseEliminationRefused
  | MonitoringCaseEliminationProposed
  | MonitoringCaseEliminationVerified
  | MonitoringCaseEliminationRejected
  | MonitoringCaseRiskEliminated
  | MonitoringCaseFollowUpVisitRecorded
  | MonitoringCaseRelapsed;

// A record over the union, so adding an event type without listing it here is a compile error.
const EVENT_TYPES: Readonly<Record<MonitoringCaseEvent['type'], true>> = {
  MonitoringCaseOpened: true,
  MonitoringCaseImported: true,
  MonitoringCaseLeadEvidenceAdded: true,
  MonitoringCaseLeadAccepted: true,
  MonitoringCaseLeadDismissed: true,
  MonitoringCaseHomeVerified: true,
  MonitoringCaseDepartmentsCompared: true,
  MonitoringCaseVillageReviewed: true,
  MonitoringCasePublicNoticePosted: true,
  MonitoringCaseObjectionRecorded: true,
  MonitoringCaseObjectionResolved: true,
  MonitoringCasePublicNoticeClosed: true,
  MonitoringCaseTownshipReviewed: true,
  MonitoringCaseIdentified: true,
  MonitoringCaseIdentificationRejected: true,
  MonitoringCaseStepOverdue: true,
  MonitoringCaseEliminationRefused: true,
  MonitoringCaseEliminationProposed: true,
  MonitoringCaseEliminationVerified: true,
  MonitoringCaseEliminationRejected: true,
  MonitoringCaseRiskEliminated: true,
  MonitoringCaseFollowUpVisitRecorded: true,
  MonitoringCaseRelapsed: true,
};

/** Every event type name of the monitoring case, for projections' `handles` lists. */
export const MONITORING_CASE_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly MonitoringCaseEvent['type'][];
