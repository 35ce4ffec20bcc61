import type { DomainProblem } from '@relapse-watch/domain-kernel';
import type { ColumnHeaderOf, ImportErrorLine } from '@relapse-watch/sheet-io';
import { HOUSEHOLD_WARNING_RULES, type HouseholdWarning } from '../domain/household/household-warning.catalogue';
import { columnHeader, SHEET_COLUMNS, type SheetColumn } from './household-sheet.columns';

// Domain fields of commands, as the columns of the sheet they came from.
const FIELD_TO_COLUMN: Readonly<Record<string, SheetColumn>> = {
  'personal.residentId': 'residentId',
  'personal.name': 'name',
  memberId: 'residentId',
  'profile.relationToHead': 'relationToHead',
  'profile.health.grade': 'disabilityGrade',
  'components.wagesYuan': 'wagesYuan',
  'components.grossBusinessYuan': 'grossBusinessYuan',
  'components.propertyYuan': 'propertyYuan',
  'components.transferYuan': 'transferYuan',
  'components.productionCostsYuan': 'productionCostsYuan',
  'period.year': 'incomeYear',
  'status.yearLeftPoverty': 'yearLeftPoverty',
  'status.kind': 'status',
  'legacyMonitoring.category': 'monitoringCategory',
  'legacyMonitoring.identifiedOn': 'identifiedOn',
  'legacyMonitoring.eliminatedOn': 'eliminatedOn',
  'legacyMonitoring.riskTypes': 'riskTypes',
  'profile.schooling': 'schooling',
  'threePlusOne.compulsoryEducationSecured': 'compulsoryEducationSecured',
};

/** The error lines for a row's problems, each at the column it names. */
export function errorLines(row: number, problems: readonly DomainProblem[], fallbackField = ''): ImportErrorLine[] {
  return problems.map((p) => ({
    row,
    field: FIELD_TO_COLUMN[p.field ?? ''] ?? p.field ?? fallbackField,
    code: p.code,
    message: p.message,
  }));
}

/**
 * The warning lines of a household's open data-quality warnings: a member's at the member's row,
 * the household's at `householdRow`. The row stays accepted.
 */
export function warningLines(
  warnings: readonly HouseholdWarning[],
  rowOfMember: (memberId: string) => number | undefined,
  householdRow: number,
): ImportErrorLine[] {
  return warnings.map((w) => {
    const row = (w.evidence.memberId === undefined ? undefined : rowOfMember(w.evidence.memberId)) ?? householdRow;
    const [line] = errorLines(row, [
      { code: w.rule, field: w.field, message: HOUSEHOLD_WARNING_RULES[w.rule].message },
    ]);
    return { ...line, warning: true };
  });
}

/** The household sheet's header of a column key (the error file names columns as the sheet does). */
export const householdColumnHeader: ColumnHeaderOf = (field) =>
  SHEET_COLUMNS.some(([key]) => key === field) ? columnHeader(field as SheetColumn) : undefined;
