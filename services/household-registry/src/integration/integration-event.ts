import type {
  EventContract,
  HouseholdDataQualityWarningsChangedV1,
  HouseholdIncomeRecordedV1,
  HouseholdLegacyMonitoringRecordNotedV1,
  HouseholdMembersChangedV1,
  HouseholdRegisteredV1,
  HouseholdRigidExpenditureRecordedV1,
  HouseholdRiskReportedV1,
  HouseholdStatusChangedV1,
  HouseholdThreePlusOneStatusChangedV1,
  KeyRegionDesignatedV1,
  ThresholdPublishedV1,
} from '@relapse-watch/contracts';

/** An integration event ready to publish: the contract it follows and its CloudEvents `data`. */
export interface IntegrationEvent<Data> {
  readonly contract: EventContract<Data>;
  readonly data: Data;
}

/** Every integration event the registry publishes. */
export type RegistryIntegrationEvent =
  | IntegrationEvent<HouseholdRegisteredV1>
  | IntegrationEvent<HouseholdMembersChangedV1>
  | IntegrationEvent<HouseholdIncomeRecordedV1>
  | IntegrationEvent<HouseholdRigidExpenditureRecordedV1>
  | IntegrationEvent<HouseholdRiskReportedV1>
  | IntegrationEvent<HouseholdThreePlusOneStatusChangedV1>
  | IntegrationEvent<HouseholdStatusChangedV1>
  | IntegrationEvent<HouseholdLegacyMonitoringRecordNotedV1>
  | IntegrationEvent<HouseholdDataQualityWarningsChangedV1>
  | IntegrationEvent<ThresholdPublishedV1>
  | IntegrationEvent<KeyRegionDesignatedV1>;
