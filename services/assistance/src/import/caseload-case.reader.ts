import type { ImportErrorLine, RowGroup } from '@relapse-watch/sheet-io';
import { caseloadErrorLines, caseloadProblem, type CaseloadImportCode } from './caseload-import.errors';
import {
  parseCaseloadRow,
  type AcceptedCaseloadRow,
  type CaseloadColumnIndex,
  type SheetMeasure,
} from './caseload-row.parser';
import { CASE_COLUMNS } from './caseload-sheet.columns';

/** An accepted row of a case. */
export interface CaseRow {
  readonly rowNumber: number;
  readonly parsed: AcceptedCaseloadRow;
}

/** A case's rows read and checked against each other: where both import paths start. */
export interface CaseRows {
  /** Error lines so far; both paths add their own. */
  readonly errors: ImportErrorLine[];
  /** Row numbers refused so far. */
  readonly rejected: Set<number>;
  /** The first accepted row: the case's columns come from it, case-level refusals are written against it. */
  readonly base: CaseRow | undefined;
  /** The accepted rows' measures, in sheet order. */
  readonly measures: readonly { readonly rowNumber: number; readonly measure: SheetMeasure }[];
  /** Every accepted row. */
  readonly accepted: readonly CaseRow[];
}

/** What importing one case's rows gave. */
export interface CaseOutcome {
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  /** Whether the case is in the store (now or before) with this group's accepted rows. */
  readonly imported: boolean;
  /** Measures in the store from this group's rows. */
  readonly measures: number;
  readonly errors: readonly ImportErrorLine[];
}

/**
 * Parses a case's rows: a row with any bad field is refused whole; the case's columns come from
 * the first accepted row and a later row that differs is refused (`import.case-mismatch`, at the
 * first column that differs); a measure stated twice is refused the second time
 * (`import.measure-duplicate`).
 */
export function readCaseRows(group: RowGroup, columns: CaseloadColumnIndex): CaseRows {
  const rows: CaseRows = { errors: [], rejected: new Set(), base: undefined, measures: [], accepted: [] };
  const accepted: CaseRow[] = [];
  const measures: { rowNumber: number; measure: SheetMeasure }[] = [];
  const measureKeys = new Set<string>();
  for (const record of group.records) {
    const parsed = parseCaseloadRow(record.fields, columns);
    const { rowNumber } = record;
    if (!parsed.ok) {
      rejectRow(rows, rowNumber, caseloadErrorLines(rowNumber, parsed.problems));
      continue;
    }
    const base = accepted[0];
    const differs = base === undefined ? -1 : parsed.caseCells.findIndex((c, i) => c !== base.parsed.caseCells[i]);
    if (differs >= 0) {
      refuse(rows, rowNumber, 'import.case-mismatch', CASE_COLUMNS[differs]);
      continue;
    }
    const { measure } = parsed;
    if (measure !== null) {
      const key = measureKey(measure);
      if (measureKeys.has(key)) {
        refuse(rows, rowNumber, 'import.measure-duplicate', 'measureKind');
        continue;
      }
      measureKeys.add(key);
      measures.push({ rowNumber, measure });
    }
    accepted.push({ rowNumber, parsed });
  }
  return { ...rows, base: accepted[0], measures, accepted };
}

/** What makes two measures of a case the same one: its category, kind, department and start. */
export function measureKey(measure: SheetMeasure): string {
  return `${measure.category}\n${measure.kind}\n${measure.responsibleDepartment}\n${measure.start}`;
}

/** Refuses a row with its error lines. */
export function rejectRow(rows: Pick<CaseRows, 'errors' | 'rejected'>, row: number, lines: readonly ImportErrorLine[]) {
  rows.rejected.add(row);
  rows.errors.push(...lines);
}

function refuse(rows: CaseRows, row: number, code: CaseloadImportCode, column: (typeof CASE_COLUMNS)[number]): void {
  rejectRow(rows, row, caseloadErrorLines(row, [caseloadProblem(code, column)]));
}

/**
 * Refuses every accepted row of a case whose case-level command was refused: the problems at the
 * base row, the others with `import.case-rejected`.
 */
export function rejectCase(rows: CaseRows, lines: readonly ImportErrorLine[]): void {
  for (const { rowNumber } of rows.accepted) {
    if (rows.rejected.has(rowNumber)) continue;
    rejectRow(
      rows,
      rowNumber,
      rowNumber === rows.base?.rowNumber
        ? lines
        : caseloadErrorLines(rowNumber, [caseloadProblem('import.case-rejected', 'householdNumber')]),
    );
  }
}

/** The group's outcome from its rows' fate. */
export function caseOutcome(group: RowGroup, rows: CaseRows, imported: boolean): CaseOutcome {
  return {
    acceptedRows: group.records.length - rows.rejected.size,
    rejectedRows: rows.rejected.size,
    imported,
    measures: imported ? rows.measures.filter((m) => !rows.rejected.has(m.rowNumber)).length : 0,
    errors: rows.errors,
  };
}
