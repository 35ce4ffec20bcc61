import type { SheetCell } from '@relapse-watch/sheet-io';
import type { Breakdown, TierReport } from '../domain/tier-report/tier-report';
import { breakdownHeader, type CodeLabels } from './report-labels';

/** The reports an export can hold, one worksheet each (`all`: every one). */
export const REPORT_NAMES = [
  'campaign',
  'new-subjects',
  'monitoring',
  'income',
  'assistance',
  'elimination',
  'data-quality',
  'policy-awareness',
  'rectification',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Each report's title: the worksheet's name and part of the file name. */
export const REPORT_TITLES: Readonly<Record<ReportName, readonly [zh: string, en: string]>> = {
  campaign: ['排查进度', 'Campaign progress'],
  'new-subjects': ['新识别监测对象', 'New monitoring subjects'],
  monitoring: ['监测对象', 'Monitoring subjects'],
  income: ['收入', 'Income'],
  assistance: ['帮扶', 'Assistance'],
  elimination: ['风险消除', 'Elimination'],
  'data-quality': ['数据质量', 'Data quality'],
  'policy-awareness': ['政策知晓', 'Policy awareness'],
  rectification: ['整改台账', 'Rectification ledger'],
};

/** One column of an exported report: its `中文 / English` header and its cell from a unit's report. */
export interface ReportColumn {
  readonly header: string;
  readonly value: (report: TierReport) => SheetCell;
}

export const column = (zh: string, en: string, value: ReportColumn['value']): ReportColumn => ({
  header: `${zh} / ${en}`,
  value,
});

/**
 * Columns for each code of a breakdown: the closed list's codes (so a sheet has the same columns
 * whatever the area), then any other code the total has. The total is the unit's own report, the
 * sum of the units listed under it, so no listed unit holds a code the total lacks.
 */
export function breakdown(
  group: readonly [string, string],
  labels: CodeLabels,
  known: readonly string[],
  total: Breakdown,
  of: (report: TierReport) => Breakdown | undefined,
): ReportColumn[] {
  const codes = [...known, ...Object.keys(total).filter((code) => !known.includes(code))];
  return codes.map((code) => ({
    header: breakdownHeader(group, labels, code),
    value: (report) => of(report)?.[code] ?? 0,
  }));
}
