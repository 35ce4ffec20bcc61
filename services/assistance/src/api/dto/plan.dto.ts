import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, Optional } from '@relapse-watch/service-runtime';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MEASURE_CATEGORIES, type MeasureCategory } from '../../domain/assistance-plan/assistance-plan.values';
import { PATH_ID } from './case.dto';

// Bodies of the plan's commands. Lengths are the plan's own limits (its decider refuses the rest,
// and also blank texts and control characters, with 422 and the field).

/** Body of "plan a measure". */
export class MeasureDto {
  @ApiPropertyOptional({
    description: '措施ID；不填则由幂等键派生 / measure id; derived from the Idempotency-Key when left out',
    pattern: PATH_ID.source,
  })
  @Optional()
  @Matches(PATH_ID, { message: '须为1至100个字母、数字或 ._:~- / 1 to 100 letters, digits or ._:~-' })
  measureId?: string;

  @ApiProperty({
    enum: MEASURE_CATEGORIES,
    description:
      '产业、就业、健康、教育、社会救助、住房、饮水、其他 / industry, employment, health, education, social assistance, housing, drinking water, other',
  })
  @IsIn(MEASURE_CATEGORIES)
  category!: MeasureCategory;

  @ApiProperty({
    description: '具体措施，如 公益性岗位 / what the measure is, e.g. a public-welfare post',
    minLength: 1,
    maxLength: 100,
  })
  @IsString()
  @Length(1, 100)
  kind!: string;

  @ApiProperty({ description: '责任单位 / the responsible department', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  responsibleDepartment!: string;

  @ApiProperty({ description: '计划开始 / planned start', format: 'date' })
  @IsCalendarDate()
  plannedStart!: string;

  @ApiPropertyOptional({
    description: '计划结束（不填：无固定结束，如低保）/ planned end (none: e.g. dibao)',
    format: 'date',
  })
  @Optional()
  @IsCalendarDate()
  plannedEnd?: string;

  @ApiProperty({
    description: '金额（分，不涉及资金为0）/ amount in fen (0 when it pays nothing)',
    minimum: 0,
    maximum: 100_000_000_000,
  })
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  amountFen!: number;

  @ApiPropertyOptional({
    description: '风险消除后延续至（过渡期）/ continues after elimination until (transition)',
    format: 'date',
  })
  @Optional()
  @IsCalendarDate()
  continuesAfterEliminationUntil?: string;
}

/** Body of "start a measure". */
export class MeasureStartDto {
  @ApiProperty({ description: '实际开始日期（不晚于今天）/ actual start (not after today)', format: 'date' })
  @IsCalendarDate()
  actualStart!: string;
}

/** Body of "end a measure". */
export class MeasureEndDto {
  @ApiProperty({ description: '实际结束日期 / actual end', format: 'date' })
  @IsCalendarDate()
  actualEnd!: string;

  @ApiProperty({ description: '措施成效 / the outcome', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  outcome!: string;
}

/** Body of "cancel a measure". */
export class MeasureCancellationDto {
  @ApiProperty({ description: '取消原因 / why it is cancelled', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Body of "extend a measure after elimination". */
export class MeasureExtensionDto {
  @ApiProperty({ description: '风险消除后延续至 / continues after elimination until', format: 'date' })
  @IsCalendarDate()
  until!: string;
}
