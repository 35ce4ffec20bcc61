import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { Optional } from '@relapse-watch/service-runtime';
import { KEY_REGION_KINDS, type KeyRegionKind } from '../../domain/province-policy/province-policy.values';
import { IsCalendarDate } from './calendar-date.decorator';
import { IsYuan } from './yuan.decorator';

/** Body of "publish a line" (monitoring threshold or inspection filter line). */
export class PublishLineDto {
  @ApiProperty({ description: '年人均纯收入（元）/ per-capita net income per year, yuan', example: '7200' })
  @IsYuan()
  amountYuan!: string | number;
  @ApiProperty({ description: '起始日期 / first day it applies, YYYY-MM-DD' })
  @IsCalendarDate()
  effectiveFrom!: string;
  @ApiProperty({ description: '政策文号 / policy document reference' })
  @IsString()
  @Length(1, 200)
  sourceDocument!: string;
}

/** Body of "designate a key region". */
export class DesignateKeyRegionDto {
  @ApiPropertyOptional({ description: '重点区域ID（缺省时由服务生成）/ id (made by the service when absent)' })
  @Optional()
  @IsString()
  @Length(1, 100)
  regionId?: string;

  @ApiProperty({ enum: KEY_REGION_KINDS }) @IsIn(KEY_REGION_KINDS) kind!: KeyRegionKind;

  @ApiProperty({ type: [String], description: '覆盖的区划代码 / division codes it covers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  divisionCodes!: string[];

  @ApiProperty({ description: '认定理由 / reason' }) @IsString() @Length(1, 500) reason!: string;
  @ApiProperty({ description: '起始日期 / first day it applies' }) @IsCalendarDate() effectiveFrom!: string;
}

/** Body of "revoke a key region". */
export class RevokeKeyRegionDto {
  @ApiProperty({ description: '撤销理由 / reason' }) @IsString() @Length(1, 500) reason!: string;
  @ApiProperty({ description: '失效日期 / first day it no longer applies' }) @IsCalendarDate() effectiveFrom!: string;
}
