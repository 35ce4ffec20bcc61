import { defineContract } from '../contract';
import type { IsoDate } from '../registry/registry.values';
import { localDate } from '../inspection/inspection.schema-parts';
import { caseEventProperties } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.RiskEliminated.v1`; `on` is the day eliminated. */
export interface RiskEliminatedV1 extends CaseEventV1 {
  /** The day monitoring began (the identification). */
  readonly identifiedOn: IsoDate;
  /** Completed years from `identifiedOn` to `on`, for the report's over-1 and over-2-years buckets. */
  readonly yearsMonitored: number;
}

/** The county granted the risk elimination (风险消除): the household is no longer a monitoring subject from `on`. */
export const riskEliminatedV1 = defineContract<RiskEliminatedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'RiskEliminated',
  version: 1,
  schemaName: 'risk-eliminated',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '风险已消除', en: 'Risk eliminated' },
  summary: {
    'zh-CN':
      '县级批准风险消除：自 `on` 起不再是监测对象，记录保留，继续回访；返贫时新立案例（见 MonitoringCaseReopened）。附监测开始日期和已监测整年数',
    en: 'The county granted the risk elimination: no longer a monitoring subject from `on`; the record stays and follow-up visits go on; a relapse opens a new case (see MonitoringCaseReopened). With the day monitoring began and the completed years monitored',
  },
  properties: {
    ...caseEventProperties('风险消除日期（县级批准之日）', 'Day eliminated (the county’s decision)'),
    identifiedOn: localDate('纳入监测的日期', 'Day monitoring began (identification)'),
    yearsMonitored: {
      type: 'integer',
      minimum: 0,
      description:
        '从纳入监测到风险消除的整年数（满 1 年、满 2 年分档统计） / Completed years from identification to elimination (for the over-1 and over-2-years buckets)',
    },
  },
  fixture: {
    ...FIXTURE_CASE,
    on: '2025-11-27',
    actor: { role: 'county-official' },
    identifiedOn: '2024-09-24',
    yearsMonitored: 1,
  },
});
