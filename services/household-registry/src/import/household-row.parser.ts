import {
  atField,
  freeTextFault,
  parseDivisionCode,
  parseResidentId,
  parseYuan,
  type DomainProblem,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import { DIVISION_RULE_MESSAGES } from '../divisions/division.errors';
import { householdProblem } from '../domain/household/household.errors';
import { MAX_TEXT_LENGTH } from '../domain/household/household.validation';
import { YEARS_LEFT_POVERTY, type HousingGrade } from '../domain/household/household.values';
import type { PerCapitaDivisorRule } from '../domain/province-policy/province-policy.values';
import type { RiskType } from '../domain/risk-types/risk-types';
import type { DisabilityGrade, Employment, Health, MemberProfile } from '../domain/household/member.values';
import {
  COLUMN_ALIASES,
  HOUSEHOLD_COLUMNS,
  NO,
  OPTIONAL_COLUMNS,
  OPTIONAL_HEADERS,
  RIGID_EXPENDITURE_COLUMNS,
  SHEET_COLUMNS,
  SHEET_VOCABULARY,
  YES,
  type SheetColumn,
} from './household-sheet.columns';
import type { SheetHousehold, SheetMember } from './household-sheet.types';
import { importProblem } from './import.errors';
import { sheetColumnIndex } from '@relapse-watch/sheet-io';
import { parseStatusColumns } from './monitoring-columns.parser';
import { isResidentIdNumberCell } from './resident-id-cell';

/** Where each column sits in a row, found from the header. */
export type ColumnIndex = Readonly<Record<SheetColumn, number>>;

/**
 * Finds the columns by their header cells (sheet-io's `sheetColumnIndex`): `中文 english`, either
 * half alone, or a header the column is also known by (`COLUMN_ALIASES`), in any order; extra
 * columns are ignored, and the monitoring columns may be missing (their index is then -1 and
 * their cells empty).
 * @throws DomainError `import.header` naming every missing column.
 */
export function columnIndexOf(header: readonly string[]): ColumnIndex {
  return sheetColumnIndex(header, SHEET_COLUMNS, { aliases: COLUMN_ALIASES, optional: OPTIONAL_HEADERS });
}

/** What the import looks up to check a row; the clock, the division tree and the province's policy come from the caller. */
export interface RowRules {
  readonly today: IsoDate;
  /** The province's own risk types, so a 风险类型 label of the province's list is read as its code; none by default. */
  readonly provinceRiskTypes?: readonly RiskType[];
  /** The province's per-capita divisor rule in force today; household members by default, as in the policy. */
  readonly perCapitaDivisorRule?: PerCapitaDivisorRule;
  /** Whether a village code is a village of the division tree. */
  readonly isKnownVillage: (code: string) => boolean;
  /** Whether a resident ID's first six digits are a known division of registration (else a warning, not a refusal). */
  readonly isKnownRegistrationDivision: (prefix: string) => boolean;
  /** Whether a village is an urban residents' committee (居委会), for the household's warnings; undefined when unknown. */
  readonly isUrbanResidentsCommittee?: (villageCode: string) => boolean | undefined;
}

/** A row that passed every check: its household's facts and its member. */
export interface AcceptedRow {
  readonly ok: true;
  readonly household: Omit<SheetHousehold, 'members'>;
  /** The household columns as written, to compare rows of one household. */
  readonly householdCells: readonly string[];
  readonly member: SheetMember;
  /** Whether the member's ID prefix is a known division: false makes the household's warning, the row is accepted. */
  readonly registrationDivisionKnown: boolean;
}

/** A row refused with every problem found, each at its column. */
export interface RejectedRow {
  readonly ok: false;
  readonly problems: readonly DomainProblem[];
}

/**
 * Reads one member row: every column checked, all problems reported together (an official fixes
 * a row once). Values are trimmed; amounts are the kernel's yuan (at most two decimals) and not
 * negative; coded values in Chinese or as the English code. Problems' fields are column keys.
 */
export function parseHouseholdRow(
  fields: readonly string[],
  columns: ColumnIndex,
  rules: RowRules,
  numberCells: readonly number[] = [],
): AcceptedRow | RejectedRow {
  const problems: DomainProblem[] = [];
  const cell = (column: SheetColumn): string => (fields[columns[column]] ?? '').trim();
  for (const [column] of SHEET_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && cell(column) === '')
      problems.push(importProblem('import.field-required', column));
  }
  const present = (column: SheetColumn) => cell(column) !== '';
  const coded = <K extends string>(column: SheetColumn, vocabulary: Readonly<Record<K, string>>): K | undefined => {
    if (!present(column)) return undefined;
    const value = cell(column);
    const found = (Object.keys(vocabulary) as K[]).find((code) => vocabulary[code] === value || code === value);
    if (found === undefined) problems.push(importProblem('import.value-unknown', column));
    return found;
  };
  const flag = (column: SheetColumn): boolean => {
    if (!present(column)) return false;
    const value = cell(column).toLowerCase();
    if (value === YES || value === 'yes' || value === 'true' || value === '1') return true;
    if (value === NO || value === 'no' || value === 'false' || value === '0') return false;
    problems.push(importProblem('import.value-unknown', column));
    return false;
  };
  const integer = (column: SheetColumn, min: number, max: number): number | undefined => {
    if (!present(column)) return undefined;
    const value = Number(cell(column));
    if (!/^\d+$/.test(cell(column)) || value < min || value > max) {
      problems.push(importProblem('import.number-format', column));
      return undefined;
    }
    return value;
  };
  const amount = (
    column: SheetColumn,
    negative: 'income.component-negative' | 'rigid-expenditure.amount-negative' = 'income.component-negative',
  ): string => {
    if (!present(column)) return '0';
    const result = parseYuan(cell(column));
    if (!result.ok) problems.push(atField(result.problem, column));
    else if (result.fen < 0) problems.push(householdProblem(negative, column));
    return cell(column);
  };

  const villageCode = cell('villageCode');
  if (present('villageCode')) {
    const parsed = parseDivisionCode(villageCode);
    if (!parsed.ok) problems.push(atField(parsed.problem, 'villageCode'));
    else if (parsed.tier !== 'village') problems.push(householdProblem('household.village-code-tier', 'villageCode'));
    else if (!rules.isKnownVillage(villageCode))
      problems.push({
        code: 'division.unknown',
        field: 'villageCode',
        message: DIVISION_RULE_MESSAGES['division.unknown'],
      });
  }
  const yearLeft = integer('yearLeftPoverty', 1000, 9999);
  const { status, legacyMonitoring } = parseStatusColumns(
    { cell, present, flag, problems },
    yearLeft,
    rules.provinceRiskTypes ?? [],
  );
  if (
    status.kind === 'poverty-alleviated' &&
    yearLeft !== undefined &&
    (yearLeft < YEARS_LEFT_POVERTY.first || yearLeft > YEARS_LEFT_POVERTY.last)
  )
    problems.push(householdProblem('household.year-left-poverty', 'yearLeftPoverty'));
  const incomeYear = integer('incomeYear', 1000, Number(rules.today.slice(0, 4)));
  const income = {
    year: incomeYear ?? 0,
    wagesYuan: amount('wagesYuan'),
    grossBusinessYuan: amount('grossBusinessYuan'),
    propertyYuan: amount('propertyYuan'),
    transferYuan: amount('transferYuan'),
    productionCostsYuan: amount('productionCostsYuan'),
  };
  const rigidExpenditure = RIGID_EXPENDITURE_COLUMNS.some(present)
    ? {
        year: integer('expenditureYear', 1000, Number(rules.today.slice(0, 4))) ?? 0,
        medicalAfterReimbursementYuan: amount('medicalAfterReimbursementYuan', 'rigid-expenditure.amount-negative'),
        educationYuan: amount('educationYuan', 'rigid-expenditure.amount-negative'),
        disasterLossYuan: amount('disasterLossYuan', 'rigid-expenditure.amount-negative'),
      }
    : null;
  // Figures without their year would be a record of no period.
  if (rigidExpenditure !== null && !present('expenditureYear'))
    problems.push(importProblem('import.field-required', 'expenditureYear'));
  const housingGrade = coded<HousingGrade>('housingGrade', SHEET_VOCABULARY.housingGrade);
  const threePlusOne = {
    foodAndClothingSecured: flag('foodAndClothingSecured'),
    compulsoryEducationSecured: flag('compulsoryEducationSecured'),
    medicalInsuranceCovered: flag('medicalInsuranceCovered'),
    housingGrade: housingGrade ?? 'A',
    drinkingWaterSafe: flag('drinkingWaterSafe'),
  };
  const flags = { relocatedToResettlementSite: flag('relocated'), urbanHukou: flag('urbanHukou') };

  const residentId = cell('residentId');
  let normalisedId = residentId;
  if (present('residentId')) {
    // The prefix is looked up below: an unknown one is the household's warning, not the row's refusal.
    const parsed = parseResidentId(residentId, { today: rules.today });
    if (isResidentIdNumberCell(residentId, numberCells.includes(columns.residentId), () => parsed.ok))
      problems.push(importProblem('import.resident-id-number-cell', 'residentId'));
    else if (!parsed.ok) problems.push(...parsed.problems.map((p) => atField(p, 'residentId')));
    else normalisedId = parsed.residentId.value;
  }
  const name = cell('name');
  // Cells come trimmed and `present` has ruled out blanks: what is left to find is the shape.
  if (present('name') && freeTextFault(name, MAX_TEXT_LENGTH) !== null)
    problems.push(householdProblem('member.name-format', 'name'));
  const householdNumber = cell('householdNumber');
  if (present('householdNumber') && freeTextFault(householdNumber, MAX_TEXT_LENGTH) !== null) {
    problems.push(householdProblem('household.number-format', 'householdNumber'));
  }
  const profile = memberProfile(present, coded, flag, integer, problems);

  const [first] = problems;
  if (first !== undefined) return { ok: false, problems };
  return {
    ok: true,
    household: {
      villageCode,
      householdNumber,
      status,
      flags,
      income,
      rigidExpenditure,
      threePlusOne,
      legacyMonitoring,
    },
    householdCells: HOUSEHOLD_COLUMNS.map((column) => cell(column)),
    member: { name, residentId: normalisedId, profile },
    registrationDivisionKnown: rules.isKnownRegistrationDivision(normalisedId.slice(0, 6)),
  };
}

function memberProfile(
  present: (column: SheetColumn) => boolean,
  coded: <K extends string>(column: SheetColumn, vocabulary: Readonly<Record<K, string>>) => K | undefined,
  flag: (column: SheetColumn) => boolean,
  integer: (column: SheetColumn, min: number, max: number) => number | undefined,
  problems: DomainProblem[],
): MemberProfile {
  const healthKind = coded('health', SHEET_VOCABULARY.health);
  let health: Health = { kind: 'healthy' };
  if (healthKind === 'disabled') {
    const grade = integer('disabilityGrade', 1, 4);
    if (grade === undefined && !present('disabilityGrade'))
      problems.push(importProblem('import.field-required', 'disabilityGrade'));
    health = { kind: 'disabled', grade: (grade ?? 1) as DisabilityGrade };
  } else if (healthKind !== undefined) health = { kind: healthKind };
  const place = coded('workPlace', SHEET_VOCABULARY.workPlace);
  const stability = coded('employmentStability', SHEET_VOCABULARY.employmentStability);
  if ((place === undefined) !== (stability === undefined) && present('workPlace') !== present('employmentStability')) {
    problems.push(importProblem('import.field-required', present('workPlace') ? 'employmentStability' : 'workPlace'));
  }
  const employment: Employment =
    place !== undefined && stability !== undefined
      ? { status: 'employed', place, stability }
      : { status: 'not-employed' };
  return {
    relationToHead: coded('relationToHead', SHEET_VOCABULARY.relationToHead) ?? 'other',
    health,
    labourCapacity: coded('labourCapacity', SHEET_VOCABULARY.labourCapacity) ?? 'none',
    employment,
    schooling: coded('schooling', SHEET_VOCABULARY.schooling) ?? 'not-in-school',
    medicalInsuranceEnrolled: flag('medicalInsuranceEnrolled'),
    livesInHousehold: flag('livesInHousehold'),
  };
}
