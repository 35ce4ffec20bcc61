import { defineContract } from '../contract';
import { caseEventProperties, REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.LeadDismissed.v1`: the case and who dismissed it, when. */
export type LeadDismissedV1 = CaseEventV1;

/** The lead was dismissed (线索不予受理): the household does not need the procedure; the case ends. */
export const leadDismissedV1 = defineContract<LeadDismissedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'LeadDismissed',
  version: 1,
  schemaName: 'lead-dismissed',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '监测线索不予受理', en: 'Lead dismissed' },
  summary: {
    'zh-CN': `线索经核实不需启动识别程序，案例结束；${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `The lead was found not to need the identification procedure and the case ends; ${REASON_KEPT_INSIDE.en}`,
  },
  properties: caseEventProperties('不予受理的日期', 'Day the lead was dismissed'),
  fixture: { ...FIXTURE_CASE, on: '2024-09-03', actor: { role: 'township-official' } },
});
