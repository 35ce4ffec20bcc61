import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IntegerParam } from '@relapse-watch/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { LabourCapacity } from '../../domain/risk-elimination/risk-elimination.input';

// Bodies of a province's case policy. Bounds are the decider's own (it refuses the rest with 422 and the field).

/** Path of a province's case policy of a year. */
export class CasePolicyPath {
  @ApiProperty({ description: '两位省级代码 / two-digit province code', example: '51', pattern: '^[1-9][0-9]$' })
  @Matches(/^[1-9]\d$/, { message: '须为两位省级代码 / must be a two-digit province code' })
  provinceCode!: string;

  @ApiProperty({ description: '年度 / year', example: 2026, minimum: 2000, maximum: 2100 })
  @IntegerParam()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

const UNITS = ['calendar', 'working'] as const;

/** One step's time limit. */
export class PeriodLimitDto {
  @ApiProperty({ description: '天数 / days', minimum: 1, maximum: 365 })
  @IsInt()
  @Min(1)
  @Max(365)
  days!: number;

  @ApiProperty({ enum: UNITS, description: '自然日或工作日 / calendar or working days' })
  @IsIn(UNITS)
  unit!: (typeof UNITS)[number];
}

/** Why the province changed its policy (a property decorator: each change DTO declares it). */
const Reason = () =>
  applyDecorators(
    ApiProperty({ description: '原因 / reason', minLength: 1, maxLength: 500 }),
    IsString(),
    Length(1, 500),
  );

/** The document that decided the change. */
const SourceDocument = () =>
  applyDecorators(
    ApiProperty({
      description: '依据文件 / source document',
      minLength: 1,
      maxLength: 200,
      example: '川乡振发〔2026〕3号',
    }),
    IsString(),
    Length(1, 200),
  );

/**
 * The step time limits of a province's year: days counted from the day after the act (民法典
 * art. 201); a calendar-day limit ending on a rest day runs to the next working day (art. 203).
 */
export class CaseTimeLimitsView {
  @ApiProperty({ type: PeriodLimitDto, description: '受理线索时限 / to accept or dismiss a lead' })
  @ValidateNested()
  @Type(() => PeriodLimitDto)
  acceptLead!: PeriodLimitDto;

  @ApiProperty({ type: PeriodLimitDto, description: '入户核实时限（自受理起）/ home verification, from acceptance' })
  @ValidateNested()
  @Type(() => PeriodLimitDto)
  homeVerification!: PeriodLimitDto;

  @ApiProperty({
    type: PeriodLimitDto,
    description: '识别程序总时限（自受理起）/ the whole procedure, from acceptance',
  })
  @ValidateNested()
  @Type(() => PeriodLimitDto)
  wholeProcedure!: PeriodLimitDto;

  @ApiProperty({
    description: '公示最少天数（自然日）/ public notice, minimum calendar days',
    minimum: 1,
    maximum: 365,
  })
  @IsInt()
  @Min(1)
  @Max(365)
  publicNoticeMinimumDays!: number;
}

const LABOUR_CAPACITIES: readonly LabourCapacity[] = ['skilled', 'ordinary', 'weak', 'lost', 'none'];

/** The risk-elimination policy of a province's year. */
export class EliminationPolicyView {
  @ApiProperty({ description: '收入稳定月数 / months income must stay above the line', minimum: 1, maximum: 36 })
  @IsInt()
  @Min(1)
  @Max(36)
  stableIncomeMonths!: number;

  @ApiProperty({
    enum: LABOUR_CAPACITIES,
    isArray: true,
    minItems: 1,
    maxItems: 5,
    uniqueItems: true,
    description: '计为有劳动能力的劳动技能 / the labour capacities that count as having labour capacity',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(LABOUR_CAPACITIES, { each: true })
  labourCapacitiesCounted!: readonly LabourCapacity[];
}

/** A change of the time limits: the limits, why, and the document. */
export class CaseTimeLimitsDto extends CaseTimeLimitsView {
  @Reason() reason!: string;
  @SourceDocument() sourceDocument!: string;
}

/** A change of the elimination policy: the policy, why, and the document. */
export class EliminationPolicyDto extends EliminationPolicyView {
  @Reason() reason!: string;
  @SourceDocument() sourceDocument!: string;
}
