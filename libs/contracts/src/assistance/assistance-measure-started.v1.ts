import { defineContract } from '../contract';
import { oneWordOf } from '../registry/registry.schema-parts';
import { MEASURE_TIMING_LABELS, MEASURE_TIMINGS } from './assistance.enums';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { MeasureTimingV1 } from './assistance.values';
import { FIXTURE_MEASURE, measureEventProperties, type MeasureEventV1 } from './assistance-measure-planned.v1';

/** `data` of `cn.relapsewatch.assistance.AssistanceMeasureStarted.v1`; `on` is the day it actually started. */
export interface AssistanceMeasureStartedV1 extends MeasureEventV1 {
  /** The start against the identification, judged once when it was recorded. */
  readonly timing: MeasureTimingV1;
}

const timings = MEASURE_TIMINGS.map((t) => `\`${t}\` ${MEASURE_TIMING_LABELS[t]['zh-CN']}`).join('、');

/** An assistance measure started (帮扶措施已实施), with its timing against the identification. */
export const assistanceMeasureStartedV1 = defineContract<AssistanceMeasureStartedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'AssistanceMeasureStarted',
  version: 1,
  schemaName: 'assistance-measure-started',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '帮扶措施已实施', en: 'Assistance measure started' },
  summary: {
    'zh-CN':
      '一项帮扶措施开始实施（实际开始日期），并注明相对县级认定的时机：认定后、认定前（提前，已标记），或因灾认定前先行帮扶（政策允许）；时机在记录时判定一次，此后认定不改写',
    en: 'A measure started (the actual start) with its timing against the county’s identification: after it, before it (early, flagged), or before approval for a disaster-driven case (allowed); judged once when recorded, never rewritten by a later approval',
  },
  properties: {
    ...measureEventProperties('实际开始日期', 'Day it actually started'),
    timing: oneWordOf(MEASURE_TIMINGS, `实施时机：${timings} / Timing against the identification`),
  },
  fixture: {
    ...FIXTURE_MEASURE,
    on: '2024-10-08',
    actor: { role: 'township-official' },
    timing: 'after-identification',
  },
});
