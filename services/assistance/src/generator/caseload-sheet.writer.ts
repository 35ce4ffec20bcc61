import { writeSheet, type SheetTarget } from '@relapse-watch/sheet-io';
import {
  CASELOAD_COLUMNS,
  CASELOAD_VOCABULARY,
  caseloadColumnHeader,
  NO,
  YES,
  type CaseloadColumn,
} from '../import/caseload-sheet.columns';
import { riskTypeLabel, type GeneratedCase } from './caseload.generator';

/** The caseload sheet's header: `中文 english` per column. */
export function caseloadHeader(): string[] {
  return CASELOAD_COLUMNS.map(([key]) => caseloadColumnHeader(key));
}

/** A case's rows as officials write them: one per measure (one with the measure columns empty without any), case columns repeated. */
export function caseloadRows(generated: GeneratedCase): string[][] {
  const common: Record<CaseloadColumn, string> = {
    villageCode: generated.villageCode,
    householdNumber: generated.householdNumber,
    monitoringCategory: CASELOAD_VOCABULARY.monitoringCategory[generated.category][0],
    identifiedOn: generated.identifiedOn,
    leadSource: CASELOAD_VOCABULARY.leadSource[generated.leadSource][0],
    riskTypes: generated.riskTypes.map(riskTypeLabel).join('、'),
    riskEliminated: generated.eliminatedOn === null ? NO : YES,
    eliminatedOn: generated.eliminatedOn ?? '',
    measureCategory: '',
    measureKind: '',
    responsibleDepartment: '',
    measureStart: '',
    measureEnd: '',
    amountYuan: '',
  };
  const rows =
    generated.measures.length === 0
      ? [common]
      : generated.measures.map((m) => ({
          ...common,
          measureCategory: CASELOAD_VOCABULARY.measureCategory[m.category][0],
          measureKind: m.kind,
          responsibleDepartment: m.department,
          measureStart: m.start,
          measureEnd: m.end ?? '',
          amountYuan: String(m.amountYuan),
        }));
  return rows.map((row) => CASELOAD_COLUMNS.map(([key]) => row[key]));
}

/**
 * Writes cases as the sheet the import reads (CSV in UTF-8 with a BOM, or XLSX): streamed.
 * @returns the cases and rows written.
 */
export async function writeCaseloadSheet(
  cases: AsyncIterable<GeneratedCase>,
  target: SheetTarget,
): Promise<{ readonly cases: number; readonly rows: number }> {
  let count = 0;
  async function* rows() {
    for await (const generated of cases) {
      count++;
      yield* caseloadRows(generated);
    }
  }
  const written = await writeSheet(target, caseloadHeader(), rows(), '监测对象帮扶台账 caseload');
  return { cases: count, rows: written };
}
