import {
  householdDataQualityWarningsChangedV1,
  householdIncomeRecordedV1,
  householdLegacyMonitoringRecordNotedV1,
  householdMembersChangedV1,
  householdRegisteredV1,
  householdRigidExpenditureRecordedV1,
  householdRiskReportedV1,
  householdStatusChangedV1,
  householdThreePlusOneStatusChangedV1,
  keyRegionDesignatedV1,
  monitoringSubjectIdentifiedV1,
  riskEliminatedV1,
  thresholdPublishedV1,
  type EventContract,
  type HouseholdDataQualityWarningsChangedV1,
  type HouseholdIncomeRecordedV1,
  type HouseholdLegacyMonitoringRecordNotedV1,
  type HouseholdMembersChangedV1,
  type HouseholdRegisteredV1,
  type HouseholdRigidExpenditureRecordedV1,
  type HouseholdRiskReportedV1,
  type HouseholdStatusChangedV1,
  type HouseholdThreePlusOneStatusChangedV1,
  type KeyRegionDesignatedV1,
  type MonitoringSubjectIdentifiedV1,
  type RiskEliminatedV1,
  type ThresholdPublishedV1,
} from '@relapse-watch/contracts';
import { calendarDateAt, type IsoDate } from '@relapse-watch/domain-kernel';
import type { IntegrationEventEnvelope } from '@relapse-watch/messaging-core';

// The registry's integration events as the household view folds them: the contract's
// data, the CloudEvent id (what redelivery is recognised by) and the local date the service
// learnt the fact on (the event's `time` at TIME_ZONE_OFFSET), which rules read as "new since…".

interface Learnt<Type extends string, Data> {
  readonly type: Type;
  /** The CloudEvent id. */
  readonly id: string;
  /** The CloudEvent `time` as a local date. */
  readonly learntOn: IsoDate;
  readonly data: Data;
}

/** A registry event about one household. */
export type HouseholdFactsEvent =
  | Learnt<'HouseholdRegistered', HouseholdRegisteredV1>
  | Learnt<'HouseholdMembersChanged', HouseholdMembersChangedV1>
  | Learnt<'HouseholdIncomeRecorded', HouseholdIncomeRecordedV1>
  | Learnt<'HouseholdRigidExpenditureRecorded', HouseholdRigidExpenditureRecordedV1>
  | Learnt<'HouseholdRiskReported', HouseholdRiskReportedV1>
  | Learnt<'HouseholdThreePlusOneStatusChanged', HouseholdThreePlusOneStatusChangedV1>
  | Learnt<'HouseholdStatusChanged', HouseholdStatusChangedV1>
  | Learnt<'HouseholdDataQualityWarningsChanged', HouseholdDataQualityWarningsChangedV1>
  | Learnt<'HouseholdLegacyMonitoringRecordNoted', HouseholdLegacyMonitoringRecordNotedV1>;

/** A province's policy event of a year. */
export type PolicyEvent =
  Learnt<'ThresholdPublished', ThresholdPublishedV1> | Learnt<'KeyRegionDesignated', KeyRegionDesignatedV1>;

/** Every registry event the household view folds. */
/**
 * The assistance service's events the view folds into a household's monitoring episodes (what the
 * inspection's key group "monitored over a year without elimination" reads).
 */
export type EpisodeEvent =
  Learnt<'MonitoringSubjectIdentified', MonitoringSubjectIdentifiedV1> | Learnt<'RiskEliminated', RiskEliminatedV1>;

export type RegistryFactsEvent = HouseholdFactsEvent | PolicyEvent | EpisodeEvent;

/**
 * The contract of each folded event, by event name: a record over the union, so an event added
 * to it without a contract (or the reverse) fails to compile.
 */
export const HOUSEHOLD_FACTS_CONTRACTS: Readonly<Record<HouseholdFactsEvent['type'], EventContract>> = {
  HouseholdRegistered: householdRegisteredV1,
  HouseholdMembersChanged: householdMembersChangedV1,
  HouseholdIncomeRecorded: householdIncomeRecordedV1,
  HouseholdRigidExpenditureRecorded: householdRigidExpenditureRecordedV1,
  HouseholdRiskReported: householdRiskReportedV1,
  HouseholdThreePlusOneStatusChanged: householdThreePlusOneStatusChangedV1,
  HouseholdStatusChanged: householdStatusChangedV1,
  HouseholdDataQualityWarningsChanged: householdDataQualityWarningsChangedV1,
  HouseholdLegacyMonitoringRecordNoted: householdLegacyMonitoringRecordNotedV1,
};

/** The contract of each policy event, by event name. */
export const POLICY_CONTRACTS: Readonly<Record<PolicyEvent['type'], EventContract>> = {
  ThresholdPublished: thresholdPublishedV1,
  KeyRegionDesignated: keyRegionDesignatedV1,
};

/** The contracts of the assistance events folded into episodes. */
export const EPISODE_CONTRACTS: Readonly<Record<EpisodeEvent['type'], EventContract>> = {
  MonitoringSubjectIdentified: monitoringSubjectIdentifiedV1,
  RiskEliminated: riskEliminatedV1,
};

const BY_CLOUD_EVENT_TYPE: ReadonlyMap<string, RegistryFactsEvent['type']> = new Map(
  Object.entries({ ...HOUSEHOLD_FACTS_CONTRACTS, ...POLICY_CONTRACTS, ...EPISODE_CONTRACTS }).map(
    ([name, contract]) => [contract.type, name as RegistryFactsEvent['type']],
  ),
);

/** CloudEvents types the household view consumes: the registry's household and policy events, and the assistance service's episode events. */
export const CONSUMED_REGISTRY_TYPES: readonly string[] = [...BY_CLOUD_EVENT_TYPE.keys()];

/** Whether the event is one of the assistance service's episode events. */
export function isEpisodeEvent(event: RegistryFactsEvent): event is EpisodeEvent {
  return event.type in EPISODE_CONTRACTS;
}

/** Whether the event is one of a household (the rest are policy and episode events). */
export function isHouseholdFactsEvent(event: RegistryFactsEvent): event is HouseholdFactsEvent {
  return event.type in HOUSEHOLD_FACTS_CONTRACTS;
}

/**
 * The event to fold, or null for a CloudEvents type the household view does not consume (a newer
 * registry event, a later version): unknown types are ignored, never a failure.
 */
export function registryFactsEventOf(
  envelope: IntegrationEventEnvelope,
  utcOffsetMinutes: number,
): RegistryFactsEvent | null {
  const type = BY_CLOUD_EVENT_TYPE.get(envelope.type);
  if (type === undefined) return null;
  const learntOn = calendarDateAt(new Date(envelope.time), utcOffsetMinutes);
  return { type, id: envelope.id, learntOn, data: envelope.data } as RegistryFactsEvent;
}
