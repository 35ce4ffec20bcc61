import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, IsDivisionCode, Optional } from '@relapse-watch/service-runtime';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';

const STATUSES = ['open', 'closed'] as const;
const FORMATS = ['csv', 'xlsx'] as const;
const RULE_ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/** `?divisionCode=&status=&ruleId=` of both lists and their exports. */
export class FollowUpFilterDto {
  @ApiPropertyOptional({
    description:
      '单位（省至村）的12位区划代码；缺省为排查省份（按本人辖区过滤）/ 12-digit code of the unit (province to village); default: the campaign’s province, narrowed to the caller’s area',
  })
  @Optional()
  @IsDivisionCode()
  divisionCode?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: '未办结或已办结 / open or closed' })
  @Optional()
  @IsIn(STATUSES, { message: '须为 open 或 closed / must be open or closed' })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({
    description: '规则ID / the rule that raised it',
    example: 'data-quality.record-mismatch',
    pattern: RULE_ID.source,
  })
  @Optional()
  @Matches(RULE_ID, { message: '须为规则ID / must be a rule id' })
  ruleId?: string;
}

/** A page of a list. */
export class FollowUpListQueryDto extends FollowUpFilterDto {
  @ApiPropertyOptional({ default: 20, maximum: 500 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: 10_000_000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

/** An export of a list. */
export class FollowUpExportQueryDto extends FollowUpFilterDto {
  @ApiProperty({ enum: FORMATS, description: 'CSV（UTF-8 带 BOM）或 XLSX / CSV (UTF-8 with BOM) or XLSX' })
  @IsIn(FORMATS, { message: '须为 csv 或 xlsx / must be csv or xlsx' })
  format!: (typeof FORMATS)[number];
}

class FollowUpRowDto {
  @ApiProperty({ enum: ['data-quality', 'rectification'] }) kind!: string;
  @ApiProperty({ format: 'uuid', description: '问题或事项ID / the issue’s or item’s id' }) id!: string;
  @ApiProperty({ example: '51-2024' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ example: '511923101201' }) villageCode!: string;
  @ApiProperty() townshipCode!: string;
  @ApiProperty() countyCode!: string;
  @ApiProperty() cityCode!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ example: 'data-quality.record-mismatch' }) ruleId!: string;
  @ApiProperty({ nullable: true, type: String, description: '数据质量检查项 / the data-quality check' })
  rule!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '涉及字段 / the field' }) field!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '排查领域 / the inspection area' }) area!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '责任单位 / the owning unit' }) ownerUnit!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: '整改期限 / due on' })
  dueOn!: string | null;
  @ApiProperty({ format: 'date' }) openedOn!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '处理结果 / resolution' }) resolution!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: '逾期销号 / closed after its due day' })
  closedLate!: boolean | null;
  @ApiProperty({ description: '历时天数（至办结或今天）/ days open, to closing or today' }) daysOpen!: number;
  @ApiProperty({ description: '整改事项已过期限 / an item past its due day' }) overdue!: boolean;
}

/** A page of data-quality issues or rectification items. */
export class FollowUpPageDto {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [FollowUpRowDto] }) items!: FollowUpRowDto[];
}
