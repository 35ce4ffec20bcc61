import type { HouseholdStatus, ReportingPeriod, ThreePlusOneStatus } from '../../domain/household/household.values';
import type { Employment, Health, MemberPersonal, MemberProfile } from '../../domain/household/member.values';
import type { HouseholdStatusDto, ReportingPeriodDto, ThreePlusOneDto } from './household.dto';
import type { MemberPersonalDto, MemberProfileDto } from './member.dto';

// DTOs are class instances shaped for validation (optional members per variant); the domain
// takes plain discriminated unions. These copy exactly the members of the variant, so nothing
// the validator let through unchecked reaches an event.

export function statusOf(dto: HouseholdStatusDto): HouseholdStatus {
  return dto.kind === 'poverty-alleviated'
    ? { kind: dto.kind, yearLeftPoverty: dto.yearLeftPoverty as number }
    : { kind: dto.kind };
}

export function periodOf(dto: ReportingPeriodDto): ReportingPeriod {
  return dto.kind === 'calendar-year'
    ? { kind: dto.kind, year: dto.year as number }
    : { kind: dto.kind, endingOn: dto.endingOn as string };
}

export function personalOf(dto: MemberPersonalDto): MemberPersonal {
  return { name: dto.name, residentId: dto.residentId };
}

export function profileOf(dto: MemberProfileDto): MemberProfile {
  const health: Health =
    dto.health.kind === 'disabled'
      ? { kind: 'disabled', grade: dto.health.grade as 1 | 2 | 3 | 4 }
      : { kind: dto.health.kind };
  const employment: Employment =
    dto.employment.status === 'employed'
      ? {
          status: 'employed',
          place: dto.employment.place as NonNullable<typeof dto.employment.place>,
          stability: dto.employment.stability as 'stable' | 'unstable',
        }
      : { status: 'not-employed' };
  return {
    relationToHead: dto.relationToHead,
    health,
    labourCapacity: dto.labourCapacity,
    employment,
    schooling: dto.schooling,
    medicalInsuranceEnrolled: dto.medicalInsuranceEnrolled,
    livesInHousehold: dto.livesInHousehold,
  };
}

export function threePlusOneOf(dto: ThreePlusOneDto): ThreePlusOneStatus {
  return {
    foodAndClothingSecured: dto.foodAndClothingSecured,
    compulsoryEducationSecured: dto.compulsoryEducationSecured,
    medicalInsuranceCovered: dto.medicalInsuranceCovered,
    housingGrade: dto.housingGrade,
    drinkingWaterSafe: dto.drinkingWaterSafe,
  };
}
