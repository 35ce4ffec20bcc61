import type { MeasureCategory } from '../domain/assistance-plan/assistance-plan.values';
import type { LeadSource, MonitoringCategory } from '../domain/monitoring-case/monitoring-case.values';

/**
 * The columns of the caseload sheet (监测对象帮扶台账): one row per assistance measure, the case's
 * columns repeated on every row of the case, rows of one case consecutive; a case without
 * measures is one row with the measure columns empty. A header cell is `中文 english` (either
 * half alone, or an alias, is accepted too); the import finds columns by header, in any order.
 * See README.md in this folder.
 */
export const CASELOAD_COLUMNS = [
  ['villageCode', '村代码'],
  ['householdNumber', '户编号'],
  ['monitoringCategory', '监测对象类别'],
  ['identifiedOn', '识别时间'],
  ['leadSource', '纳入方式'],
  ['riskTypes', '风险类型'],
  ['riskEliminated', '风险是否消除'],
  ['eliminatedOn', '消除时间'],
  ['measureCategory', '帮扶措施类别'],
  ['measureKind', '帮扶措施'],
  ['responsibleDepartment', '责任单位'],
  ['measureStart', '开始时间'],
  ['measureEnd', '结束时间'],
  ['amountYuan', '金额'],
] as const;

/** A column's key (its English name). */
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number][0];

/** The case's own columns: equal on every row of one case. */
export const CASE_COLUMNS: readonly CaseloadColumn[] = [
  'villageCode',
  'householdNumber',
  'monitoringCategory',
  'identifiedOn',
  'leadSource',
  'riskTypes',
  'riskEliminated',
  'eliminatedOn',
];

/** The measure columns: all empty on the row of a case without measures. */
export const MEASURE_COLUMNS: readonly CaseloadColumn[] = [
  'measureCategory',
  'measureKind',
  'responsibleDepartment',
  'measureStart',
  'measureEnd',
  'amountYuan',
];

/** Other headers the national system's exports and officials' sheets use (the registry's spellings included). */
export const CASELOAD_COLUMN_ALIASES: Readonly<Partial<Record<CaseloadColumn, readonly string[]>>> = {
  monitoringCategory: ['监测类型', '监测户类型'],
  identifiedOn: ['识别日期', '纳入监测时间'],
  leadSource: ['识别来源', '纳入监测方式'],
  riskEliminated: ['是否消除风险'],
  eliminatedOn: ['风险消除时间', '消除日期'],
  measureCategory: ['措施类别', '帮扶类别'],
  measureKind: ['措施名称', '具体措施'],
  responsibleDepartment: ['责任部门'],
  measureStart: ['措施开始时间', '开始日期'],
  measureEnd: ['措施结束时间', '结束日期'],
  amountYuan: ['帮扶金额', '金额（元）', '金额(元)'],
};

/** Columns a sheet may lack altogether (an export without elimination or amounts). */
export const OPTIONAL_CASELOAD_HEADERS: ReadonlySet<CaseloadColumn> = new Set<CaseloadColumn>([
  'riskEliminated',
  'eliminatedOn',
  'measureEnd',
  'amountYuan',
]);

/** `中文 english`: the header cell of a column. */
export function caseloadColumnHeader(column: CaseloadColumn): string {
  const entry = CASELOAD_COLUMNS.find(([key]) => key === column);
  return entry === undefined ? column : `${entry[1]} ${entry[0]}`;
}

/**
 * Coded values as officials write them: the first word of each list is what the generator
 * writes, the others are spellings met in provinces' exports; the English code is accepted too.
 */
export const CASELOAD_VOCABULARY = {
  monitoringCategory: {
    'unstable-poverty-alleviated': ['脱贫不稳定户'],
    'marginal-prone-to-poverty': ['边缘易致贫户'],
    'sudden-severe-hardship': ['突发严重困难户'],
  } satisfies Record<MonitoringCategory, readonly string[]>,
  leadSource: {
    'self-application': ['农户自主申报', '农户申请', '自主申报', '农户自主申请'],
    'cadre-inspection': ['基层干部排查', '干部排查', '干部走访排查'],
    'department-warning': ['部门筛查预警', '部门预警', '部门信息比对预警'],
    'concentrated-inspection': ['集中排查'],
  } satisfies Record<LeadSource, readonly string[]>,
  measureCategory: {
    industry: ['产业帮扶', '产业'],
    employment: ['就业帮扶', '就业'],
    health: ['健康帮扶', '健康', '医疗保障'],
    education: ['教育帮扶', '教育'],
    'social-assistance': ['社会救助', '综合保障', '兜底保障'],
    housing: ['住房安全保障', '住房', '住房保障'],
    'drinking-water': ['饮水安全保障', '饮水', '饮水安全'],
    other: ['其他帮扶', '其他'],
  } satisfies Record<MeasureCategory, readonly string[]>,
} as const;

/** The code of a coded value (a Chinese word of its list, or the code itself), or undefined. */
export function codeOf<K extends string>(
  text: string,
  vocabulary: Readonly<Record<K, readonly string[]>>,
): K | undefined {
  return (Object.keys(vocabulary) as K[]).find((code) => code === text || vocabulary[code].includes(text));
}

/** How the sheet writes a boolean. */
export const YES = '是';
export const NO = '否';
