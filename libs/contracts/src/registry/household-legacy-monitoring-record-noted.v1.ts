import { defineContract } from '../contract';
import { MONITORING_CATEGORIES } from './registry.enums';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { householdId, isoDate, oneWordOf, riskTypeCode, villageCode } from './registry.schema-parts';
import type { IsoDate, MonitoringCategoryV1, RiskTypeCodeV1 } from './registry.values';

/**
 * `data` of `cn.relapsewatch.registry.HouseholdLegacyMonitoringRecordNoted.v1`: a monitoring
 * record as an older system or sheet declared it, for the assistance service to load as a
 * monitoring case with its history. Not a registry status: the household's base status is in
 * HouseholdRegistered / HouseholdStatusChanged and does not change with it.
 */
export interface HouseholdLegacyMonitoringRecordNotedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** Where it was declared: the household sheet's monitoring columns (监测户 rows). */
  readonly source: 'household-sheet';
  readonly category: MonitoringCategoryV1;
  readonly identifiedOn: IsoDate;
  /** As declared; may be empty. */
  readonly riskTypes: readonly RiskTypeCodeV1[];
  readonly riskEliminated: boolean;
  /** Null while the risk is not eliminated. */
  readonly eliminatedOn: IsoDate | null;
}

/** A declared monitoring record was kept for the assistance service (历史监测信息已记录). */
export const householdLegacyMonitoringRecordNotedV1 = defineContract<HouseholdLegacyMonitoringRecordNotedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdLegacyMonitoringRecordNoted',
  version: 1,
  schemaName: 'household-legacy-monitoring-record-noted',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '历史监测信息已记录', en: 'Household legacy monitoring record noted' },
  summary: {
    'zh-CN':
      '导入的户籍信息表中监测户行所申报的监测信息（类别、识别时间、风险类型、是否消除及消除时间），按原样保留，供监测帮扶服务导入为监测案例；不是户类型，不改变农户的基础身份',
    en: 'The monitoring columns a 监测户 row of an imported household sheet declared (category, identified on, risk types, eliminated and when), kept as declared for the assistance service to load as monitoring cases; not a status, and the household’s base status does not change',
  },
  properties: {
    householdId,
    villageCode,
    source: oneWordOf(
      ['household-sheet'],
      '来源：户籍信息表的监测列 / Source: the household sheet’s monitoring columns',
    ),
    category: oneWordOf(
      MONITORING_CATEGORIES,
      '监测对象类别：脱贫不稳定户、边缘易致贫户、突发严重困难户 / Category: unstable poverty-alleviated, marginal prone to poverty, sudden severe hardship',
    ),
    identifiedOn: isoDate('识别时间 / The day the household was identified'),
    riskTypes: {
      type: 'array',
      uniqueItems: true,
      items: riskTypeCode('风险类型', 'Risk type'),
      description: '申报的风险类型，可为空 / Risk types as declared; may be empty',
    },
    riskEliminated: { type: 'boolean', description: '风险是否已消除 / Whether the risk was eliminated' },
    eliminatedOn: {
      oneOf: [isoDate('消除时间 / Elimination date'), { type: 'null' }],
      description: '消除时间；未消除时为 null / Elimination date; null while not eliminated',
    },
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    source: 'household-sheet',
    category: 'unstable-poverty-alleviated',
    identifiedOn: '2022-04-18',
    riskTypes: ['illness', 'unstable-work'],
    riskEliminated: true,
    eliminatedOn: '2023-11-30',
  },
});
