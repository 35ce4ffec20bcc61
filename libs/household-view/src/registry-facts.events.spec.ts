import { householdRegisteredV1, thresholdPublishedV1 } from '@relapse-watch/contracts';
import { toCloudEvent } from '@relapse-watch/messaging-core';
import { CONSUMED_REGISTRY_TYPES, registryFactsEventOf } from './registry-facts.events';

const CST = 480;

function envelope(type: string, time: string, data: unknown = householdRegisteredV1.fixture) {
  return toCloudEvent({
    id: 'evt-1',
    type,
    subject: 'h-1',
    time,
    dataschema: householdRegisteredV1.dataschema,
    data,
    correlationId: 'c-1',
    divisionCode: '510104001001',
  });
}

describe('registry events as the household view folds them', () => {
  it('consumes the nine household events and the two policy events of the registry, and two of the assistance', () => {
    expect([...CONSUMED_REGISTRY_TYPES].sort()).toEqual(
      [
        'cn.relapsewatch.assistance.MonitoringSubjectIdentified.v1',
        'cn.relapsewatch.assistance.RiskEliminated.v1',
        ...[
          'HouseholdDataQualityWarningsChanged',
          'HouseholdIncomeRecorded',
          'HouseholdLegacyMonitoringRecordNoted',
          'HouseholdMembersChanged',
          'HouseholdRegistered',
          'HouseholdRigidExpenditureRecorded',
          'HouseholdRiskReported',
          'HouseholdStatusChanged',
          'HouseholdThreePlusOneStatusChanged',
          'KeyRegionDesignated',
          'ThresholdPublished',
        ].map((event) => `cn.relapsewatch.registry.${event}.v1`),
      ].sort(),
    );
  });

  it('learns a fact on the local date of the event’s time (16:00 UTC is the next day at +08:00)', () => {
    const late = registryFactsEventOf(envelope(householdRegisteredV1.type, '2024-06-30T16:00:00.000Z'), CST);
    const early = registryFactsEventOf(envelope(householdRegisteredV1.type, '2024-06-30T15:59:59.999Z'), CST);
    expect(late).toEqual({
      type: 'HouseholdRegistered',
      id: 'evt-1',
      learntOn: '2024-07-01',
      data: householdRegisteredV1.fixture,
    });
    expect(early?.learntOn).toBe('2024-06-30');
  });

  it('maps a policy event by its type', () => {
    const event = registryFactsEventOf(
      envelope(thresholdPublishedV1.type, '2024-06-30T00:00:00.000Z', thresholdPublishedV1.fixture),
      CST,
    );
    expect(event?.type).toBe('ThresholdPublished');
  });

  it('ignores a type it does not consume: another event, a later version, another context', () => {
    for (const type of [
      'cn.relapsewatch.registry.HouseholdMerged.v1',
      'cn.relapsewatch.registry.HouseholdRegistered.v2',
      'cn.relapsewatch.assistance.HouseholdRegistered.v1',
    ])
      expect(registryFactsEventOf(envelope(type, '2024-06-30T00:00:00.000Z'), CST)).toBeNull();
  });
});
