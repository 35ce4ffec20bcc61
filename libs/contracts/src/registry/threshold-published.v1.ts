import { defineContract } from '../contract';
import { POLICY_LINES } from './registry.enums';
import { PROVINCE_YEAR_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { closedObject, fen, isoDate, oneWordOf, provinceCode, text, year } from './registry.schema-parts';
import type { Fen, IsoDate, PolicyLineV1 } from './registry.values';

/** One published version of a line. */
export interface LineVersionV1 {
  /** Per-capita net income per year. */
  readonly amountFen: Fen;
  readonly effectiveFrom: IsoDate;
  /** The policy document (文号), e.g. `川乡振发〔2024〕12号`. */
  readonly sourceDocument: string;
}

/** `data` of `cn.relapsewatch.registry.ThresholdPublished.v1`. */
export interface ThresholdPublishedV1 extends LineVersionV1 {
  readonly provinceCode: string;
  readonly year: number;
  /** The monitoring threshold decides eligibility; the inspection filter line only picks visits. */
  readonly line: PolicyLineV1;
  /** 1 for the first version of this line in the year, then 2, 3… */
  readonly revision: number;
  /** The version this one replaces; null for revision 1. */
  readonly supersedes: LineVersionV1 | null;
}

const versionProperties = {
  amountFen: fen('年人均纯收入标准 / Per-capita net income per year'),
  effectiveFrom: isoDate('生效日期 / First day it applies'),
  sourceDocument: text(200, '政策文件文号 / Policy document number'),
};

/** A province published (or revised) the year's monitoring threshold or inspection filter line. */
export const thresholdPublishedV1 = defineContract<ThresholdPublishedV1>({
  context: REGISTRY_CONTEXT,
  event: 'ThresholdPublished',
  version: 1,
  schemaName: 'threshold-published',
  topic: REGISTRY_EVENTS_TOPIC,
  key: PROVINCE_YEAR_KEY,
  title: { 'zh-CN': '监测标准已发布', en: 'Threshold published' },
  summary: {
    'zh-CN': '省份发布或修订年度防返贫监测收入标准（或排查筛选线，仅用于确定走访对象）；修订带被取代的版本',
    en: 'A province published or revised the year’s monitoring income threshold (or the inspection filter line, which only picks households to visit); a revision names the version it replaces',
  },
  properties: {
    provinceCode,
    year: year('适用年度 / Year the line applies to'),
    line: oneWordOf(
      POLICY_LINES,
      '监测标准（识别依据）或排查筛选线（仅定走访） / Monitoring threshold (eligibility) or inspection filter line (visits only)',
    ),
    ...versionProperties,
    revision: {
      type: 'integer',
      minimum: 1,
      description: '本年度该标准的第几个版本 / Version number of this line in the year, from 1',
    },
    supersedes: {
      description: '被取代的版本，首次发布为 null / The version replaced; null for the first',
      oneOf: [{ type: 'null' }, closedObject(versionProperties)],
    },
  },
  fixture: {
    provinceCode: '51',
    year: 2024,
    line: 'monitoring-threshold',
    amountFen: 760_000,
    effectiveFrom: '2024-04-01',
    sourceDocument: '川乡振发〔2024〕12号',
    revision: 2,
    supersedes: { amountFen: 750_000, effectiveFrom: '2024-03-01', sourceDocument: '川乡振发〔2024〕5号' },
  },
});
