import { defineContract } from '../contract';
import { REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import { FIXTURE_MEASURE, measureEventProperties, type MeasureEventV1 } from './assistance-measure-planned.v1';

/** `data` of `cn.relapsewatch.assistance.AssistanceMeasureCancelled.v1`; `on` is the day it was cancelled. */
export type AssistanceMeasureCancelledV1 = MeasureEventV1;

/**
 * A measure was cancelled before it ended (帮扶措施已取消): closes what `AssistanceMeasurePlanned`
 * opened, so a subscriber does not count it as planned or under way any more.
 */
export const assistanceMeasureCancelledV1 = defineContract<AssistanceMeasureCancelledV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'AssistanceMeasureCancelled',
  version: 1,
  schemaName: 'assistance-measure-cancelled',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '帮扶措施已取消', en: 'Assistance measure cancelled' },
  summary: {
    'zh-CN': `一项帮扶措施在结束前取消，不再计为已制定或实施中；${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `A measure was cancelled before it ended and no longer counts as planned or under way; ${REASON_KEPT_INSIDE.en}`,
  },
  properties: measureEventProperties('取消日期', 'Day cancelled'),
  fixture: { ...FIXTURE_MEASURE, on: '2024-12-02', actor: { role: 'township-official' } },
});
