import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { YEARS_LEFT_POVERTY } from '../../domain/household/household.values';
import { RISK_TYPE_CODE_MAX_LENGTH, RISK_TYPE_CODE_PATTERN } from '../../domain/risk-types/risk-types';
import { IsYuan } from './yuan.decorator';
import { IsCalendarDate } from '@relapse-watch/service-runtime';
import { IsDivisionCode } from '@relapse-watch/service-runtime';
import { IntegerParam, Optional, RequiredWhen } from '@relapse-watch/service-runtime';
import {
  HOUSEHOLD_WARNING_RULE_CODES,
  type HouseholdWarningRule,
} from '../../domain/household/household-warning.catalogue';

const DIVISION_CODE = /^\d{12}$/;
const STATUS_KINDS = ['ordinary', 'poverty-alleviated'] as const;

export class HouseholdStatusDto {
  @ApiProperty({
    enum: STATUS_KINDS,
    description:
      '户类型：一般农户或脱贫户（监测对象不是户类型，由监测帮扶服务认定）/ base status: ordinary or poverty-alleviated (being a monitoring subject is not a status; the assistance service decides it)',
  })
  @IsIn(STATUS_KINDS)
  kind!: (typeof STATUS_KINDS)[number];

  @ApiPropertyOptional({
    description: '脱贫年度（仅脱贫户，2014–2020）/ year it left poverty (poverty-alleviated only, 2014–2020)',
    minimum: YEARS_LEFT_POVERTY.first,
    maximum: YEARS_LEFT_POVERTY.last,
  })
  @RequiredWhen('kind', ['poverty-alleviated'])
  @IsInt()
  @Min(YEARS_LEFT_POVERTY.first)
  @Max(YEARS_LEFT_POVERTY.last)
  yearLeftPoverty?: number;
}

/** Body of "register a household". */
export class RegisterHouseholdDto {
  @ApiProperty({ description: '12位村级区划代码 / 12-digit village code', example: '511923100201' })
  @IsString()
  @Matches(DIVISION_CODE, { message: '须为12位数字区划代码 / must be a 12-digit division code' })
  villageCode!: string;

  @ApiProperty({ description: '户编号（村内唯一）/ household number, unique in the village' })
  @IsString()
  @Length(1, 64)
  householdNumber!: string;

  @ApiProperty({ type: HouseholdStatusDto })
  @ValidateNested()
  @Type(() => HouseholdStatusDto)
  status!: HouseholdStatusDto;
}

/** Body of "set status". */
export class SetStatusDto {
  @ApiProperty({ type: HouseholdStatusDto })
  @ValidateNested()
  @Type(() => HouseholdStatusDto)
  status!: HouseholdStatusDto;
}

/** Body of "set flags". */
export class SetFlagsDto {
  @ApiProperty({ description: '易地扶贫搬迁集中安置 / relocated to a resettlement site' })
  @IsBoolean()
  relocatedToResettlementSite!: boolean;

  @ApiProperty({ description: '农转非 / moved to urban hukou' })
  @IsBoolean()
  urbanHukou!: boolean;
}

export class ReportingPeriodDto {
  @ApiProperty({ enum: ['calendar-year', 'twelve-months'] })
  @IsIn(['calendar-year', 'twelve-months'])
  kind!: 'calendar-year' | 'twelve-months';

  @ApiPropertyOptional({ description: '年度 / year (calendar-year)' })
  @RequiredWhen('kind', ['calendar-year'])
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ description: '截止日期 / ending on (twelve-months), YYYY-MM-DD' })
  @RequiredWhen('kind', ['twelve-months'])
  @IsCalendarDate()
  endingOn?: string;
}

/** Income components in yuan: net = wages + gross business + property + transfer − production costs. */
export class IncomeComponentsDto {
  @ApiProperty({ description: '工资性收入（元）/ wage income, yuan' }) @IsYuan() wagesYuan!: string | number;
  @ApiProperty({
    description:
      '生产经营性收入（元，毛收入，未扣生产经营费用）/ gross business income, farming included, before its costs, yuan',
  })
  @IsYuan()
  grossBusinessYuan!: string | number;
  @ApiProperty({ description: '财产性收入（元）/ property income, yuan' }) @IsYuan() propertyYuan!: string | number;
  @ApiProperty({ description: '转移性收入（元）/ transfer income, yuan' }) @IsYuan() transferYuan!: string | number;
  @ApiProperty({
    description: '生产经营费用支出（元，从收入中扣减一次）/ production and operating costs, subtracted once, yuan',
  })
  @IsYuan()
  productionCostsYuan!: string | number;
}

/** Body of "record income". */
export class RecordIncomeDto {
  @ApiProperty({ type: ReportingPeriodDto })
  @ValidateNested()
  @Type(() => ReportingPeriodDto)
  period!: ReportingPeriodDto;
  @ApiProperty({ type: IncomeComponentsDto })
  @ValidateNested()
  @Type(() => IncomeComponentsDto)
  components!: IncomeComponentsDto;
}

/** Body of "record rigid expenditure". */
export class RecordRigidExpenditureDto {
  @ApiProperty({ type: ReportingPeriodDto })
  @ValidateNested()
  @Type(() => ReportingPeriodDto)
  period!: ReportingPeriodDto;
  @ApiProperty({ description: '报销后自付医疗费用 / self-paid medical cost after reimbursement' })
  @IsYuan()
  medicalAfterReimbursementYuan!: string | number;
  @ApiProperty({ description: '教育支出 / education cost' }) @IsYuan() educationYuan!: string | number;
  @ApiProperty({ description: '灾害损失 / disaster loss' }) @IsYuan() disasterLossYuan!: string | number;
}

/** Body of "report a risk event". */
export class ReportRiskEventDto {
  @ApiPropertyOptional({ description: '风险事件ID（缺省时由服务生成）/ id (made by the service when absent)' })
  @Optional()
  @IsString()
  @Length(1, 100)
  riskEventId?: string;

  @ApiProperty({
    description:
      '风险类型代码：全国清单或本省增补（GET /api/registry/risk-types?province=）/ risk type code: national or the province’s own (GET /api/registry/risk-types?province=)',
    pattern: RISK_TYPE_CODE_PATTERN.source,
    maxLength: RISK_TYPE_CODE_MAX_LENGTH,
    example: 'illness',
  })
  @IsString()
  @Matches(RISK_TYPE_CODE_PATTERN)
  @Length(1, RISK_TYPE_CODE_MAX_LENGTH)
  kind!: string;
  @ApiProperty({ description: '发生日期 / date, YYYY-MM-DD' }) @IsCalendarDate() occurredOn!: string;
  @ApiProperty({ description: '损失（元）/ loss, yuan' }) @IsYuan() lossYuan!: string | number;
}

/** Body of "record the 3+1 status". */
export class ThreePlusOneDto {
  @ApiProperty({ description: '不愁吃不愁穿 / food and clothing secured' })
  @IsBoolean()
  foodAndClothingSecured!: boolean;
  @ApiProperty({ description: '义务教育有保障 / compulsory education secured' })
  @IsBoolean()
  compulsoryEducationSecured!: boolean;
  @ApiProperty({ description: '基本医疗有保障 / medical insurance covered' })
  @IsBoolean()
  medicalInsuranceCovered!: boolean;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'], description: '住房安全等级 / housing grade' })
  @IsIn(['A', 'B', 'C', 'D'])
  housingGrade!: 'A' | 'B' | 'C' | 'D';
  @ApiProperty({ description: '饮水安全 / drinking water safe' }) @IsBoolean() drinkingWaterSafe!: boolean;
}

/** Query of the household list. */
export class ListHouseholdsQueryDto {
  @ApiPropertyOptional({ description: '行政区划代码（任一级）/ division code of any tier' })
  @Optional()
  @IsDivisionCode()
  divisionCode?: string;

  @ApiPropertyOptional({ enum: STATUS_KINDS })
  @Optional()
  @IsIn(STATUS_KINDS)
  status?: (typeof STATUS_KINDS)[number];

  @ApiPropertyOptional({
    enum: [...HOUSEHOLD_WARNING_RULE_CODES, 'any'],
    description:
      '只列出有该数据质量预警（any：有任一预警）的农户 / only households with this data-quality warning open (any: with any)',
  })
  @Optional()
  @IsIn([...HOUSEHOLD_WARNING_RULE_CODES, 'any'])
  warning?: HouseholdWarningRule | 'any';

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @Optional() @IntegerParam() @IsInt() @Min(0) offset?: number;
}
