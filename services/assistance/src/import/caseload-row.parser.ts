import {
  atField,
  freeTextFault,
  isRiskTypeCode,
  parseYuan,
  riskTypeCodeOf,
  type DomainProblem,
  type Fen,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import { sheetColumnIndex, sheetDate } from '@relapse-watch/sheet-io';
import { planProblem } from '../domain/assistance-plan/assistance-plan.errors';
import type { MeasureCategory } from '../domain/assistance-plan/assistance-plan.values';
import type { LeadSource, MonitoringCategory } from '../domain/monitoring-case/monitoring-case.values';
import { caseloadProblem } from './caseload-import.errors';
import {
  CASE_COLUMNS,
  CASELOAD_COLUMN_ALIASES,
  CASELOAD_COLUMNS,
  CASELOAD_VOCABULARY,
  codeOf,
  MEASURE_COLUMNS,
  NO,
  OPTIONAL_CASELOAD_HEADERS,
  YES,
  type CaseloadColumn,
} from './caseload-sheet.columns';

/** Where each column sits in a row (-1 for an optional column the sheet lacks). */
export type CaseloadColumnIndex = Readonly<Record<CaseloadColumn, number>>;

/**
 * Finds the caseload sheet's columns by header (sheet-io's `sheetColumnIndex`).
 * @throws DomainError `import.header` naming every missing column.
 */
export function caseloadColumnIndex(header: readonly string[]): CaseloadColumnIndex {
  return sheetColumnIndex(header, CASELOAD_COLUMNS, {
    aliases: CASELOAD_COLUMN_ALIASES,
    optional: OPTIONAL_CASELOAD_HEADERS,
  });
}

/** A case as the sheet states it. */
export interface SheetCase {
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly category: MonitoringCategory;
  readonly identifiedOn: IsoDate;
  readonly leadSource: LeadSource;
  /** Codes, in the sheet's order, each once. */
  readonly riskTypes: readonly string[];
  readonly eliminatedOn: IsoDate | null;
}

/** A measure as the sheet states it. */
export interface SheetMeasure {
  readonly category: MeasureCategory;
  readonly kind: string;
  readonly responsibleDepartment: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly amountFen: Fen;
}

/** A row that passed every check of its own. */
export interface AcceptedCaseloadRow {
  readonly ok: true;
  readonly sheetCase: SheetCase;
  /** The case columns as written, to compare the rows of one case. */
  readonly caseCells: readonly string[];
  /** Null on the row of a case without measures. */
  readonly measure: SheetMeasure | null;
}

/** A row refused with every problem found, each at its column. */
export interface RejectedCaseloadRow {
  readonly ok: false;
  readonly problems: readonly DomainProblem[];
}

/** Longest text of a measure's kind and department, as the plan's rules allow. */
const MAX_TEXT = 100;
const RISK_TYPE_SEPARATORS = /[、,，;；/\s]+/u;

/**
 * Reads one row: every column checked, all problems reported together (an official fixes a row
 * once). Values are trimmed; coded values in Chinese or as the English code; dates as sheets
 * write them; amounts in yuan (at most two decimals, not negative; empty is 0). Risk types: the
 * national list's labels (or codes), or a code of the case's province's own list (`51.…`): the
 * province's own labels are the registry's policy, which this import does not read. Problems'
 * fields are column keys. The rules of the case and its plan (dates not after today, order) are
 * the deciders'.
 */
export function parseCaseloadRow(
  fields: readonly string[],
  columns: CaseloadColumnIndex,
): AcceptedCaseloadRow | RejectedCaseloadRow {
  const problems: DomainProblem[] = [];
  const cell = (column: CaseloadColumn): string => (fields[columns[column]] ?? '').trim();
  const present = (column: CaseloadColumn) => cell(column) !== '';
  const required = (column: CaseloadColumn): boolean => {
    if (present(column)) return true;
    problems.push(caseloadProblem('import.field-required', column));
    return false;
  };
  const coded = <K extends string>(
    column: CaseloadColumn,
    vocabulary: Readonly<Record<K, readonly string[]>>,
  ): K | undefined => {
    if (!required(column)) return undefined;
    const code = codeOf(cell(column), vocabulary);
    if (code === undefined) problems.push(caseloadProblem('import.value-unknown', column));
    return code;
  };
  const date = (column: CaseloadColumn): IsoDate | null => {
    if (!present(column)) return null;
    const value = sheetDate(cell(column));
    if (value === null) problems.push(caseloadProblem('import.date-format', column));
    return value;
  };

  const villageCode = required('villageCode') ? cell('villageCode') : '';
  const householdNumber = required('householdNumber') ? cell('householdNumber') : '';
  const category = coded('monitoringCategory', CASELOAD_VOCABULARY.monitoringCategory);
  const identifiedOn = required('identifiedOn') ? date('identifiedOn') : null;
  const leadSource = coded('leadSource', CASELOAD_VOCABULARY.leadSource);
  const riskTypes = required('riskTypes') ? riskTypesOf(cell('riskTypes'), villageCode.slice(0, 2), problems) : [];
  // An export without the yes/no column says it by the date alone.
  const eliminated = columns.riskEliminated < 0 ? present('eliminatedOn') : yesNo(cell('riskEliminated'), problems);
  const eliminatedOn = date('eliminatedOn');
  if (eliminated !== null && eliminated !== present('eliminatedOn'))
    problems.push(caseloadProblem('import.elimination-conflict', eliminated ? 'riskEliminated' : 'eliminatedOn'));
  const measure = MEASURE_COLUMNS.some(present) ? measureOf(cell, required, date, problems) : null;

  if (problems.length > 0 || category === undefined || leadSource === undefined || identifiedOn === null)
    return { ok: false, problems };
  return {
    ok: true,
    sheetCase: {
      villageCode,
      householdNumber,
      category,
      identifiedOn,
      leadSource,
      riskTypes,
      eliminatedOn: eliminated === true ? eliminatedOn : null,
    },
    caseCells: CASE_COLUMNS.map(cell),
    measure,
  };
}

/** 是/否 (also yes/no, true/false, 1/0); empty is 否; null after a problem. */
function yesNo(text: string, problems: DomainProblem[]): boolean | null {
  const value = text.toLowerCase();
  if (value === '' || value === NO || value === 'no' || value === 'false' || value === '0') return false;
  if (value === YES || value === 'yes' || value === 'true' || value === '1') return true;
  problems.push(caseloadProblem('import.value-unknown', 'riskEliminated'));
  return null;
}

function riskTypesOf(text: string, provinceCode: string, problems: DomainProblem[]): string[] {
  const codes: string[] = [];
  let unknown = false;
  for (const label of text.split(RISK_TYPE_SEPARATORS)) {
    if (label === '') continue;
    const code =
      riskTypeCodeOf(label, []) ?? (isRiskTypeCode(label) && label.startsWith(`${provinceCode}.`) ? label : undefined);
    if (code === undefined) unknown = true;
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown) problems.push(caseloadProblem('import.value-unknown', 'riskTypes'));
  return codes;
}

function measureOf(
  cell: (column: CaseloadColumn) => string,
  required: (column: CaseloadColumn) => boolean,
  date: (column: CaseloadColumn) => IsoDate | null,
  problems: DomainProblem[],
): SheetMeasure | null {
  const before = problems.length;
  let category: MeasureCategory | undefined;
  if (required('measureCategory')) {
    category = codeOf(cell('measureCategory'), CASELOAD_VOCABULARY.measureCategory);
    if (category === undefined) problems.push(caseloadProblem('import.value-unknown', 'measureCategory'));
  }
  const text = (column: CaseloadColumn, code: 'measure.kind-required' | 'measure.department-required') => {
    if (required(column) && freeTextFault(cell(column), MAX_TEXT) !== null) problems.push(planProblem(code, column));
    return cell(column);
  };
  const kind = text('measureKind', 'measure.kind-required');
  const responsibleDepartment = text('responsibleDepartment', 'measure.department-required');
  const start = required('measureStart') ? date('measureStart') : null;
  const end = date('measureEnd');
  if (start !== null && end !== null && end < start)
    problems.push(caseloadProblem('import.measure-end-before-start', 'measureEnd'));
  let amountFen = 0;
  if (cell('amountYuan') !== '') {
    const amount = parseYuan(cell('amountYuan'));
    if (!amount.ok) problems.push(atField(amount.problem, 'amountYuan'));
    else if (amount.fen < 0) problems.push(planProblem('measure.amount', 'amountYuan'));
    else amountFen = amount.fen;
  }
  if (problems.length > before || category === undefined || start === null) return null;
  return { category, kind, responsibleDepartment, start, end, amountFen };
}
