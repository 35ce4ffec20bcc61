import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { fen, householdId, id, isoDate, riskTypeCode, villageCode } from './registry.schema-parts';
import type { Fen, IsoDate, RiskTypeCodeV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.HouseholdRiskReported.v1`. */
export interface HouseholdRiskReportedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** Id of the report; one report is published once. */
  readonly riskEventId: string;
  /** The risk type: a national code or the province's own (an open list, see the schema). */
  readonly kind: RiskTypeCodeV1;
  readonly occurredOn: IsoDate;
  /** Estimated loss; 0 when none was given. */
  readonly lossFen: Fen;
}

/** A household reported a risk event (风险事件报告): illness, disaster, accident, job loss… */
export const householdRiskReportedV1 = defineContract<HouseholdRiskReportedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdRiskReported',
  version: 1,
  schemaName: 'household-risk-reported',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户风险已报告', en: 'Household risk reported' },
  summary: {
    'zh-CN': '农户报告了一次风险事件（因病、因学、因残、因自然灾害、因意外事故等，或省定风险类型），含发生日期和损失',
    en: 'The household reported a risk event (illness, schooling cost, disability, natural disaster, accident…, or a province’s own risk type) with its date and loss',
  },
  properties: {
    householdId,
    villageCode,
    riskEventId: id('风险事件编号 / Risk event id'),
    kind: riskTypeCode('风险类型', 'Risk type'),
    occurredOn: isoDate('发生日期 / Date it happened'),
    lossFen: fen('损失金额 / Loss'),
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    riskEventId: '0191b0e4-2c55-7f0a-a3d2-6b8e9c1f4a27',
    kind: 'illness',
    occurredOn: '2024-06-03',
    lossFen: 3_865_000,
  },
});
