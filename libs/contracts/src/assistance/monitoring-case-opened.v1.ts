import { defineContract } from '../contract';
import { closedObject, id, oneWordOf } from '../registry/registry.schema-parts';
import type { IsoDate } from '../registry/registry.values';
import { localDate } from '../inspection/inspection.schema-parts';
import { LEAD_SOURCE_LABELS, LEAD_SOURCES } from './assistance.enums';
import { caseEventProperties, caseId, caseSuggestion, departmentCode } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1, CaseSuggestionV1, LeadV1 } from './assistance.values';

/** `data` of `cn.relapsewatch.assistance.MonitoringCaseOpened.v1`. */
export interface MonitoringCaseOpenedV1 extends CaseEventV1 {
  readonly lead: LeadV1;
  /** The eliminated case this episode follows (a relapse), or null. */
  readonly previousCaseId: string | null;
  readonly suggestion: CaseSuggestionV1 | null;
  /** Last day to accept or dismiss the lead (the province's time limit on its working-day calendar). */
  readonly acceptBy: IsoDate;
}

/** The case every assistance fixture is about: the household the inspection flagged, 平昌县 (Pingchang county). */
export const FIXTURE_CASE = {
  caseId: CASE_SUBJECT.example,
  householdId: ASSISTANCE_HOUSEHOLD_KEY.example,
  villageCode: '511923102202',
} as const;

const sources = LEAD_SOURCES.map((source) => `\`${source}\` ${LEAD_SOURCE_LABELS[source]['zh-CN']}`).join('、');

/** A lead opened a monitoring case (监测线索已立案): one case per household episode. */
export const monitoringCaseOpenedV1 = defineContract<MonitoringCaseOpenedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'MonitoringCaseOpened',
  version: 1,
  schemaName: 'monitoring-case-opened',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '监测案例已立案', en: 'Monitoring case opened' },
  summary: {
    'zh-CN':
      '一条监测线索（农户自主申报、基层干部排查、部门筛查预警或集中排查）为一户立案，开始识别程序：线索来源和编号、返贫时的上一案例、排查规则的建议、受理时限。线索摘要为自由文本，不发布',
    en: 'A lead (self-application, cadre inspection, department warning or the concentrated inspection) opened a case for a household and the identification procedure begins: the lead’s source and reference, the previous case for a relapse, the inspection rules’ suggestion, the day to accept by. The lead’s summary is free text and not published',
  },
  properties: {
    ...caseEventProperties('立案日期', 'Day the case was opened'),
    lead: closedObject(
      {
        source: oneWordOf(LEAD_SOURCES, `线索来源：${sources} / Where the lead came from`),
        referenceId: id(
          '线索编号：申报、排查报告或预警的编号，集中排查时为排查服务被采纳的建议编号（HouseholdFlaggedAtRisk.suggestionId） / The application’s, report’s or warning’s id; for the concentrated inspection the accepted suggestion id (HouseholdFlaggedAtRisk.suggestionId)',
        ),
        department: {
          oneOf: [
            departmentCode(
              '预警部门代码，如 `health-insurance` / The warning department’s code, e.g. `health-insurance`',
            ),
            { type: 'null' },
          ],
          description:
            '部门筛查预警的发送部门；其他来源为 null / The sending department of a department warning; null for other sources',
        },
      },
      '线索 / The lead',
    ),
    previousCaseId: {
      oneOf: [caseId, { type: 'null' }],
      description:
        '返贫时此前已消除风险的案例（见 MonitoringCaseReopened）；首次监测为 null / For a relapse, the eliminated case this episode follows (see MonitoringCaseReopened); null otherwise',
    },
    suggestion: caseSuggestion,
    acceptBy: localDate(
      '受理时限（含当日，按省定时限和工作日历计算）',
      'Accept or dismiss the lead by (inclusive; the province’s time limit on its working-day calendar)',
    ),
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2024-09-02',
    actor: { role: 'township-official' },
    lead: { source: 'concentrated-inspection', referenceId: '0192f6d0-8a31-7b05-9c4e-2d6f8a1b3c75', department: null },
    previousCaseId: null,
    suggestion: {
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
    },
    acceptBy: '2024-09-04',
  },
});
