import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Query of the risk type list. */
export class RiskTypesQueryDto {
  @ApiProperty({ description: '省级代码（两位）/ two-digit province code', example: '51', pattern: '^[1-9][0-9]$' })
  @Matches(/^[1-9][0-9]$/, { message: '省级代码须为两位数字 / a province code is two digits' })
  province!: string;

  @ApiPropertyOptional({ description: '年度（缺省为今年）/ year, this year by default', minimum: 2000, maximum: 9999 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;
}
