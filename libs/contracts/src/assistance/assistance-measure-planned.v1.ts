import type { JsonSchema } from '../contract';
import { defineContract } from '../contract';
import { fen, oneWordOf } from '../registry/registry.schema-parts';
import type { Fen, IsoDate } from '../registry/registry.values';
import { localDate } from '../inspection/inspection.schema-parts';
import { MEASURE_CATEGORIES, MEASURE_CATEGORY_LABELS } from './assistance.enums';
import { caseEventProperties, measureId, measureLabel } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, MeasureCategoryV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** What every measure event carries beside the case: the measure and its category (so counts need no history). */
export interface MeasureEventV1 extends CaseEventV1 {
  readonly measureId: string;
  readonly category: MeasureCategoryV1;
}

/** `data` of `cn.relapsewatch.assistance.AssistanceMeasurePlanned.v1`; `on` is the day it was planned. */
export interface AssistanceMeasurePlannedV1 extends MeasureEventV1 {
  /** What the measure is within its category, e.g. 公益性岗位 (a name, not a text about the household). */
  readonly kind: string;
  /** The department responsible (责任单位), e.g. 县人力资源和社会保障局. */
  readonly responsibleDepartment: string;
  readonly plannedStart: IsoDate;
  /** Null for a measure without a planned end (dibao runs until its review ends it). */
  readonly plannedEnd: IsoDate | null;
  /** Zero for a measure that pays nothing (a training place, a job referral). */
  readonly amountFen: Fen;
  /** The measure continues after the risk is eliminated until this day (transition); null when it does not. */
  readonly continuesAfterEliminationUntil: IsoDate | null;
}

const categories = MEASURE_CATEGORIES.map(
  (category) => `\`${category}\` ${MEASURE_CATEGORY_LABELS[category]['zh-CN']}`,
).join('、');

const nullableDate = (zh: string, en: string, nullZh: string, nullEn: string): JsonSchema => ({
  oneOf: [localDate(zh, en), { type: 'null' }],
  description: `${zh}；${nullZh} / ${en}; ${nullEn}`,
});

/** The properties of every measure event: the case's, then the measure and its category. */
export function measureEventProperties(onZh: string, onEn: string): Readonly<Record<string, JsonSchema>> {
  return {
    ...caseEventProperties(onZh, onEn),
    measureId,
    category: oneWordOf(
      MEASURE_CATEGORIES,
      `帮扶措施类别：${categories}；产业、就业为发展类措施 / Measure category; industry and employment are development measures`,
    ),
  };
}

/** The measure of every plan fixture: a public-welfare post for the household's working member. */
export const FIXTURE_MEASURE = {
  ...FIXTURE_CASE,
  measureId: '0193a1c0-7d12-7a35-8b40-1c2d3e4f5a60',
  category: 'employment',
} as const;

/** An assistance measure was planned for a monitored household (帮扶措施已制定). */
export const assistanceMeasurePlannedV1 = defineContract<AssistanceMeasurePlannedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'AssistanceMeasurePlanned',
  version: 1,
  schemaName: 'assistance-measure-planned',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '帮扶措施已制定', en: 'Assistance measure planned' },
  summary: {
    'zh-CN':
      '为监测案例制定一项帮扶措施：类别、措施名称、责任单位、计划起止日期、金额、风险消除后延续至何日。有劳动能力的家庭须有产业或就业类发展措施',
    en: 'A measure was planned for a monitoring case: category, what it is, the department responsible, planned start and end, amount, and until when it continues after elimination. A household with labour capacity needs a development measure (industry or employment)',
  },
  properties: {
    ...measureEventProperties('制定日期', 'Day planned'),
    kind: measureLabel(
      '措施名称，如“公益性岗位”“低保”“小额信贷”',
      'What the measure is, e.g. 公益性岗位, 低保, 小额信贷',
    ),
    responsibleDepartment: measureLabel('责任单位，如“县人力资源和社会保障局”', 'The department responsible'),
    plannedStart: localDate('计划开始日期', 'Planned start'),
    plannedEnd: nullableDate('计划结束日期', 'Planned end', '无计划结束日期时为 null', 'null when none is planned'),
    amountFen: fen('帮扶金额（不涉及资金的措施为 0） / Amount; 0 for a measure that pays nothing'),
    continuesAfterEliminationUntil: nullableDate(
      '风险消除后延续至（过渡期）',
      'Continues after elimination until (transition)',
      '不延续时为 null',
      'null when it does not continue',
    ),
  },
  fixture: {
    ...FIXTURE_MEASURE,
    on: '2024-09-26',
    actor: { role: 'township-official' },
    kind: '公益性岗位（村道保洁）',
    responsibleDepartment: '平昌县人力资源和社会保障局',
    plannedStart: '2024-10-01',
    plannedEnd: '2025-09-30',
    amountFen: 600_000,
    continuesAfterEliminationUntil: null,
  },
});
