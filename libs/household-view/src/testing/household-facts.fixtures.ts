import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
// Spec support: registry events built from the contracts' own fixtures (valid against their
// schemas), about one household, with ids and learnt-on dates of the test's choosing.
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
} from '@relapse-watch/contracts';
import type { EpisodeEvent, HouseholdFactsEvent, PolicyEvent } from '../registry-facts.events';

/** The household every event is about unless a spec changes it: the contract fixture's. */
export const HOUSEHOLD_ID = householdRegisteredV1.fixture.householdId;
/** The village it is registered in (`510104001001`). */
export const VILLAGE = householdRegisteredV1.fixture.villageCode;

let sequence = 0;
/** A fresh CloudEvent id. */
export function nextId(): string {
  return `evt-${++sequence}`;
}

type Data<T extends HouseholdFactsEvent['type']> = Extract<HouseholdFactsEvent, { type: T }>['data'];

const FIXTURES: { readonly [T in HouseholdFactsEvent['type']]: Data<T> } = {
  HouseholdRegistered: householdRegisteredV1.fixture,
  HouseholdMembersChanged: householdMembersChangedV1.fixture,
  HouseholdIncomeRecorded: householdIncomeRecordedV1.fixture,
  HouseholdRigidExpenditureRecorded: householdRigidExpenditureRecordedV1.fixture,
  HouseholdRiskReported: householdRiskReportedV1.fixture,
  HouseholdThreePlusOneStatusChanged: householdThreePlusOneStatusChangedV1.fixture,
  HouseholdStatusChanged: householdStatusChangedV1.fixture,
  HouseholdDataQualityWarningsChanged: householdDataQualityWarningsChangedV1.fixture,
  HouseholdLegacyMonitoringRecordNoted: householdLegacyMonitoringRecordNotedV1.fixture,
};

/** A household event of `type`: the contract's fixture with `changes` applied. */
export function householdEvent<T extends HouseholdFactsEvent['type']>(
  type: T,
  learntOn: string,
  changes: Partial<Data<T>> = {},
): HouseholdFactsEvent {
  return { type, id: nextId(), learntOn, data: { ...FIXTURES[type], ...changes } } as HouseholdFactsEvent;
}

/** A policy event: the contract's fixture with `changes` applied. */
export function thresholdPublished(changes: Partial<typeof thresholdPublishedV1.fixture>): PolicyEvent {
  return {
    type: 'ThresholdPublished',
    id: nextId(),
    learntOn: '2024-08-01',
    data: { ...thresholdPublishedV1.fixture, ...changes },
  };
}

/** A key region designation: the contract's fixture with `changes` applied. */
export function keyRegionDesignated(changes: Partial<typeof keyRegionDesignatedV1.fixture>): PolicyEvent {
  return {
    type: 'KeyRegionDesignated',
    id: nextId(),
    learntOn: '2024-08-01',
    data: { ...keyRegionDesignatedV1.fixture, ...changes },
  };
}

/** An assistance episode event about a household: the contract's fixture with `changes` applied. */
export function episodeEvent(
  type: EpisodeEvent['type'],
  changes: { readonly caseId: string; readonly householdId: string; readonly on: string },
): EpisodeEvent {
  const fixture =
    type === 'MonitoringSubjectIdentified' ? monitoringSubjectIdentifiedV1.fixture : riskEliminatedV1.fixture;
  return { type, id: nextId(), learntOn: changes.on, data: { ...fixture, ...changes } } as EpisodeEvent;
}

/** An ordinary household of 巴中市 (511902001001, not in any key region) with one healthy, working head. */
export function householdFacts(householdId: string, overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    householdId,
    villageCode: '511902001001',
    householdNumber: `n-${householdId}`,
    status: { kind: 'ordinary' },
    flags: { relocatedToResettlementSite: false, urbanHukou: false },
    members: [
      {
        memberId: 'm-1',
        relationToHead: 'head',
        health: { kind: 'healthy' },
        healthSince: '2024-01-01',
        labourCapacity: 'ordinary',
        employment: { status: 'employed', place: 'within-county', stability: 'stable' },
        schooling: 'not-in-school',
        medicalInsuranceEnrolled: true,
        livesInHousehold: true,
      },
    ],
    incomes: [],
    rigidExpenditures: [],
    riskEvents: [],
    threePlusOne: null,
    openWarnings: [],
    warningsRaised: 0,
    legacyMonitoring: null,
    registeredOn: '2024-01-01',
    ...overrides,
  };
}
