import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { Actor } from '@relapse-watch/event-store-core';
import type { EliminationReason } from '../risk-elimination/risk-elimination.reasons';
import type {
  CaseSuggestion,
  DepartmentResult,
  LeadReference,
  MonitoringCategory,
  OverdueStep,
  ReviewOutcome,
  VillageVote,
} from './monitoring-case.values';
import type { ImportCase } from './monitoring-case-import.commands';

/** What every command carries as a looked-up fact: today in the officials' time zone (no step lies after it). */
export interface TodayFact {
  readonly today: IsoDate;
}

/**
 * The shape of every case command: who does the step (the handler sets `actor` from the signed-in
 * caller), the day it happened (`data.on`), what it records, and the facts the handler looked up.
 */
export interface CaseCommandOf<Type extends string, Data, Facts extends TodayFact = TodayFact> {
  readonly type: Type;
  readonly actor: Actor;
  readonly data: Data & { readonly on: IsoDate };
  readonly facts: Facts;
}

/** A step that decides something: its reason is required. */
interface Decision {
  readonly reason: string;
}

/** A step that records what was found: a reason may be given. */
interface Recording {
  readonly reason?: string | null;
}

/** A lead as a command brings it. */
export interface LeadInput extends LeadReference {
  readonly summary: string | null;
}

/** Open the case of a household episode from a lead; `caseId` is made by the handler. */
export type OpenCase = CaseCommandOf<
  'OpenCase',
  Recording & {
    readonly caseId: string;
    readonly householdId: string;
    readonly villageCode: string;
    readonly lead: LeadInput;
    /** The eliminated episode this one follows (a relapse), or null. */
    readonly previousCaseId: string | null;
    /** The inspection's suggestion, for a lead from the concentrated inspection; null otherwise. */
    readonly suggestion: CaseSuggestion | null;
  },
  TodayFact & {
    /** Last day to accept or dismiss the lead, computed from the province's calendar and time limit. */
    readonly acceptBy: IsoDate;
  }
>;

/** A further lead for the open case (idempotent by its reference: the sender's warning id). */
export type AddLeadEvidence = CaseCommandOf<'AddLeadEvidence', Recording & { readonly lead: LeadInput }>;

/** Accept the lead: the deadlines of the procedure count from the day of acceptance. */
export type AcceptLead = CaseCommandOf<
  'AcceptLead',
  Decision,
  TodayFact & { readonly homeVerificationBy: IsoDate; readonly procedureBy: IsoDate }
>;

/** Dismiss the lead (the household does not need the procedure): the case ends. */
export type DismissLead = CaseCommandOf<'DismissLead', Decision>;

/** Record the home verification with the inspection form (入户核实). */
export type RecordHomeVerification = CaseCommandOf<
  'RecordHomeVerification',
  Recording & {
    /** The household signed the consent letter to check deposits, vehicles and housing: required. */
    readonly consentSigned: boolean;
    readonly findings: string;
  }
>;

/** Record the comparison with other departments’ data (部门信息比对), one result per department. */
export type RecordDepartmentComparison = CaseCommandOf<
  'RecordDepartmentComparison',
  Recording & { readonly results: readonly DepartmentResult[] }
>;

/** The village review of the procedure under way (identification or elimination). */
export type RecordVillageReview = CaseCommandOf<
  'RecordVillageReview',
  Decision & { readonly outcome: ReviewOutcome; readonly minutesRef: string; readonly vote: VillageVote | null }
>;

/** Post the notice; the handler computes its earliest close date from the province's minimum days. */
export type PostPublicNotice = CaseCommandOf<
  'PostPublicNotice',
  Recording,
  TodayFact & { readonly closesNoEarlierThan: IsoDate; readonly minimumDays: number }
>;

/** An objection to the open notice; `on` is the day it was raised. */
export type RecordObjection = CaseCommandOf<
  'RecordObjection',
  Recording & { readonly objectionId: string; readonly raisedBy: string; readonly content: string }
>;

/** Resolve an objection; the reason is the resolution. */
export type ResolveObjection = CaseCommandOf<
  'ResolveObjection',
  Decision & { readonly objectionId: string; readonly upheld: boolean }
>;

/** Close the open notice: on or after its earliest close date, with every objection resolved. */
export type ClosePublicNotice = CaseCommandOf<'ClosePublicNotice', Recording>;

/** The township review (乡镇审核) of the procedure under way. */
export type RecordTownshipReview = CaseCommandOf<
  'RecordTownshipReview',
  Decision & { readonly outcome: ReviewOutcome }
>;

/** The county identifies the household as a monitoring subject (县级审定) with its category and risk types. */
export type ApproveIdentification = CaseCommandOf<
  'ApproveIdentification',
  Decision & { readonly category: MonitoringCategory; readonly riskTypes: readonly string[] }
>;

/** The county turns the identification down: the case ends. */
export type RejectIdentification = CaseCommandOf<'RejectIdentification', Decision>;

/** Sent by the deadline watcher; `on` is the day it noticed. */
export type MarkOverdue = CaseCommandOf<'MarkOverdue', { readonly step: OverdueStep; readonly dueOn: IsoDate }>;

/**
 * The risk-elimination guard's verdict, which the handler computed on the household's facts: what
 * `checkRiskElimination` returns, as it is, so the refusal keeps each reason's field, message and
 * evidence (the integration event publishes them; codes alone would not say which item failed).
 */
export interface EliminationGuardVerdict {
  readonly allowed: boolean;
  /** The guard's reasons, in the guard's order: at least one when refused. */
  readonly reasons: readonly EliminationReason[];
}

/** Ask for risk elimination; the guard’s verdict decides whether the procedure starts or the refusal is recorded. */
export type ProposeElimination = CaseCommandOf<
  'ProposeElimination',
  Decision,
  TodayFact & { readonly guard: EliminationGuardVerdict }
>;

/** The elimination’s home verification. */
export type RecordEliminationVerification = CaseCommandOf<
  'RecordEliminationVerification',
  Recording & { readonly findings: string }
>;

/** The county grants the elimination (风险消除). */
export type GrantElimination = CaseCommandOf<'GrantElimination', Decision>;

/** The county turns the elimination down: the household stays monitored. */
export type RejectElimination = CaseCommandOf<'RejectElimination', Decision>;

/** A follow-up visit after elimination (idempotent by `visitId`). */
export type RecordFollowUpVisit = CaseCommandOf<
  'RecordFollowUpVisit',
  Recording & { readonly visitId: string; readonly findings: string }
>;

/**
 * Link an eliminated case forward to the new episode's case. The handler sends it before
 * `OpenCase` of the new case (with `previousCaseId`): a crash between the two leaves a link to a
 * case not opened yet, and the retry opens it.
 */
export type RecordRelapse = CaseCommandOf<'RecordRelapse', Decision & { readonly newCaseId: string }>;

/** Every command of the monitoring case. */
export type MonitoringCaseCommand =
  | OpenCase
  | ImportCase
  | AddLeadEvidence
  | AcceptLead
  | DismissLead
  | RecordHomeVerification
  | RecordDepartmentComparison
  | RecordVillageReview
  | PostPublicNotice
  | RecordObjection
  | ResolveObjection
  | ClosePublicNotice
  | RecordTownshipReview
  | ApproveIdentification
  | RejectIdentification
  | MarkOverdue
  | ProposeElimination
  | RecordEliminationVerification
  | GrantElimination
  | RejectElimination
  | RecordFollowUpVisit
  | RecordRelapse;
