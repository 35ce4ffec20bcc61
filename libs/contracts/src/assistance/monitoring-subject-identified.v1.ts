import { defineContract } from '../contract';
import type { MonitoringCategoryV1, RiskTypeCodeV1 } from '../registry/registry.values';
import { caseEventProperties, caseSuggestion, monitoringCategory, riskTypes } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, CaseSuggestionV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.MonitoringSubjectIdentified.v1`; `on` is the day identified. */
export interface MonitoringSubjectIdentifiedV1 extends CaseEventV1 {
  readonly category: MonitoringCategoryV1;
  /** Risk type codes, sorted (an open list, as the registry's). */
  readonly riskTypes: readonly RiskTypeCodeV1[];
  /** What the rules suggested, beside the decision; null when the lead had no suggestion. */
  readonly suggestion: CaseSuggestionV1 | null;
}

/** The county identified the household as a monitoring subject (纳入监测对象): the overlay begins on `on`. */
export const monitoringSubjectIdentifiedV1 = defineContract<MonitoringSubjectIdentifiedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'MonitoringSubjectIdentified',
  version: 1,
  schemaName: 'monitoring-subject-identified',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '已纳入监测对象', en: 'Monitoring subject identified' },
  summary: {
    'zh-CN':
      '县级审定该户为监测对象（类别、风险类型，规则建议并列）：自 `on` 起为监测对象，直至风险消除；户类型（一般农户或脱贫户）不因此改变',
    en: 'The county identified the household as a monitoring subject (category, risk types, the rules’ suggestion beside them): a monitoring subject from `on` until its risk is eliminated; its base status (ordinary or poverty-alleviated) does not change',
  },
  properties: {
    ...caseEventProperties(
      '认定日期（县级审定之日，监测自此开始）',
      'Day identified (the county’s decision; monitoring starts)',
    ),
    category: monitoringCategory('认定的监测对象类别', 'Category identified'),
    riskTypes: riskTypes('认定的风险类型（升序） / Risk types identified, sorted', 1),
    suggestion: caseSuggestion,
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2024-09-24',
    actor: { role: 'county-official' },
    category: 'unstable-poverty-alleviated',
    riskTypes: ['illness', 'unstable-work'],
    suggestion: {
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
    },
  },
});
