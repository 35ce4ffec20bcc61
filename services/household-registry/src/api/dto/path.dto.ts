import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, Optional } from '@relapse-watch/service-runtime';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@relapse-watch/service-runtime';

const DIVISION_CODE = /^\d{12}$/;
const DIVISION_MESSAGE = '须为12位数字区划代码 / must be a 12-digit division code';

/** Path of one household: its id is a UUID (derived from village and household number). */
export class HouseholdPath {
  @ApiProperty({ description: '户ID / household id' })
  @IsUUID()
  householdId!: string;
}

/** Path of one member of a household; member ids are the caller's or the service's (1–100 characters). */
export class MemberPath extends HouseholdPath {
  @ApiProperty({ description: '成员ID / member id' })
  @IsString()
  @Length(1, 100)
  memberId!: string;
}

/** Path of one unit of the division tree. */
export class DivisionPath {
  @ApiProperty({ description: '12位区划代码 / 12-digit division code', example: '511923000000' })
  @Matches(DIVISION_CODE, { message: DIVISION_MESSAGE })
  code!: string;
}

/** Path of "is this unit within that one". */
export class ContainmentPath extends DivisionPath {
  @ApiProperty({ description: '上级单位的12位区划代码 / 12-digit code of the enclosing unit', example: '510000000000' })
  @Matches(DIVISION_CODE, { message: DIVISION_MESSAGE })
  unitCode!: string;
}

/** Path of a province's policy for a year. */
export class PolicyPath {
  @ApiProperty({ description: '两位省级代码 / two-digit province code', example: '51' })
  @Matches(/^[1-9]\d$/, { message: '须为两位省级代码 / must be a two-digit province code' })
  provinceCode!: string;

  @ApiProperty({ description: '年度 / year', example: 2025 })
  @IntegerParam()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** Path of one key region of a province's policy. */
export class KeyRegionPath extends PolicyPath {
  @ApiProperty({ description: '重点区域ID / key region id' })
  @IsString()
  @Length(1, 100)
  regionId!: string;
}

/** Query of "read a province's policy". */
export class PolicyQueryDto {
  @ApiPropertyOptional({ description: '生效日期，缺省为今天 / the date things are in force on, today by default' })
  @Optional()
  @IsCalendarDate()
  on?: string;
}
