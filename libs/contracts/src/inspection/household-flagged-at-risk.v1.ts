import { defineContract } from '../contract';
import { MONITORING_CATEGORIES } from '../registry/registry.enums';
import { householdId, oneWordOf, riskTypeCode, villageCode } from '../registry/registry.schema-parts';
import type { IsoDate, MonitoringCategoryV1, RiskTypeCodeV1 } from '../registry/registry.values';
import {
  campaignId,
  decidedBy,
  localDate,
  officialText,
  ruleCodes,
  ruleEvidence,
  uuid,
} from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';
import type { DecidedByV1, RuleCodeV1, RuleEvidenceV1 } from './inspection.values';

/** `data` of `cn.relapsewatch.inspection.HouseholdFlaggedAtRisk.v1`. */
export interface HouseholdFlaggedAtRiskV1 {
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  /** The accepted suggestion. */
  readonly suggestionId: string;
  /** The rules that fired, sorted. */
  readonly ruleIds: readonly RuleCodeV1[];
  /** The category the rules suggested. */
  readonly suggestedCategory: MonitoringCategoryV1;
  /** The category the official accepted (may differ from the suggestion). */
  readonly category: MonitoringCategoryV1;
  /** Risk type codes (an open list, as the registry's). */
  readonly riskTypes: readonly RiskTypeCodeV1[];
  readonly evidence: readonly RuleEvidenceV1[];
  /** The official's reason: free text, no personal data. */
  readonly reason: string;
  readonly flaggedOn: IsoDate;
  readonly decidedBy: DecidedByV1;
}

const category = (zh: string, en: string) =>
  oneWordOf(
    MONITORING_CATEGORIES,
    `${zh}：脱贫不稳定户、边缘易致贫户、突发严重困难户 / ${en}: unstable poverty-alleviated, marginal prone to poverty, sudden severe hardship`,
  );

/**
 * An official accepted the rules' at-risk suggestion for a household (排查发现返贫致贫风险):
 * the lead that starts the identification procedure. The assistance service consumes it.
 */
export const householdFlaggedAtRiskV1 = defineContract<HouseholdFlaggedAtRiskV1>({
  context: INSPECTION_CONTEXT,
  event: 'HouseholdFlaggedAtRisk',
  version: 1,
  schemaName: 'household-flagged-at-risk',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户已被排查为存在风险', en: 'Household flagged at risk' },
  summary: {
    'zh-CN':
      '干部采纳了规则对一户的风险建议（建议类别、采纳类别、风险类型、依据和理由）：这是启动监测对象识别程序的线索，由监测帮扶服务接收；不是认定结果',
    en: 'An official accepted the rules’ at-risk suggestion for a household (suggested and accepted category, risk types, evidence and reason): a lead that starts the identification procedure, consumed by the assistance service; not an identification',
  },
  properties: {
    campaignId,
    householdId,
    villageCode,
    suggestionId: uuid('被采纳的建议编号 / The accepted suggestion'),
    ruleIds: ruleCodes('触发的规则（升序） / Rules that fired, sorted', 1),
    suggestedCategory: category('规则建议的类别', 'Category the rules suggested'),
    category: category('干部采纳的类别（可与建议不同）', 'Category the official accepted (may differ)'),
    riskTypes: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: riskTypeCode('风险类型', 'Risk type'),
      description: '风险类型 / Risk types',
    },
    evidence: ruleEvidence,
    reason: officialText('干部采纳的理由', 'The official’s reason'),
    flaggedOn: localDate('采纳日期', 'Date accepted'),
    decidedBy,
  },
  fixture: {
    campaignId: '51-2024',
    householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
    villageCode: '511923102202',
    suggestionId: '0192f6d0-8a31-7b05-9c4e-2d6f8a1b3c75',
    ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
    suggestedCategory: 'unstable-poverty-alleviated',
    category: 'unstable-poverty-alleviated',
    riskTypes: ['illness', 'unstable-work'],
    evidence: [
      { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 702_000, threshold: 760_000 },
      { fact: 'riskEvents.0192f6c9-1d4a-7e38-b2c1-5f8a3d6e9b10.kind', value: 'illness', threshold: null },
      { fact: 'findings.income.income-dropped', value: true, threshold: null },
    ],
    reason: '户主今年确诊重病住院，务工收入中断，人均纯收入低于监测标准，建议纳入监测',
    flaggedOn: '2024-08-28',
    decidedBy: { role: 'township-official' },
  },
});
