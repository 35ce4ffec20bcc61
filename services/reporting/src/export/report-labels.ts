import {
  INSPECTION_AREA_LABELS,
  INSPECTION_METHOD_LABELS,
  LEAD_SOURCE_LABELS,
  MEASURE_CATEGORY_LABELS,
  NATIONAL_RISK_TYPES,
  type LocalizedText,
} from '@relapse-watch/contracts';
import type { DivisionTier } from '@relapse-watch/domain-kernel';

// Chinese names of the codes the reports break down by. The contracts' label tables where they
// exist; the rest written here from DOMAIN.md. A code without a name (a province's own risk type,
// a rule added later) shows as itself: an export never fails on a word it does not know.

/** The codes a breakdown of the reports is keyed by, and their names (Chinese first). */
export type CodeLabels = Readonly<Record<string, string>>;

const zh = (labels: Readonly<Record<string, LocalizedText>>): CodeLabels =>
  Object.fromEntries(Object.entries(labels).map(([code, text]) => [code, text['zh-CN']]));

export const METHOD_LABELS = zh(INSPECTION_METHOD_LABELS);
export const LEAD_SOURCE_NAMES = zh(LEAD_SOURCE_LABELS);
export const MEASURE_CATEGORY_NAMES = zh(MEASURE_CATEGORY_LABELS);
export const AREA_NAMES = zh(INSPECTION_AREA_LABELS);
export const RISK_TYPE_NAMES: CodeLabels = Object.fromEntries(NATIONAL_RISK_TYPES.map(([code, name]) => [code, name]));
export const MONITORING_CATEGORY_NAMES: CodeLabels = {
  'unstable-poverty-alleviated': '脱贫不稳定户',
  'marginal-prone-to-poverty': '边缘易致贫户',
  'sudden-severe-hardship': '突发严重困难户',
};
export const LINE_NAMES: CodeLabels = { 'monitoring-threshold': '监测范围（标准）', 'inspection-filter': '排查筛选线' };
export const DURATION_NAMES: CodeLabels = { 'up-to-1y': '一年以内', '1-2y': '一至两年', 'over-2y': '两年以上' };

/** The tier as officials name it, and in English. */
export const TIER_NAMES: Readonly<Record<DivisionTier, string>> = {
  province: '省 / province',
  city: '市 / city',
  county: '县 / county',
  township: '乡镇 / township',
  village: '村 / village',
};

/** `中文 / English` for a breakdown column: the group, then the code's name and the code. */
export function breakdownHeader(group: readonly [zh: string, en: string], labels: CodeLabels, code: string): string {
  const name = labels[code];
  return `${group[0]}：${name ?? code} / ${group[1]}: ${code}`;
}
