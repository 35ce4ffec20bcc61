import type { HouseholdFlags, ThreePlusOneStatus } from '../domain/household/household.values';
import type { LegacyMonitoringRecord } from '../domain/household/legacy-monitoring.values';
import type { MemberProfile } from '../domain/household/member.values';

/** A base status as the household sheet records it (a 监测户 row gives its base status too, see README.md). */
export type SheetHouseholdStatus =
  { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };

/** Income of one calendar year by component, in whole or decimal yuan as written on the sheet. */
export interface SheetIncome {
  readonly year: number;
  readonly wagesYuan: string;
  /** 生产经营性收入, gross. */
  readonly grossBusinessYuan: string;
  readonly propertyYuan: string;
  readonly transferYuan: string;
  /** 生产经营费用支出, subtracted once. */
  readonly productionCostsYuan: string;
}

/** Rigid expenditure of one calendar year, in yuan as written on the sheet (DOMAIN.md: self-paid medical cost after reimbursement, education, disaster loss). */
export interface SheetRigidExpenditure {
  readonly year: number;
  readonly medicalAfterReimbursementYuan: string;
  readonly educationYuan: string;
  readonly disasterLossYuan: string;
}

/** One member row of the sheet. PERSONAL DATA: name and resident ID. */
export interface SheetMember {
  readonly name: string;
  readonly residentId: string;
  readonly profile: MemberProfile;
}

/**
 * One household as the household sheet (户籍信息表) holds it: the household columns, repeated on
 * every member row, and one row per member. What the generator writes and the import reads.
 */
export interface SheetHousehold {
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly status: SheetHouseholdStatus;
  readonly flags: HouseholdFlags;
  readonly income: SheetIncome;
  /** Null when the rigid-expenditure columns are empty. */
  readonly rigidExpenditure: SheetRigidExpenditure | null;
  readonly threePlusOne: ThreePlusOneStatus;
  /** The monitoring columns of a monitoring subject (户类型 监测户), as declared; absent or null for other households. */
  readonly legacyMonitoring?: LegacyMonitoringRecord | null;
  readonly members: readonly SheetMember[];
}
