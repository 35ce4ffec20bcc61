import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { closedObject, fen, householdId, reportingPeriod, villageCode } from './registry.schema-parts';
import type { Fen, ReportingPeriodV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.HouseholdIncomeRecorded.v1`. */
export interface HouseholdIncomeRecordedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** A later record for the same period replaces this one. */
  readonly period: ReportingPeriodV1;
  readonly components: {
    readonly wagesFen: Fen;
    readonly netBusinessFen: Fen;
    readonly netPropertyFen: Fen;
    readonly netTransferFen: Fen;
    readonly productionCostsFen: Fen;
  };
  /** wages + net business + net property + net transfer − production costs; may be negative. */
  readonly netIncomeFen: Fen;
  /** Members living in the household that the per-capita figure divides by. */
  readonly residentMembers: number;
  /** netIncomeFen ÷ residentMembers, rounded half up to the fen, as compared with the monitoring line. */
  readonly perCapitaNetIncomeFen: Fen;
}

/** Household income for a period was recorded (收入信息采集). */
export const householdIncomeRecordedV1 = defineContract<HouseholdIncomeRecordedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdIncomeRecorded',
  version: 1,
  schemaName: 'household-income-recorded',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户收入已采集', en: 'Household income recorded' },
  summary: {
    'zh-CN': '某统计期的家庭收入（分项、纯收入、人均纯收入）；同一统计期的新记录取代旧记录',
    en: 'Income for a period, by component, with net and per-capita net income; a later record for the same period replaces it',
  },
  properties: {
    householdId,
    villageCode,
    period: reportingPeriod,
    components: closedObject(
      {
        wagesFen: fen('工资性收入 / Wages and salaries'),
        netBusinessFen: fen('生产经营性收入 / Net business income, farming included'),
        netPropertyFen: fen('财产性收入 / Net property income'),
        netTransferFen: fen('转移性收入 / Net transfer income'),
        productionCostsFen: fen('生产经营性支出（扣减项） / Production costs, subtracted'),
      },
      '收入分项 / Income components',
    ),
    netIncomeFen: fen('家庭纯收入，可为负 / Net income, negative when costs exceed income', { negativeAllowed: true }),
    residentMembers: {
      type: 'integer',
      minimum: 1,
      description: '计算人均时的常住人口数 / Resident members the per-capita figure divides by',
    },
    perCapitaNetIncomeFen: fen(
      '人均纯收入（四舍五入到分），可为负 / Per-capita net income, half up to the fen; may be negative',
      { negativeAllowed: true },
    ),
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    period: { kind: 'calendar-year', year: 2023 },
    components: {
      wagesFen: 2_160_000,
      netBusinessFen: 850_050,
      netPropertyFen: 12_000,
      netTransferFen: 436_000,
      productionCostsFen: 310_000,
    },
    netIncomeFen: 3_148_050,
    residentMembers: 3,
    perCapitaNetIncomeFen: 1_049_350,
  },
});
