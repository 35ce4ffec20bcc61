import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { Optional } from '@relapse-watch/service-runtime';
import {
  KEY_REGION_KINDS,
  PER_CAPITA_DIVISOR_RULES,
  type KeyRegionKind,
  type PerCapitaDivisorRule,
} from '../../domain/province-policy/province-policy.values';
import { IsCalendarDate } from '@relapse-watch/service-runtime';
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

/** Body of "set the per-capita divisor rule". */
export class SetPerCapitaDivisorRuleDto {
  @ApiProperty({
    enum: PER_CAPITA_DIVISOR_RULES,
    description:
      '人均纯收入的计算人口：household-members 家庭人口（含外出务工成员，默认），resident-members 常住人口 / who per-capita net income divides by: household-members, everyone registered including members working away (the default), or resident-members, those living in the household',
  })
  @IsIn(PER_CAPITA_DIVISOR_RULES)
  rule!: PerCapitaDivisorRule;
  @ApiProperty({ description: '起始日期 / first day it applies, YYYY-MM-DD' })
  @IsCalendarDate()
  effectiveFrom!: string;
  @ApiProperty({ description: '政策文号 / policy document reference' })
  @IsString()
  @Length(1, 200)
  sourceDocument!: string;
}

/** Body of "add a province risk type". */
export class AddProvinceRiskTypeDto {
  @ApiProperty({
    description:
      '代码（小写英文单词以连字符连接），完整代码为 <省级代码>.<本代码> / code, lower-case words joined by hyphens; the full code is <province>.<this>',
    example: 'farm-price-drop',
  })
  @IsString()
  @Matches(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  @Length(1, 48)
  localCode!: string;
  @ApiProperty({ description: '中文名称 / Chinese label', example: '因农产品价格下跌' })
  @IsString()
  @Length(1, 100)
  labelZh!: string;
  @ApiProperty({ description: '英文名称 / English label', example: 'Farm-price drop' })
  @IsString()
  @Length(1, 100)
  labelEn!: string;
  @ApiProperty({ description: '政策文号 / policy document reference' })
  @IsString()
  @Length(1, 200)
  sourceDocument!: string;
}
