import { defineContract } from '../contract';
import { MEMBERSHIP_CHANGES, PER_CAPITA_DIVISOR_RULES } from './registry.enums';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import {
  closedObject,
  fen,
  householdId,
  id,
  isoDate,
  oneWordOf,
  reportingPeriod,
  tagged,
  villageCode,
} from './registry.schema-parts';
import type { Fen, IsoDate, MembershipChangeV1, PerCapitaDivisorRuleV1, ReportingPeriodV1 } from './registry.values';

/** A per-capita figure with what it divides by. */
export interface PerCapitaFigureV1 {
  readonly divisorRule: PerCapitaDivisorRuleV1;
  readonly divisorMembers: number;
  /** Null when nobody is left to divide by. */
  readonly perCapitaNetIncomeFen: Fen | null;
}

/** Why this message was published: income recorded, or the per-capita figure recomputed after a membership change. */
export type IncomeRecordReasonV1 =
  | { readonly kind: 'recorded' }
  | {
      readonly kind: 'membership-changed';
      readonly memberId: string;
      readonly change: MembershipChangeV1;
      /** The day the new per-capita figure holds from. */
      readonly effectiveOn: IsoDate;
      /** The figure in force until then. */
      readonly previous: PerCapitaFigureV1;
    };

/**
 * `data` of `cn.relapsewatch.registry.HouseholdIncomeRecorded.v1`: the income record of a period
 * as it now stands. Published when income is recorded and again, with `reason.kind`
 * `membership-changed`, whenever a member joining or leaving moves the per-capita divisor, so a
 * subscriber keeping the latest record per period always holds the figure in force.
 */
export interface HouseholdIncomeRecordedV1 extends PerCapitaFigureV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** A later record for the same period replaces this one. */
  readonly period: ReportingPeriodV1;
  readonly components: {
    readonly wagesFen: Fen;
    readonly grossBusinessFen: Fen;
    readonly propertyFen: Fen;
    readonly transferFen: Fen;
    readonly productionCostsFen: Fen;
  };
  /** wages + gross business + property + transfer − production costs; may be negative. */
  readonly netIncomeFen: Fen;
  readonly reason: IncomeRecordReasonV1;
}

const perCapitaFigure = {
  divisorRule: oneWordOf(
    PER_CAPITA_DIVISOR_RULES,
    '人均计算人口口径（省年度政策）：household-members 家庭人口（含外出务工成员，默认），resident-members 常住人口 / Who the figure divides by (the province’s rule for the year): household-members, everyone registered including members working away (the default), or resident-members, those living in the household',
  ),
  divisorMembers: {
    type: 'integer',
    minimum: 0,
    description:
      '计算人均时的人数（按上述口径）；为 0 时无人均值 / Members the per-capita figure divides by, under that rule; 0 means no figure',
  },
  perCapitaNetIncomeFen: {
    oneOf: [
      fen('人均纯收入（四舍五入到分），可为负 / Per-capita net income, half up to the fen; may be negative', {
        negativeAllowed: true,
      }),
      { type: 'null' },
    ],
    description: '人均纯收入；户内已无可计人口时为 null / Per-capita net income; null when nobody is left to divide by',
  },
};

/** Household income for a period was recorded, or its per-capita figure recomputed (收入信息采集). */
export const householdIncomeRecordedV1 = defineContract<HouseholdIncomeRecordedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdIncomeRecorded',
  version: 1,
  schemaName: 'household-income-recorded',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户收入已采集', en: 'Household income recorded' },
  summary: {
    'zh-CN':
      '某统计期的家庭收入（分项、纯收入、人均纯收入）现状；同一统计期的新记录取代旧记录。成员增减使人均计算人数变化时再次发布（reason.kind 为 membership-changed），自 effectiveOn 起按新人均值',
    en: 'The income record of a period as it stands (components, net and per-capita net income); a later record for the period replaces it. Published again, with reason.kind membership-changed, when a member joining or leaving moves the per-capita divisor; the new figure holds from effectiveOn',
  },
  properties: {
    householdId,
    villageCode,
    period: reportingPeriod,
    components: closedObject(
      {
        wagesFen: fen('工资性收入 / Wages and salaries'),
        grossBusinessFen: fen(
          '生产经营性收入（毛收入，未扣费用） / Gross business income, farming included, before its costs',
        ),
        propertyFen: fen('财产性收入 / Property income'),
        transferFen: fen('转移性收入 / Transfer income'),
        productionCostsFen: fen('生产经营费用支出（扣减一次） / Production and operating costs, subtracted once'),
      },
      '收入分项 / Income components',
    ),
    netIncomeFen: fen(
      '家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营费用支出，可为负 / Net income = wages + gross business + property + transfer − production costs; negative when costs exceed income',
      { negativeAllowed: true },
    ),
    ...perCapitaFigure,
    reason: tagged(
      'kind',
      {
        recorded: {},
        'membership-changed': {
          memberId: id('引起变化的成员编号 / The member whose change moved the divisor'),
          change: oneWordOf(MEMBERSHIP_CHANGES, '成员变化 / How the membership changed'),
          effectiveOn: isoDate('新人均值起算日 / The day the new per-capita figure holds from'),
          previous: closedObject(perCapitaFigure, '此前的人均值 / The figure in force until then'),
        },
      },
      '发布原因：收入采集，或成员变化后重算人均 / Why it was published: income recorded, or the per-capita figure recomputed after a membership change',
    ),
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    period: { kind: 'calendar-year', year: 2023 },
    components: {
      wagesFen: 2_160_000,
      grossBusinessFen: 1_160_050,
      propertyFen: 12_000,
      transferFen: 436_000,
      productionCostsFen: 620_000,
    },
    netIncomeFen: 3_148_050,
    divisorRule: 'household-members',
    divisorMembers: 3,
    perCapitaNetIncomeFen: 1_049_350,
    reason: {
      kind: 'membership-changed',
      memberId: '0191a5c3-0b7d-7e45-9a10-5c2e8f4d6b31',
      change: 'member-removed',
      effectiveOn: '2024-05-20',
      previous: { divisorRule: 'household-members', divisorMembers: 4, perCapitaNetIncomeFen: 787_013 },
    },
  },
});
