import { defineContract } from '../contract';
import { oneWordOf } from '../registry/registry.schema-parts';
import { REJECTION_LEVEL_LABELS, REJECTION_LEVELS } from './assistance.enums';
import { caseEventProperties, REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, RejectionLevelV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.IdentificationRejected.v1`. */
export interface IdentificationRejectedV1 extends CaseEventV1 {
  /** Where it was turned down. */
  readonly at: RejectionLevelV1;
}

const levels = REJECTION_LEVELS.map((level) => `\`${level}\` ${REJECTION_LEVEL_LABELS[level]['zh-CN']}`).join('、');

/** The levels an identification or elimination may be turned down at, for both rejections. */
export const rejectionLevel = (zh: string, en: string) => oneWordOf(REJECTION_LEVELS, `${zh}：${levels} / ${en}`);

/** The identification was turned down (不予认定) at the village, the township or the county: the case ends. */
export const identificationRejectedV1 = defineContract<IdentificationRejectedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'IdentificationRejected',
  version: 1,
  schemaName: 'identification-rejected',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '不予认定为监测对象', en: 'Identification rejected' },
  summary: {
    'zh-CN': `村级评议、乡镇审核或县级审定未通过，该户不纳入监测，案例结束；${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `The village review, the township review or the county turned the identification down; the household is not monitored and the case ends; ${REASON_KEPT_INSIDE.en}`,
  },
  properties: {
    ...caseEventProperties('不予认定的日期（评议或审核之日）', 'Day turned down (the review’s or decision’s day)'),
    at: rejectionLevel('未通过的环节', 'Where it was turned down'),
  },
  fixture: { ...FIXTURE_CASE, on: '2024-09-20', actor: { role: 'township-official' }, at: 'township-review' },
});
