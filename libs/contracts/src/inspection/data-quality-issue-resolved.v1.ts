import { defineContract } from '../contract';
import type { IsoDate } from '../registry/registry.values';
import {
  DATA_QUALITY_ISSUE_PROPERTIES,
  FIXTURE_DATA_QUALITY_ISSUE,
  type DataQualityIssueV1,
} from './data-quality-issue-raised.v1';
import { localDate, officialText } from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';

/** `data` of `cn.relapsewatch.inspection.DataQualityIssueResolved.v1`. */
export interface DataQualityIssueResolvedV1 extends DataQualityIssueV1 {
  readonly resolvedOn: IsoDate;
  /** How it was fixed: free text, no personal data. */
  readonly resolution: string;
}

/** A data-quality issue was resolved (数据质量问题已整改). */
export const dataQualityIssueResolvedV1 = defineContract<DataQualityIssueResolvedV1>({
  context: INSPECTION_CONTEXT,
  event: 'DataQualityIssueResolved',
  version: 1,
  schemaName: 'data-quality-issue-resolved',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '数据质量问题已整改', en: 'Data-quality issue resolved' },
  summary: {
    'zh-CN': '一个数据质量问题整改完毕（日期和整改说明）；载荷重复问题的规则和字段，订阅方无需历史即可统计',
    en: 'A data-quality issue was resolved (date and resolution); the payload repeats the issue’s rule and field, so a subscriber counts without history',
  },
  properties: {
    ...DATA_QUALITY_ISSUE_PROPERTIES,
    resolvedOn: localDate('整改日期', 'Date resolved'),
    resolution: officialText('整改说明', 'How it was resolved'),
  },
  fixture: {
    ...FIXTURE_DATA_QUALITY_ISSUE,
    resolvedOn: '2024-09-03',
    resolution: '经核实该成员已返校就读初二，已在登记系统更正在校生状况',
  },
});
