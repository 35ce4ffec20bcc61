import { defineContract } from '../contract';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import { FIXTURE_MEASURE, measureEventProperties, type MeasureEventV1 } from './assistance-measure-planned.v1';

/** `data` of `cn.relapsewatch.assistance.AssistanceMeasureEnded.v1`; `on` is the day it actually ended. */
export type AssistanceMeasureEndedV1 = MeasureEventV1;

/** An assistance measure ended (帮扶措施已结束). */
export const assistanceMeasureEndedV1 = defineContract<AssistanceMeasureEndedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'AssistanceMeasureEnded',
  version: 1,
  schemaName: 'assistance-measure-ended',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '帮扶措施已结束', en: 'Assistance measure ended' },
  summary: {
    'zh-CN':
      '一项已实施的帮扶措施结束（实际结束日期）；成效说明为描述本户情况的自由文本，不发布，有权限的订阅方经认证、留痕的监测帮扶接口查阅',
    en: 'A measure that had started ended (the actual end); its outcome is free text about the household and is not published: authorized subscribers read it through the assistance API, authenticated and audited',
  },
  properties: measureEventProperties('实际结束日期', 'Day it actually ended'),
  fixture: { ...FIXTURE_MEASURE, on: '2025-09-30', actor: { role: 'township-official' } },
});
