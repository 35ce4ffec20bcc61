import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, Optional } from '@relapse-watch/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COMPARISON_FINDINGS,
  MONITORING_CATEGORIES,
  REVIEW_OUTCOMES,
  RISK_TYPE_CODE,
  type ComparisonFinding,
  type MonitoringCategory,
  type ReviewOutcome,
} from '../../domain/monitoring-case/monitoring-case.values';
import { REFERENCE_ID, REFERENCE_ID_MESSAGE } from './case.dto';

// Bodies of a case's steps. Lengths are the case's own limits (its decider refuses the rest, and
// also blank texts, surrounding spaces and control characters, with 422 and the field).

/** A department's or an indicator's code: lower-case words joined by dots or dashes. */
export const CODE = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
const CODE_MESSAGE = '须为小写代码，如 civil-affairs / a lower-case code, e.g. civil-affairs';
/** The kinds of rigid spending the guard weighs (刚性支出). */
const RIGID_SPENDING_KINDS = ['medical', 'education', 'disaster-loss'] as const;

/** Every step: the day it happened (no later than today, no earlier than the step before). */
export class StepDto {
  @ApiProperty({ description: '办理日期（不晚于今天）/ the day of the step (not after today)', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

/** A step that records what was found: a reason may be given. */
export class RecordingDto extends StepDto {
  @ApiPropertyOptional({ description: '说明 / a remark', minLength: 1, maxLength: 500 })
  @Optional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** A step that decides: the reason is required. */
export class DecisionDto extends StepDto {
  @ApiProperty({ description: '理由 / the reason', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Body of "record the home verification". */
export class HomeVerificationDto extends RecordingDto {
  @ApiProperty({
    description:
      '农户已签署授权承诺书（同意核查存款、车辆、住房等），须为 true / the household signed the consent to check its assets: must be true',
  })
  @IsBoolean()
  consentSigned!: boolean;

  @ApiProperty({ description: '核实情况（入户核实表）/ what the visit found', minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  findings!: string;
}

class DepartmentResultDto {
  @ApiProperty({
    description: '部门代码 / department code',
    pattern: CODE.source,
    maxLength: 50,
    example: 'civil-affairs',
  })
  @IsString()
  @Length(1, 50)
  @Matches(CODE, { message: CODE_MESSAGE })
  department!: string;

  @ApiProperty({ enum: COMPARISON_FINDINGS, description: '一致、不一致、无记录 / consistent, discrepancy, no record' })
  @IsIn(COMPARISON_FINDINGS)
  finding!: ComparisonFinding;

  @ApiPropertyOptional({
    description: '差异说明（不含个人数值）/ what differed (no personal values)',
    minLength: 1,
    maxLength: 500,
  })
  @Optional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

/** Body of "record the departments' comparison". */
export class DepartmentComparisonDto extends RecordingDto {
  @ApiProperty({
    type: [DepartmentResultDto],
    minItems: 1,
    maxItems: 30,
    description: '各部门比对结果 / one result per department',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DepartmentResultDto)
  results!: DepartmentResultDto[];
}

class VoteDto {
  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000) inFavour!: number;
  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000) against!: number;
  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000) abstained!: number;
}

/** Body of "record the village democratic review". */
export class VillageReviewDto extends DecisionDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES, description: '通过或不通过 / approved or not' })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;

  @ApiProperty({ description: '会议记录编号 / the minutes’ reference', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  minutesRef!: string;

  @ApiPropertyOptional({ type: VoteDto, description: '表决票数（如有表决）/ the vote, when one was taken' })
  @Optional()
  @ValidateNested()
  @Type(() => VoteDto)
  vote?: VoteDto;
}

/** Body of "record an objection to the notice". */
export class ObjectionDto extends RecordingDto {
  @ApiPropertyOptional({
    description: '异议编号；不填则由幂等键派生 / objection id; derived from the Idempotency-Key when left out',
    pattern: '^[A-Za-z0-9._:~-]{1,100}$',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9._:~-]{1,100}$/, {
    message: '须为1至100个字母、数字或 ._:~- / 1 to 100 letters, digits or ._:~-',
  })
  objectionId?: string;

  @ApiProperty({
    description: '异议人（可为“匿名”，不得填身份证号）/ who objected (may be 匿名; never an ID number)',
    minLength: 1,
    maxLength: 100,
  })
  @IsString()
  @Length(1, 100)
  raisedBy!: string;

  @ApiProperty({ description: '异议内容 / what the objection says', minLength: 1, maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  content!: string;
}

/** Body of "resolve an objection": the reason is the resolution. */
export class ObjectionResolutionDto extends DecisionDto {
  @ApiProperty({ description: '异议成立（退回村级重新评议）/ upheld (back to the village review)' })
  @IsBoolean()
  upheld!: boolean;
}

/** Body of "record the township review". */
export class TownshipReviewDto extends DecisionDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES, description: '通过或不通过 / approved or not' })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;
}

/** Body of "identify the household as a monitoring subject" (县级审定). */
export class IdentificationDto extends DecisionDto {
  @ApiProperty({ enum: MONITORING_CATEGORIES, description: '监测对象类别 / category' })
  @IsIn(MONITORING_CATEGORIES)
  category!: MonitoringCategory;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 20,
    description: '风险类型代码（全国或省级，如 illness、51.farm-price-drop）/ risk type codes',
    example: ['illness'],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @Matches(RISK_TYPE_CODE, { each: true, message: '须为风险类型代码 / must be a risk type code' })
  riskTypes!: string[];
}

/** Body of "record the elimination's home verification". */
export class EliminationVerificationDto extends RecordingDto {
  @ApiProperty({ description: '核实情况 / what the visit found', minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  findings!: string;
}

/** Body of "record a follow-up visit after elimination". */
export class FollowUpVisitDto extends EliminationVerificationDto {
  @ApiPropertyOptional({
    description: '回访编号；不填则由幂等键派生 / visit id; derived from the Idempotency-Key when left out',
    pattern: REFERENCE_ID.source,
  })
  @Optional()
  @Matches(REFERENCE_ID, { message: REFERENCE_ID_MESSAGE })
  visitId?: string;
}

class RigidSpendingDto {
  @ApiProperty({ description: '支出项编号 / item id', pattern: REFERENCE_ID.source })
  @Matches(REFERENCE_ID, { message: REFERENCE_ID_MESSAGE })
  itemId!: string;

  @ApiProperty({ enum: RIGID_SPENDING_KINDS, description: '医疗、教育、灾害损失 / medical, education, disaster loss' })
  @IsIn(RIGID_SPENDING_KINDS)
  kind!: (typeof RIGID_SPENDING_KINDS)[number];

  @ApiProperty({ description: '金额（分）/ amount in fen', minimum: 0, maximum: 100_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  amountFen!: number;

  @ApiProperty({ description: '已化解（报销、救助、保险等）/ resolved (reimbursed, assisted, insured…)' })
  @IsBoolean()
  resolved!: boolean;
}

class EliminationAssessmentDto {
  @ApiProperty({
    type: [String],
    maxItems: 20,
    description:
      '经核实已消除的风险类型代码（其余视为仍在）/ the case’s risk types found gone (the rest count as still there)',
  })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @Matches(RISK_TYPE_CODE, { each: true, message: '须为风险类型代码 / must be a risk type code' })
  risksGone!: string[];

  @ApiProperty({
    type: [RigidSpendingDto],
    maxItems: 50,
    description: '本案记录的大额刚性支出及是否化解 / the large rigid spending items recorded for the case',
  })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RigidSpendingDto)
  rigidSpending!: RigidSpendingDto[];
}

/** Body of "propose risk elimination". */
export class EliminationProposalDto extends DecisionDto {
  @ApiProperty({ type: EliminationAssessmentDto, description: '经办人的核实结论 / the official’s assessment' })
  @ValidateNested()
  @Type(() => EliminationAssessmentDto)
  assessment!: EliminationAssessmentDto;
}
