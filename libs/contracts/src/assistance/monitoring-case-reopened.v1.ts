import { defineContract } from '../contract';
import { caseEventProperties, caseId, REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/**
 * `data` of `cn.relapsewatch.assistance.MonitoringCaseReopened.v1`: `caseId` (the subject) is the
 * eliminated case, the previous episode; `newCaseId` the episode the relapse opens.
 */
export interface MonitoringCaseReopenedV1 extends CaseEventV1 {
  readonly newCaseId: string;
}

/** An eliminated household relapsed (返贫): its case links forward to the new episode's case. */
export const monitoringCaseReopenedV1 = defineContract<MonitoringCaseReopenedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'MonitoringCaseReopened',
  version: 1,
  schemaName: 'monitoring-case-reopened',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '返贫重新纳入监测', en: 'Monitoring case reopened' },
  summary: {
    'zh-CN': `已消除风险的农户返贫：原案例（caseId，即 subject）指向新案例（newCaseId），新案例随后以 MonitoringCaseOpened 立案并以 previousCaseId 指回；二者键同为农户编号，按此顺序到达。${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `A household whose risk was eliminated relapsed: the previous case (caseId, the subject) links to the new one (newCaseId), which MonitoringCaseOpened then opens with previousCaseId pointing back; both are keyed by the household id and arrive in that order. ${REASON_KEPT_INSIDE.en}`,
  },
  properties: {
    ...caseEventProperties('发现返贫的日期', 'Day the relapse was recorded'),
    newCaseId: { ...caseId, description: '返贫后新立的案例编号 / The new episode’s case id' },
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2026-08-01',
    actor: { role: 'township-official' },
    newCaseId: '0193a1b2-0000-7000-8000-000000000002',
  },
});
