import { defineContract } from '../contract';
import { oneWordOf } from '../registry/registry.schema-parts';
import type { IsoDate } from '../registry/registry.values';
import { localDate } from '../inspection/inspection.schema-parts';
import { OVERDUE_STEP_LABELS, OVERDUE_STEPS } from './assistance.enums';
import { caseEventProperties } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, OverdueStepV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.MonitoringCaseOverdue.v1`; `on` is the day it was noticed. */
export interface MonitoringCaseOverdueV1 extends CaseEventV1 {
  readonly step: OverdueStepV1;
  /** The step's last day (inclusive), as the case's time limits set it. */
  readonly dueOn: IsoDate;
}

const steps = OVERDUE_STEPS.map((step) => `\`${step}\` ${OVERDUE_STEP_LABELS[step]['zh-CN']}`).join('、');

/** A step of the identification passed its time limit (超时限): once per step and case. */
export const monitoringCaseOverdueV1 = defineContract<MonitoringCaseOverdueV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'MonitoringCaseOverdue',
  version: 1,
  schemaName: 'monitoring-case-overdue',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '监测案例已超时限', en: 'Monitoring case overdue' },
  summary: {
    'zh-CN':
      '识别程序的一个环节（受理、入户核实或整个认定程序）超过省定时限（按工作日历计算）；每个案例每个环节只发布一次，案例继续办理',
    en: 'A step of the identification (accepting the lead, home verification, or the whole procedure) passed the province’s time limit on its working-day calendar; published once per step and case, and the case goes on',
  },
  properties: {
    ...caseEventProperties('发现超时限的日期', 'Day the overdue step was noticed'),
    step: oneWordOf(OVERDUE_STEPS, `超时限的环节：${steps} / The step overdue`),
    dueOn: localDate('该环节的时限（含当日）', 'The step’s last day (inclusive)'),
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2024-09-13',
    actor: { role: 'system' },
    step: 'home-verification',
    dueOn: '2024-09-10',
  },
});
