import { defineContract } from '../contract';
import { caseEventProperties, guardReason } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, GuardReasonV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.EliminationRefused.v1`. */
export interface EliminationRefusedV1 extends CaseEventV1 {
  /** Every reason the guard gave, in its order (one code may come once per item). */
  readonly reasons: readonly GuardReasonV1[];
}

/** A risk elimination was asked for and the guard refused it (不符合风险消除条件), with every reason. */
export const eliminationRefusedV1 = defineContract<EliminationRefusedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'EliminationRefused',
  version: 1,
  schemaName: 'elimination-refused',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '不符合风险消除条件', en: 'Elimination refused' },
  summary: {
    'zh-CN':
      '申请风险消除时条件核验未通过，全部原因一次列出（代码、字段、说明、依据）；该户仍是监测对象。无劳动能力的家庭不标注风险消除，只持续跟踪',
    en: 'A risk elimination was asked for and the guard refused it, with every reason at once (code, field, message, evidence); the household stays monitored. A household without labour capacity is never marked eliminated, only tracked',
  },
  properties: {
    ...caseEventProperties('申请日期', 'Day it was asked for'),
    reasons: {
      type: 'array',
      minItems: 1,
      items: guardReason,
      description:
        '全部原因，按核验顺序（同一代码可按项目出现多次） / Every reason, in the guard’s order (a code may come once per item)',
    },
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2025-06-10',
    actor: { role: 'township-official' },
    reasons: [
      {
        code: 'elimination.income-not-stable',
        field: 'incomes',
        message:
          '收入稳定高于监测线仅连续3个月，须满6个月 / Income stayed above the line for 3 consecutive months; 6 are required',
        evidence: [
          { fact: 'incomes.monthsStable', value: 3, threshold: 6 },
          { fact: 'incomes.window.from', value: '2024-12', threshold: null },
          { fact: 'incomes.window.to', value: '2025-05', threshold: null },
          { fact: 'incomes.brokenAt.month', value: '2025-02', threshold: null },
          { fact: 'incomes.brokenAt.cause', value: 'no-record', threshold: null },
        ],
      },
      {
        code: 'elimination.rigid-spending-unresolved',
        field: 'rigidExpenditures',
        message: '大额刚性支出（医疗自付费用）尚未化解 / Large rigid spending (self-paid medical cost) is not resolved',
        evidence: [
          { fact: 'rigidExpenditures.itemId', value: '0193a1b3-5e21-7c44-9a10-2b7d4e6f8a01', threshold: null },
          { fact: 'rigidExpenditures.kind', value: 'medical', threshold: null },
          { fact: 'rigidExpenditures.amountFen', value: 1_856_000, threshold: null },
        ],
      },
    ],
  },
});
