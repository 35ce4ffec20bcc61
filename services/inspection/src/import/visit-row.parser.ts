import { isIsoDate, type DomainProblem, type IsoDate } from '@relapse-watch/domain-kernel';
import type {
  AnswerValue,
  AreaFindings,
  Checklist,
  ContactMethod,
  Findings,
  InspectionArea,
} from '@relapse-watch/inspection-rules';
import { sheetDate, type CsvRecord } from '@relapse-watch/sheet-io';
import { answerCell, isProblem, methodCell, yesNo } from './visit-cells';
import { visitSheetColumns, type VisitSheetColumn } from './visit-sheet.columns';

/** How the row names its household: by id, or by village and household number (the register's key). */
export type HouseholdReference =
  { readonly householdId: string } | { readonly villageCode: string; readonly householdNumber: string };

/** One visit as a sheet row states it, checked cell by cell (the checklist's rules come after, in the use case). */
export interface SheetVisit {
  readonly household: HouseholdReference;
  readonly method: ContactMethod;
  readonly contactedOn: IsoDate;
  /** Whether the row completes the household's inspection (完成排查 = 是). */
  readonly complete: boolean;
  readonly findings: Findings;
}

/** Where each column of the sheet is: header position by column key (absent columns are not there). */
export interface VisitColumnIndex {
  readonly columns: readonly VisitSheetColumn[];
  readonly at: ReadonlyMap<string, number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVIDENCE_SEPARATOR = /[；;\n]/;
const MAX_EVIDENCE = 20;

/**
 * Finds the checklist's columns in a header (`中文 key`, or either half alone, any order). The
 * household, method and date columns are required; answer columns may be left out (a sheet of
 * the areas one team covered).
 * @returns the index, or the problems naming the missing columns.
 */
export function visitColumnIndex(header: readonly string[], checklist: Checklist): VisitColumnIndex | DomainProblem {
  const cells = header.map((cell) => cell.trim().replace(/\s+/g, ' '));
  const columns = visitSheetColumns(checklist);
  const at = new Map<string, number>();
  for (const column of columns) {
    const index = cells.findIndex(
      (cell) => cell === column.key || cell === column.zh || cell === `${column.zh} ${column.key}`,
    );
    if (index >= 0) at.set(column.key, index);
  }
  const missing = columns.filter((c) => ['method', 'contactedOn'].includes(c.key) && !at.has(c.key));
  const household = at.has('householdId') || (at.has('villageCode') && at.has('householdNumber'));
  if (missing.length === 0 && household) return { columns, at };
  const names = [
    ...missing.map((c) => `${c.zh} ${c.key}`),
    ...(household ? [] : ['农户ID householdId（或 村代码 villageCode + 户编号 householdNumber）']),
  ];
  return {
    code: 'import.header',
    field: 'header',
    message: `表头缺少列：${names.join('、')} / The header lacks the columns: ${names.join(', ')}`,
  };
}

/** Reads one row into a visit, or every problem of the row (each naming its column). */
export function parseVisitRow(record: CsvRecord, index: VisitColumnIndex): SheetVisit | readonly DomainProblem[] {
  const problems: DomainProblem[] = [];
  const cell = (key: string) => {
    const at = index.at.get(key);
    return at === undefined ? '' : (record.fields[at] ?? '').trim();
  };
  const household = householdOf(cell, problems);
  const method = required(cell('method'), 'method', problems, (text) => methodCell(text, 'method'));
  const contactedOn = required(cell('contactedOn'), 'contactedOn', problems, (text) => dateCell(text));
  const completeText = cell('complete');
  const complete = completeText === '' ? false : yesNo(completeText);
  if (complete === undefined)
    problems.push({
      code: 'visit-sheet.yes-no',
      field: 'complete',
      message: '应为“是”或“否” / must be 是 (yes) or 否 (no)',
    });
  const findings = findingsOf(index, cell, problems);
  if (problems.length > 0 || household === null || method === null || contactedOn === null) return problems;
  return { household, method, contactedOn, complete: complete ?? false, findings };
}

function householdOf(cell: (key: string) => string, problems: DomainProblem[]): HouseholdReference | null {
  const householdId = cell('householdId');
  if (householdId !== '') {
    if (UUID.test(householdId)) return { householdId: householdId.toLowerCase() };
    problems.push({
      code: 'visit-sheet.household-id',
      field: 'householdId',
      message: '农户ID格式错误 / not a household id',
    });
    return null;
  }
  const villageCode = cell('villageCode');
  const householdNumber = cell('householdNumber');
  if (/^\d{12}$/.test(villageCode) && householdNumber !== '') return { villageCode, householdNumber };
  problems.push({
    code: 'import.field-required',
    field: villageCode === '' || !/^\d{12}$/.test(villageCode) ? 'villageCode' : 'householdNumber',
    message:
      '须填农户ID，或12位村代码和户编号 / give the household id, or the 12-digit village code and the household number',
  });
  return null;
}

function dateCell(text: string): IsoDate | DomainProblem {
  const date = sheetDate(text);
  return date !== null && isIsoDate(date)
    ? date
    : {
        code: 'import.date-format',
        field: 'contactedOn',
        message: '应为日期，如 2024-08-20 / must be a date such as 2024-08-20',
      };
}

function required<T>(
  text: string,
  field: string,
  problems: DomainProblem[],
  read: (text: string) => T | DomainProblem,
): T | null {
  if (text === '') {
    problems.push({ code: 'import.field-required', field, message: '必填项为空 / A required field is empty' });
    return null;
  }
  const value = read(text);
  if (isProblem(value)) {
    problems.push(value);
    return null;
  }
  return value;
}

type MutableArea = { answers: Record<string, AnswerValue>; note: string | null; evidence: string[] };

function findingsOf(index: VisitColumnIndex, cell: (key: string) => string, problems: DomainProblem[]): Findings {
  const areas = new Map<InspectionArea, MutableArea>();
  const areaOf = (area: InspectionArea) => {
    let found = areas.get(area);
    if (found === undefined) areas.set(area, (found = { answers: {}, note: null, evidence: [] }));
    return found;
  };
  for (const column of index.columns) {
    const text = cell(column.key);
    if (text === '' || column.holds.kind === 'fixed') continue;
    const target = areaOf(column.holds.area);
    if (column.holds.kind === 'note') target.note = text;
    else if (column.holds.kind === 'evidence') {
      target.evidence = text
        .split(EVIDENCE_SEPARATOR)
        .map((ref) => ref.trim())
        .filter((ref) => ref !== '');
      if (target.evidence.length > MAX_EVIDENCE)
        problems.push({
          code: 'visit-sheet.evidence-count',
          field: column.key,
          message: `佐证材料至多${MAX_EVIDENCE}项 / at most ${MAX_EVIDENCE} evidence references`,
        });
    } else {
      const value = answerCell(column.holds.answer, text, column.key);
      if (isProblem(value)) problems.push(value);
      else target.answers[column.holds.questionId] = value;
    }
  }
  return Object.fromEntries(areas) as Partial<Record<InspectionArea, AreaFindings>>;
}
