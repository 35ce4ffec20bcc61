import type { HousingGrade } from '../domain/household/household.values';
import type { MonitoringCategory } from '../domain/household/legacy-monitoring.values';
import type { LabourCapacity, RelationToHead, SchoolingStage, WorkPlace } from '../domain/household/member.values';

/**
 * The columns of the household sheet (户籍信息表), one row per member with the household's columns
 * repeated, in the order the generator writes them. A header cell is `中文 english` (either half
 * alone is accepted too); the import finds columns by header, in any order. See README.md.
 */
export const SHEET_COLUMNS = [
  ['villageCode', '村代码'],
  ['householdNumber', '户编号'],
  ['status', '户类型'],
  ['yearLeftPoverty', '脱贫年度'],
  ['relocated', '易地扶贫搬迁'],
  ['urbanHukou', '农转非'],
  ['incomeYear', '收入年度'],
  ['wagesYuan', '工资性收入'],
  ['grossBusinessYuan', '生产经营性收入'],
  ['propertyYuan', '财产性收入'],
  ['transferYuan', '转移性收入'],
  ['productionCostsYuan', '生产经营费用支出'],
  ['expenditureYear', '支出年度'],
  ['medicalAfterReimbursementYuan', '自付医疗费用'],
  ['educationYuan', '教育支出'],
  ['disasterLossYuan', '灾害损失'],
  ['foodAndClothingSecured', '不愁吃穿'],
  ['compulsoryEducationSecured', '义务教育保障'],
  ['medicalInsuranceCovered', '基本医疗保障'],
  ['housingGrade', '住房安全等级'],
  ['drinkingWaterSafe', '饮水安全'],
  ['name', '姓名'],
  ['residentId', '身份证号码'],
  ['relationToHead', '与户主关系'],
  ['health', '健康状况'],
  ['disabilityGrade', '残疾等级'],
  ['labourCapacity', '劳动技能'],
  ['workPlace', '务工地点'],
  ['employmentStability', '务工稳定性'],
  ['schooling', '在校生状况'],
  ['medicalInsuranceEnrolled', '参加医疗保险'],
  ['livesInHousehold', '常住'],
  // The monitoring columns of a monitoring subject's rows (监测户); optional in the header.
  ['monitoringCategory', '监测对象类别'],
  ['identifiedOn', '识别时间'],
  ['riskTypes', '风险类型'],
  ['riskEliminated', '风险是否消除'],
  ['eliminatedOn', '消除时间'],
] as const;

/** A column's key (its English name). */
export type SheetColumn = (typeof SHEET_COLUMNS)[number][0];

/** `中文 english`: the header cell of a column. */
export function columnHeader(column: SheetColumn): string {
  const entry = SHEET_COLUMNS.find(([key]) => key === column);
  return entry === undefined ? column : `${entry[1]} ${entry[0]}`;
}

/**
 * Other headers officials' sheets use for a column, in Chinese or as the English key of an
 * earlier version of this sheet: the costs column was headed 生产经营性支出, and the income keys
 * were `net…` before business income was named gross (issue 9).
 */
export const COLUMN_ALIASES: Readonly<Partial<Record<SheetColumn, readonly string[]>>> = {
  grossBusinessYuan: ['netBusinessYuan'],
  propertyYuan: ['netPropertyYuan', '财产净收入'],
  transferYuan: ['netTransferYuan', '转移净收入'],
  productionCostsYuan: ['生产经营性支出'],
  monitoringCategory: ['监测类型', '监测户类型'],
  identifiedOn: ['识别日期', '纳入监测时间'],
  riskEliminated: ['是否消除风险'],
  eliminatedOn: ['风险消除时间', '消除日期'],
};

/** The monitoring columns (监测户 rows): household columns a sheet may lack altogether. */
export const MONITORING_COLUMNS: readonly SheetColumn[] = [
  'monitoringCategory',
  'identifiedOn',
  'riskTypes',
  'riskEliminated',
  'eliminatedOn',
];

/** Columns the household's own facts live in: equal on every row of one household. */
export const HOUSEHOLD_COLUMNS: readonly SheetColumn[] = [
  ...SHEET_COLUMNS.slice(
    0,
    SHEET_COLUMNS.findIndex(([key]) => key === 'name'),
  ).map(([key]) => key),
  ...MONITORING_COLUMNS,
];

/** The rigid-expenditure columns (DOMAIN.md): optional as a group, all empty meaning no record. */
export const RIGID_EXPENDITURE_COLUMNS = [
  'expenditureYear',
  'medicalAfterReimbursementYuan',
  'educationYuan',
  'disasterLossYuan',
] as const satisfies readonly SheetColumn[];

/** Columns whose header may be missing: a sheet without monitoring subjects need not carry their columns. */
export const OPTIONAL_HEADERS: ReadonlySet<SheetColumn> = new Set<SheetColumn>(MONITORING_COLUMNS);

/**
 * Columns that may be empty: the year left poverty (ordinary households), the rigid expenditure (no
 * record), the disability grade (no disability), the work columns (not employed), the monitoring
 * columns (rows not of a monitoring subject).
 */
export const OPTIONAL_COLUMNS: ReadonlySet<SheetColumn> = new Set<SheetColumn>([
  'yearLeftPoverty',
  ...RIGID_EXPENDITURE_COLUMNS,
  'disabilityGrade',
  'workPlace',
  'employmentStability',
  ...MONITORING_COLUMNS,
]);

/**
 * Coded values as the sheet writes them (Chinese, as officials fill it in); the English code is
 * accepted as well. Booleans are 是/否 (also yes/no, true/false, 1/0).
 */
export const SHEET_VOCABULARY = {
  status: { ordinary: '一般农户', 'poverty-alleviated': '脱贫户' },
  monitoringCategory: {
    'unstable-poverty-alleviated': '脱贫不稳定户',
    'marginal-prone-to-poverty': '边缘易致贫户',
    'sudden-severe-hardship': '突发严重困难户',
  } satisfies Record<MonitoringCategory, string>,
  relationToHead: {
    head: '户主',
    spouse: '配偶',
    child: '子女',
    'child-in-law': '儿媳或女婿',
    grandchild: '孙子女',
    parent: '父母',
    'parent-in-law': '岳父母或公婆',
    grandparent: '祖父母',
    sibling: '兄弟姐妹',
    'other-relative': '其他亲属',
    other: '其他',
  } satisfies Record<RelationToHead, string>,
  health: { healthy: '健康', 'chronic-illness': '长期慢性病', 'serious-illness': '患有大病', disabled: '残疾' },
  labourCapacity: {
    skilled: '技能劳动力',
    ordinary: '普通劳动力',
    weak: '弱劳动力或半劳动力',
    lost: '丧失劳动力',
    none: '无劳动力',
  } satisfies Record<LabourCapacity, string>,
  workPlace: {
    'within-county': '县内',
    'outside-county-within-province': '省内县外',
    'outside-province': '省外',
  } satisfies Record<WorkPlace, string>,
  employmentStability: { stable: '稳定', unstable: '不稳定' },
  schooling: {
    'pre-school': '学前教育',
    primary: '小学',
    'junior-secondary': '初中',
    'senior-secondary': '高中',
    'secondary-vocational': '中职',
    'higher-vocational': '高职',
    'undergraduate-or-above': '本科及以上',
    'dropped-out': '辍学',
    'not-in-school': '非在校生',
  } satisfies Record<SchoolingStage, string>,
  housingGrade: { A: 'A', B: 'B', C: 'C', D: 'D' } satisfies Record<HousingGrade, string>,
} as const;

/**
 * 户类型 of a monitoring subject's row: not a status (DOMAIN.md), it says the row carries
 * monitoring columns; the household imports with its base status (see README.md).
 */
export const MONITORING_SUBJECT = { code: 'monitoring-subject', zh: '监测户' } as const;

/** How the sheet writes a boolean. */
export const YES = '是';
export const NO = '否';
