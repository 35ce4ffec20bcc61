import { defineContract } from '../contract';
import { caseEventProperties, REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, RejectionLevelV1 } from './assistance.values';
import { rejectionLevel } from './identification-rejected.v1';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.EliminationRejected.v1`. */
export interface EliminationRejectedV1 extends CaseEventV1 {
  /** Where it was turned down. */
  readonly at: RejectionLevelV1;
}

/**
 * A proposed elimination was turned down in its procedure (不予消除) at the village, the township
 * or the county: the household stays monitored. Closes what `EliminationProposed` opened.
 */
export const eliminationRejectedV1 = defineContract<EliminationRejectedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'EliminationRejected',
  version: 1,
  schemaName: 'elimination-rejected',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '风险消除未获通过', en: 'Elimination rejected' },
  summary: {
    'zh-CN': `已启动的风险消除在村级评议、乡镇审核或县级审定中未通过，该户仍是监测对象，可再次申请；${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `A proposed elimination was turned down by the village review, the township review or the county; the household stays monitored and may be proposed again; ${REASON_KEPT_INSIDE.en}`,
  },
  properties: {
    ...caseEventProperties('未通过的日期（评议或审核之日）', 'Day turned down (the review’s or decision’s day)'),
    at: rejectionLevel('未通过的环节', 'Where it was turned down'),
  },
  fixture: { ...FIXTURE_CASE, on: '2025-11-27', actor: { role: 'county-official' }, at: 'county' },
});
