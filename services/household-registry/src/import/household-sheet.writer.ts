import { csvLine } from '@relapse-watch/sheet-io';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { LegacyMonitoringRecord } from '../domain/household/legacy-monitoring.values';
import { NATIONAL_RISK_TYPES } from '../domain/risk-types/risk-types';
import {
  columnHeader,
  MONITORING_SUBJECT,
  NO,
  SHEET_COLUMNS,
  SHEET_VOCABULARY,
  YES,
  type SheetColumn,
} from './household-sheet.columns';
import type { SheetHousehold, SheetMember } from './household-sheet.types';

/** The header row: `中文 english` per column. */
export function sheetHeader(): string[] {
  return SHEET_COLUMNS.map(([key]) => columnHeader(key));
}

const yesNo = (value: boolean): string => (value ? YES : NO);

type MonitoringColumn = 'monitoringCategory' | 'identifiedOn' | 'riskTypes' | 'riskEliminated' | 'eliminatedOn';

/** The rows of one household, one per member, household columns repeated, in {@link SHEET_COLUMNS} order. */
export function sheetRows(household: SheetHousehold): string[][] {
  const { status, flags, income, rigidExpenditure, threePlusOne } = household;
  const common: Record<SheetColumn, string> = {
    villageCode: household.villageCode,
    householdNumber: household.householdNumber,
    status: household.legacyMonitoring ? MONITORING_SUBJECT.zh : SHEET_VOCABULARY.status[status.kind],
    yearLeftPoverty: status.kind === 'poverty-alleviated' ? String(status.yearLeftPoverty) : '',
    relocated: yesNo(flags.relocatedToResettlementSite),
    urbanHukou: yesNo(flags.urbanHukou),
    incomeYear: String(income.year),
    wagesYuan: income.wagesYuan,
    grossBusinessYuan: income.grossBusinessYuan,
    propertyYuan: income.propertyYuan,
    transferYuan: income.transferYuan,
    productionCostsYuan: income.productionCostsYuan,
    expenditureYear: rigidExpenditure === null ? '' : String(rigidExpenditure.year),
    medicalAfterReimbursementYuan: rigidExpenditure?.medicalAfterReimbursementYuan ?? '',
    educationYuan: rigidExpenditure?.educationYuan ?? '',
    disasterLossYuan: rigidExpenditure?.disasterLossYuan ?? '',
    foodAndClothingSecured: yesNo(threePlusOne.foodAndClothingSecured),
    compulsoryEducationSecured: yesNo(threePlusOne.compulsoryEducationSecured),
    medicalInsuranceCovered: yesNo(threePlusOne.medicalInsuranceCovered),
    housingGrade: threePlusOne.housingGrade,
    drinkingWaterSafe: yesNo(threePlusOne.drinkingWaterSafe),
    name: '',
    residentId: '',
    relationToHead: '',
    health: '',
    disabilityGrade: '',
    labourCapacity: '',
    workPlace: '',
    employmentStability: '',
    schooling: '',
    medicalInsuranceEnrolled: '',
    livesInHousehold: '',
    ...monitoringCells(household.legacyMonitoring ?? null),
  };
  return household.members.map((member) => {
    const row = { ...common, ...memberCells(member) };
    return SHEET_COLUMNS.map(([key]) => row[key]);
  });
}

/** The monitoring columns of a monitoring subject's rows (as officials write them: Chinese words and labels); empty otherwise. */
function monitoringCells(record: LegacyMonitoringRecord | null): Pick<Record<SheetColumn, string>, MonitoringColumn> {
  if (record === null)
    return { monitoringCategory: '', identifiedOn: '', riskTypes: '', riskEliminated: '', eliminatedOn: '' };
  const labels = new Map(NATIONAL_RISK_TYPES.map((t) => [t.code, t.label['zh-CN']]));
  return {
    monitoringCategory: SHEET_VOCABULARY.monitoringCategory[record.category],
    identifiedOn: record.identifiedOn,
    riskTypes: record.riskTypes.map((code) => labels.get(code) ?? code).join('、'),
    riskEliminated: yesNo(record.riskEliminated),
    eliminatedOn: record.eliminatedOn ?? '',
  };
}

function memberCells(member: SheetMember): Partial<Record<SheetColumn, string>> {
  const { profile } = member;
  return {
    name: member.name,
    residentId: member.residentId,
    relationToHead: SHEET_VOCABULARY.relationToHead[profile.relationToHead],
    health: SHEET_VOCABULARY.health[profile.health.kind],
    disabilityGrade: profile.health.kind === 'disabled' ? String(profile.health.grade) : '',
    labourCapacity: SHEET_VOCABULARY.labourCapacity[profile.labourCapacity],
    workPlace: profile.employment.status === 'employed' ? SHEET_VOCABULARY.workPlace[profile.employment.place] : '',
    employmentStability:
      profile.employment.status === 'employed'
        ? SHEET_VOCABULARY.employmentStability[profile.employment.stability]
        : '',
    schooling: SHEET_VOCABULARY.schooling[profile.schooling],
    medicalInsuranceEnrolled: yesNo(profile.medicalInsuranceEnrolled),
    livesInHousehold: yesNo(profile.livesInHousehold),
  };
}

/** Where {@link writeHouseholdSheet} writes: a file path (format by extension) or a stream (CSV). */
export type SheetTarget =
  { readonly kind: 'csv'; readonly stream: Writable } | { readonly kind: 'csv' | 'xlsx'; readonly path: string };

/**
 * Writes households as the sheet the import reads: CSV in UTF-8 with a BOM (so spreadsheet
 * programs show the Chinese right) or XLSX through exceljs's streaming writer. Streams
 * throughout: memory stays flat whatever the number of households.
 * @returns the number of households and member rows written.
 */
export async function writeHouseholdSheet(
  households: Iterable<SheetHousehold>,
  target: SheetTarget,
): Promise<{ households: number; rows: number }> {
  return target.kind === 'xlsx' && 'path' in target
    ? writeXlsx(households, target.path)
    : writeCsv(households, 'stream' in target ? target.stream : createWriteStream(target.path), !('stream' in target));
}

async function writeCsv(
  households: Iterable<SheetHousehold>,
  out: Writable,
  close: boolean,
): Promise<{ households: number; rows: number }> {
  let count = 0;
  let rows = 0;
  let buffer = `\uFEFF${csvLine(sheetHeader())}`;
  for (const household of households) {
    count++;
    for (const row of sheetRows(household)) {
      buffer += csvLine(row);
      rows++;
    }
    if (buffer.length >= 64 * 1024) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  if (close) {
    out.end();
    await once(out, 'finish');
  }
  return { households: count, rows };
}

async function writeXlsx(
  households: Iterable<SheetHousehold>,
  path: string,
): Promise<{ households: number; rows: number }> {
  // Shared strings off: every cell carries its text inline, so the writer keeps no table of them.
  // Loaded on use: exceljs adds about 35 MB to a process that only writes CSV.
  const excel = (await import('exceljs')).default;
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  // A fixed creation date: the same households give the same workbook contents.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('户籍信息 households');
  sheet.addRow(sheetHeader()).commit();
  let count = 0;
  let rows = 0;
  for (const household of households) {
    count++;
    for (const row of sheetRows(household)) {
      sheet.addRow(row).commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return { households: count, rows };
}
