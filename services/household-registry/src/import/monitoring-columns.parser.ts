import type { DomainProblem, IsoDate } from '@relapse-watch/domain-kernel';
import type { LegacyMonitoringRecord, MonitoringCategory } from '../domain/household/legacy-monitoring.values';
import { riskTypeCodeOf, type RiskType } from '../domain/risk-types/risk-types';
import { MONITORING_COLUMNS, MONITORING_SUBJECT, SHEET_VOCABULARY, type SheetColumn } from './household-sheet.columns';
import type { SheetHouseholdStatus } from './household-sheet.types';
import { importProblem } from './import.errors';
import { sheetDate } from '@relapse-watch/sheet-io';

/** What the row parser lends the monitoring columns: its cell readers and the problems list. */
export interface RowCells {
  readonly cell: (column: SheetColumn) => string;
  readonly present: (column: SheetColumn) => boolean;
  readonly flag: (column: SheetColumn) => boolean;
  readonly problems: DomainProblem[];
}

/** The base status and, for a monitoring subject's row, its declared monitoring record. */
export interface StatusColumns {
  readonly status: SheetHouseholdStatus;
  readonly legacyMonitoring: LegacyMonitoringRecord | null;
}

const CATEGORY_WORDS = SHEET_VOCABULARY.monitoringCategory;

function categoryOf(text: string): MonitoringCategory | undefined {
  return (Object.keys(CATEGORY_WORDS) as MonitoringCategory[]).find(
    (code) => CATEGORY_WORDS[code] === text || code === text,
  );
}

/** 户类型 as written: a base status, 监测户, or (as some sheets write it) the category itself. */
function statusWord(
  text: string,
): SheetHouseholdStatus['kind'] | 'monitoring-subject' | MonitoringCategory | undefined {
  if (text === SHEET_VOCABULARY.status.ordinary || text === 'ordinary') return 'ordinary';
  if (text === SHEET_VOCABULARY.status['poverty-alleviated'] || text === 'poverty-alleviated')
    return 'poverty-alleviated';
  if (text === MONITORING_SUBJECT.zh || text === MONITORING_SUBJECT.code) return 'monitoring-subject';
  return categoryOf(text);
}

/**
 * Reads 户类型 with 脱贫年度 and the monitoring columns. A row is a monitoring subject's when 户类型
 * is 监测户 (or a category word) or any monitoring column is filled; it then needs its category and
 * 识别时间, and its base status follows from the category (DOMAIN.md: the base status stays under
 * the monitoring overlay): 脱贫不稳定户 → poverty-alleviated (脱贫年度 required), 边缘易致贫户 →
 * ordinary (no 脱贫年度), 突发严重困难户 → poverty-alleviated with a 脱贫年度, else ordinary. A
 * 户类型 of 脱贫户 or 一般农户 beside a category must fit it.
 */
export function parseStatusColumns(
  row: RowCells,
  yearLeftPoverty: number | undefined,
  provinceRiskTypes: readonly RiskType[],
): StatusColumns {
  const { cell, present, problems } = row;
  const word = present('status') ? statusWord(cell('status')) : undefined;
  if (present('status') && word === undefined) problems.push(importProblem('import.value-unknown', 'status'));
  const monitoring =
    word === 'monitoring-subject' ||
    (word !== undefined && categoryOf(word) !== undefined) ||
    MONITORING_COLUMNS.some((column) => present(column));
  const hasYear = present('yearLeftPoverty');
  const baseStatus = (kind: SheetHouseholdStatus['kind']): SheetHouseholdStatus => {
    if (kind === 'ordinary') return { kind };
    if (!hasYear) problems.push(importProblem('import.field-required', 'yearLeftPoverty'));
    return { kind, yearLeftPoverty: yearLeftPoverty ?? 0 };
  };
  if (!monitoring)
    return { status: baseStatus(word === 'poverty-alleviated' ? word : 'ordinary'), legacyMonitoring: null };

  const declared = present('monitoringCategory') ? categoryOf(cell('monitoringCategory')) : undefined;
  if (present('monitoringCategory') && declared === undefined)
    problems.push(importProblem('import.value-unknown', 'monitoringCategory'));
  const fromStatus = word !== undefined ? categoryOf(word) : undefined;
  if (declared !== undefined && fromStatus !== undefined && declared !== fromStatus)
    problems.push(importProblem('import.monitoring-status-conflict', 'monitoringCategory'));
  const category = declared ?? fromStatus;
  if (category === undefined && !present('monitoringCategory'))
    problems.push(importProblem('import.field-required', 'monitoringCategory'));

  const isBase = word === 'ordinary' || word === 'poverty-alleviated';
  if (
    (word === 'poverty-alleviated' && category === 'marginal-prone-to-poverty') ||
    (word === 'ordinary' && category === 'unstable-poverty-alleviated')
  )
    problems.push(importProblem('import.monitoring-status-conflict', 'monitoringCategory'));
  if (!isBase && category === 'marginal-prone-to-poverty' && hasYear)
    problems.push(importProblem('import.monitoring-status-conflict', 'yearLeftPoverty'));
  // A base status written in 户类型 wins; 监测户 takes it from the category.
  const alleviated = isBase
    ? word === 'poverty-alleviated'
    : category === 'unstable-poverty-alleviated' || (category === 'sudden-severe-hardship' && hasYear);
  const status = baseStatus(alleviated ? 'poverty-alleviated' : 'ordinary');
  return { status, legacyMonitoring: monitoringRecord(row, category, provinceRiskTypes) };
}

function monitoringRecord(
  row: RowCells,
  category: MonitoringCategory | undefined,
  provinceRiskTypes: readonly RiskType[],
): LegacyMonitoringRecord {
  const { cell, present, flag, problems } = row;
  const date = (column: SheetColumn): IsoDate | null => {
    if (!present(column)) return null;
    const value = sheetDate(cell(column));
    if (value === null) problems.push(importProblem('import.date-format', column));
    return value;
  };
  const identifiedOn = date('identifiedOn');
  if (!present('identifiedOn')) problems.push(importProblem('import.field-required', 'identifiedOn'));
  const riskEliminated = flag('riskEliminated');
  const eliminatedOn = date('eliminatedOn');
  if (riskEliminated && !present('eliminatedOn')) problems.push(importProblem('import.field-required', 'eliminatedOn'));
  if (!riskEliminated && present('eliminatedOn'))
    problems.push(importProblem('import.monitoring-status-conflict', 'eliminatedOn'));
  const riskTypes: string[] = [];
  for (const label of present('riskTypes') ? cell('riskTypes').split(/[、,，;；/\s]+/u) : []) {
    if (label === '') continue;
    const code = riskTypeCodeOf(label, provinceRiskTypes);
    if (code === undefined) problems.push(importProblem('import.value-unknown', 'riskTypes'));
    else if (!riskTypes.includes(code)) riskTypes.push(code);
  }
  return {
    source: 'household-sheet',
    category: category ?? 'sudden-severe-hardship',
    identifiedOn: identifiedOn ?? '',
    riskTypes,
    riskEliminated,
    eliminatedOn: riskEliminated ? eliminatedOn : null,
  };
}
