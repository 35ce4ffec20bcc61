import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, Optional } from '@relapse-watch/service-runtime';
import { IsNumber, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { REFERENCE_ID, REFERENCE_ID_MESSAGE } from './case.dto';
import { CODE } from './step.dto';

const CODE_MESSAGE = '须为小写代码 / a lower-case code';

/** Body of "send a department's warning": the household by its id or by a member's resident ID (one of the two). */
export class WarningDto {
  @ApiProperty({
    description: '预警部门代码 / the sending department',
    pattern: CODE.source,
    maxLength: 50,
    example: 'health-insurance',
  })
  @IsString()
  @Length(1, 50)
  @Matches(CODE, { message: CODE_MESSAGE })
  department!: string;

  @ApiProperty({
    description:
      '发送方的预警编号；同一编号再次发送不重复记录，返回同一案件 / the sender’s warning id; the same id again writes nothing and answers the same case',
    pattern: REFERENCE_ID.source,
  })
  @Matches(REFERENCE_ID, { message: REFERENCE_ID_MESSAGE })
  warningId!: string;

  @ApiPropertyOptional({ description: '户ID（与身份证号二选一）/ household id (or residentId)', format: 'uuid' })
  @Optional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    description:
      '成员身份证号（与户ID二选一；仅用于查找，不保存、不回显）/ a member’s resident ID number (or householdId); used to find the household only, never stored or echoed',
    minLength: 1,
    maxLength: 40,
  })
  @Optional()
  @IsString()
  @Length(1, 40)
  residentId?: string;

  @ApiProperty({
    description: '预警指标 / the indicator',
    pattern: CODE.source,
    maxLength: 64,
    example: 'self-paid-medical-cost',
  })
  @IsString()
  @Length(1, 64)
  @Matches(CODE, { message: CODE_MESSAGE })
  indicator!: string;

  @ApiProperty({
    description: '指标值 / the value',
    minimum: -1_000_000_000_000,
    maximum: 1_000_000_000_000,
    example: 32000,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1_000_000_000_000)
  @Max(1_000_000_000_000)
  value!: number;

  @ApiProperty({ description: '单位 / the unit', minLength: 1, maxLength: 20, example: 'yuan' })
  @IsString()
  @Length(1, 20)
  unit!: string;

  @ApiProperty({ description: '观测日期 / the day observed', format: 'date' })
  @IsCalendarDate()
  observedOn!: string;
}
