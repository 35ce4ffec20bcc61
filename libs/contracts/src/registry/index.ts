import type { EventContract } from '../contract';
import { householdIncomeRecordedV1 } from './household-income-recorded.v1';
import { householdLegacyMonitoringRecordNotedV1 } from './household-legacy-monitoring-record-noted.v1';
import { householdMembersChangedV1 } from './household-members-changed.v1';
import { householdRegisteredV1 } from './household-registered.v1';
import { householdRigidExpenditureRecordedV1 } from './household-rigid-expenditure-recorded.v1';
import { householdRiskReportedV1 } from './household-risk-reported.v1';
import { householdStatusChangedV1 } from './household-status-changed.v1';
import { householdThreePlusOneStatusChangedV1 } from './household-three-plus-one-status-changed.v1';
import { householdDataQualityWarningsChangedV1 } from './household-data-quality-warnings-changed.v1';
import { keyRegionDesignatedV1 } from './key-region-designated.v1';
import { thresholdPublishedV1 } from './threshold-published.v1';

export * from './registry-topic';
export * from './registry.enums';
export type * from './registry.values';
export * from './household-registered.v1';
export * from './household-members-changed.v1';
export * from './household-income-recorded.v1';
export * from './household-rigid-expenditure-recorded.v1';
export * from './household-risk-reported.v1';
export * from './household-three-plus-one-status-changed.v1';
export * from './household-status-changed.v1';
export * from './household-legacy-monitoring-record-noted.v1';
export * from './household-data-quality-warnings-changed.v1';
export * from './threshold-published.v1';
export * from './key-region-designated.v1';

/** Every integration event the household registry publishes, in document order. */
export const REGISTRY_CONTRACTS: readonly EventContract[] = [
  householdRegisteredV1,
  householdMembersChangedV1,
  householdIncomeRecordedV1,
  householdRigidExpenditureRecordedV1,
  householdRiskReportedV1,
  householdThreePlusOneStatusChangedV1,
  householdStatusChangedV1,
  householdLegacyMonitoringRecordNotedV1,
  householdDataQualityWarningsChangedV1,
  thresholdPublishedV1,
  keyRegionDesignatedV1,
];
