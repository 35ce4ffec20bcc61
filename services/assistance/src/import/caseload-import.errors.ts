import type { DomainProblem } from '@relapse-watch/domain-kernel';
import type { ImportErrorLine } from '@relapse-watch/sheet-io';
import { CASELOAD_COLUMNS, caseloadColumnHeader, type CaseloadColumn } from './caseload-sheet.columns';

// Messages name the column and the rule, never the value: error files sit next to the sheet and
// travel by e-mail (see the registry's import.errors.ts).
const MESSAGES = {
  'import.field-required': '必填项为空 / A required field is empty',
  'import.value-unknown': '取值不是该列的可选值 / The value is not one of the column’s allowed values',
  'import.date-format':
    '应为日期，如 2022-04-18、2022/4/18 或 2022年4月18日 / The value must be a date such as 2022-04-18, 2022/4/18 or 2022年4月18日',
  'import.elimination-conflict':
    '风险已消除须填消除时间，未消除不填消除时间 / An eliminated risk has an elimination date and an open one has none',
  'import.case-mismatch':
    '本行的监测信息与本户首个有效行不一致 / The case columns differ from those of the case’s first accepted row',
  'import.case-rejected':
    '本户监测记录被拒（原因见本户首个有效行），本行未导入 / The household’s case was refused (see its first accepted row), so this row was not imported',
  'import.measure-duplicate':
    '同一类别、措施、责任单位和开始时间的措施重复出现 / The same measure (category, kind, department and start) appears twice',
  'import.measure-end-before-start': '结束时间早于开始时间 / The end lies before the start',
  'import.household-unknown':
    '帮扶服务尚不知道该村的这个户编号（请先导入户籍信息表） / The assistance service knows no household of this number in the village (import the household sheet first)',
} as const;

/** Rule codes of the caseload import (its rows also fail the case's, the plan's and the kernel's rules). */
export type CaseloadImportCode = keyof typeof MESSAGES;

/** Every caseload import rule code with its `中文 / English` message. */
export const CASELOAD_IMPORT_MESSAGES: Readonly<Record<CaseloadImportCode, string>> = MESSAGES;

/** The problem for a rule at a column. */
export function caseloadProblem(code: CaseloadImportCode, field: CaseloadColumn): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

// The deciders' fields, as the columns of the sheet they came from.
const CASE_FIELD_TO_COLUMN: Readonly<Record<string, CaseloadColumn>> = {
  on: 'identifiedOn',
  caseId: 'householdNumber',
  householdId: 'householdNumber',
  villageCode: 'villageCode',
  leadSource: 'leadSource',
  category: 'monitoringCategory',
  riskTypes: 'riskTypes',
  eliminatedOn: 'eliminatedOn',
};
const MEASURE_FIELD_TO_COLUMN: Readonly<Record<string, CaseloadColumn>> = {
  measureId: 'measureKind',
  category: 'measureCategory',
  kind: 'measureKind',
  responsibleDepartment: 'responsibleDepartment',
  plannedStart: 'measureStart',
  actualStart: 'measureStart',
  plannedEnd: 'measureEnd',
  actualEnd: 'measureEnd',
  outcome: 'measureEnd',
  continuesAfterEliminationUntil: 'measureEnd',
  amountFen: 'amountYuan',
};

/** The column a case decider's (or the episode's) field stands for; the household number for anything else. */
export function caseColumnOf(field: string | undefined): CaseloadColumn {
  return CASE_FIELD_TO_COLUMN[field ?? ''] ?? 'householdNumber';
}

/** The column a plan decider's measure field (`measures[i].x`, or `x`) stands for. */
export function measureColumnOf(field: string | undefined): CaseloadColumn {
  const name = (field ?? '').replace(/^measures\[\d+\]\./, '');
  return MEASURE_FIELD_TO_COLUMN[name] ?? 'measureCategory';
}

/** Error lines of a row's problems, each at the column the given mapping names. */
export function caseloadErrorLines(
  row: number,
  problems: readonly DomainProblem[],
  columnOf: (field: string | undefined) => string = (field) => field ?? '',
): ImportErrorLine[] {
  return problems.map((p) => ({ row, field: columnOf(p.field), code: p.code, message: p.message }));
}

/** The caseload sheet's header of a column key (the error file names columns as the sheet does). */
export function caseloadColumnHeaderOf(field: string): string | undefined {
  return CASELOAD_COLUMNS.some(([key]) => key === field) ? caseloadColumnHeader(field as CaseloadColumn) : undefined;
}
