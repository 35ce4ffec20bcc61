import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { EliminationReason } from '../risk-elimination/risk-elimination.reasons';
import type { RejectionLevel, StepRecord } from './monitoring-case.values';

// Events of a case's risk elimination (风险消除) and what follows it: the guard's verdict, the
// procedure that mirrors identification (its shared steps are in monitoring-case.events.ts),
// the county's decision, follow-up visits and the relapse link.

/** An elimination was asked for and the guard refused it: kept so the refusal is in the history. */
export type MonitoringCaseEliminationRefused = DomainEvent<
  'MonitoringCaseEliminationRefused',
  StepRecord & {
    /**
     * The guard's reasons as it gave them (code, field, `中文 / English` message, evidence), in its
     * order, e.g. `elimination.income-not-stable` with the months counted.
     */
    readonly guardReasons: readonly EliminationReason[];
  }
>;

/** The guard allowed it: the elimination procedure starts. */
export type MonitoringCaseEliminationProposed = DomainEvent<'MonitoringCaseEliminationProposed', StepRecord>;

/** The elimination's home verification was done. */
export type MonitoringCaseEliminationVerified = DomainEvent<
  'MonitoringCaseEliminationVerified',
  StepRecord & { readonly findings: string }
>;

/** The elimination was turned down (village, township or county): the household stays monitored. */
export type MonitoringCaseEliminationRejected = DomainEvent<
  'MonitoringCaseEliminationRejected',
  StepRecord & { readonly at: RejectionLevel }
>;

/** The county granted the elimination from `on` (the overlay ends; the record stays). */
export type MonitoringCaseRiskEliminated = DomainEvent<'MonitoringCaseRiskEliminated', StepRecord>;

/** A follow-up visit after elimination. */
export type MonitoringCaseFollowUpVisitRecorded = DomainEvent<
  'MonitoringCaseFollowUpVisitRecorded',
  StepRecord & { readonly visitId: string; readonly findings: string }
>;

/** The household relapsed: the new episode's case links back here, this one forward to it. */
export type MonitoringCaseRelapsed = DomainEvent<'MonitoringCaseRelapsed', StepRecord & { readonly newCaseId: string }>;
