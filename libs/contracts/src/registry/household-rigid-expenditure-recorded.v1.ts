import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { fen, householdId, reportingPeriod, villageCode } from './registry.schema-parts';
import type { Fen, ReportingPeriodV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.HouseholdRigidExpenditureRecorded.v1`. */
export interface HouseholdRigidExpenditureRecordedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** A later record for the same period replaces this one. */
  readonly period: ReportingPeriodV1;
  /** Self-paid medical cost after every reimbursement. */
  readonly medicalAfterReimbursementFen: Fen;
  readonly educationFen: Fen;
  readonly disasterLossFen: Fen;
  /** Sum of the three. */
  readonly totalFen: Fen;
}

/** Rigid expenditure for a period was recorded (刚性支出采集). */
export const householdRigidExpenditureRecordedV1 = defineContract<HouseholdRigidExpenditureRecordedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdRigidExpenditureRecorded',
  version: 1,
  schemaName: 'household-rigid-expenditure-recorded',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户刚性支出已采集', en: 'Household rigid expenditure recorded' },
  summary: {
    'zh-CN': '某统计期的刚性支出：医疗自付（报销后）、教育、灾害损失；同一统计期的新记录取代旧记录',
    en: 'Rigid expenditure for a period: self-paid medical cost after reimbursement, education, disaster loss; a later record for the same period replaces it',
  },
  properties: {
    householdId,
    villageCode,
    period: reportingPeriod,
    medicalAfterReimbursementFen: fen('医疗费用报销后自付部分 / Self-paid medical cost after reimbursement'),
    educationFen: fen('教育支出 / Education cost'),
    disasterLossFen: fen('灾害损失 / Disaster loss'),
    totalFen: fen('刚性支出合计 / Total rigid expenditure'),
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    period: { kind: 'twelve-months', endingOn: '2024-07-31' },
    medicalAfterReimbursementFen: 3_865_000,
    educationFen: 420_000,
    disasterLossFen: 0,
    totalFen: 4_285_000,
  },
});
