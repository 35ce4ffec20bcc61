import { defineContract } from '../contract';
import { householdId, text, villageCode } from '../registry/registry.schema-parts';
import type { IsoDate } from '../registry/registry.values';
import { campaignId, localDate, ruleCode, ruleEvidence, uuid } from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';
import type { RuleCodeV1, RuleEvidenceV1 } from './inspection.values';

/** The fields every data-quality issue event carries. */
export interface DataQualityIssueV1 {
  readonly issueId: string;
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  /** The data-quality rule, e.g. `schooling.compulsory-education-contradicted`. */
  readonly rule: RuleCodeV1;
  /** The field at fault, e.g. `threePlusOne.compulsoryEducationSecured`. */
  readonly field: string;
}

/** `data` of `cn.relapsewatch.inspection.DataQualityIssueRaised.v1`. */
export interface DataQualityIssueRaisedV1 extends DataQualityIssueV1 {
  readonly evidence: readonly RuleEvidenceV1[];
  readonly raisedOn: IsoDate;
}

/** The properties shared with `DataQualityIssueResolved`. */
export const DATA_QUALITY_ISSUE_PROPERTIES = {
  issueId: uuid('数据质量问题编号 / Data-quality issue id'),
  campaignId,
  householdId,
  villageCode,
  rule: ruleCode('数据质量规则 / Data-quality rule'),
  field: text(200, '有问题的字段 / The field at fault'),
};

/** The fixture's issue: a 14-year-old out of school while compulsory education is recorded as secured. */
export const FIXTURE_DATA_QUALITY_ISSUE: DataQualityIssueV1 = {
  issueId: '0192f6d0-8a31-7b05-9c4e-2d6f8a1b3c76',
  campaignId: '51-2024',
  householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
  villageCode: '511923102202',
  rule: 'schooling.compulsory-education-contradicted',
  field: 'threePlusOne.compulsoryEducationSecured',
};

/** An official accepted a data-quality suggestion: an issue to fix in the record (数据质量问题). */
export const dataQualityIssueRaisedV1 = defineContract<DataQualityIssueRaisedV1>({
  context: INSPECTION_CONTEXT,
  event: 'DataQualityIssueRaised',
  version: 1,
  schemaName: 'data-quality-issue-raised',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '数据质量问题已提出', en: 'Data-quality issue raised' },
  summary: {
    'zh-CN':
      '排查中发现农户信息与实际不符或相互矛盾，干部采纳后成为待整改的数据质量问题（规则、字段、依据），供数据质量报表使用',
    en: 'The inspection found a household’s record contradicting itself or reality; accepted by an official, it is a data-quality issue to fix (rule, field, evidence), for the data-quality report',
  },
  properties: {
    ...DATA_QUALITY_ISSUE_PROPERTIES,
    evidence: ruleEvidence,
    raisedOn: localDate('提出日期', 'Date raised'),
  },
  fixture: {
    ...FIXTURE_DATA_QUALITY_ISSUE,
    evidence: [
      { fact: 'openWarnings.rule', value: 'schooling.compulsory-education-contradicted', threshold: null },
      { fact: 'openWarnings.memberId', value: '0192f6c9-2a7b-7c40-8e13-4b9d1f6a2c58', threshold: null },
      { fact: 'openWarnings.raisedOn', value: '2024-06-12', threshold: null },
    ],
    raisedOn: '2024-08-28',
  },
});
