import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional, RequiredWhen } from '@relapse-watch/service-runtime';
import { CORRECTION_KINDS, type CorrectionKind } from '../../application/field-corrections';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CONTACT_METHODS, type ContactMethod, type MonitoringCategory } from '@relapse-watch/inspection-rules';
import { FindingsDto } from './findings.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '日期须为 YYYY-MM-DD / a date is YYYY-MM-DD';
const CATEGORIES: readonly MonitoringCategory[] = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
];
const RISK_TYPE = /^(?:[1-9][0-9]\.)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Path of one household's inspection in one campaign. */
export class InspectionPath {
  @ApiProperty({ description: '排查活动ID：省级代码-年度 / campaign id, province-year', example: '51-2024' })
  @Matches(/^[1-9][0-9]-[0-9]{4}$/, { message: '须为省级代码-年度，如 51-2024 / must be province-year, e.g. 51-2024' })
  campaignId!: string;

  @ApiProperty({ description: '户ID / household id' })
  @IsUUID()
  householdId!: string;
}

export class SuggestionPath extends InspectionPath {
  @ApiProperty({ description: '建议ID / suggestion id' })
  @IsUUID()
  suggestionId!: string;
}

export class IssuePath extends InspectionPath {
  @ApiProperty({ description: '数据质量问题ID（即被采纳建议的ID）/ issue id (the accepted suggestion’s)' })
  @IsUUID()
  issueId!: string;
}

export class ItemPath extends InspectionPath {
  @ApiProperty({ description: '整改事项ID（即被采纳建议的ID）/ item id (the accepted suggestion’s)' })
  @IsUUID()
  itemId!: string;
}

/** Body of "assign the inspection". */
export class AssignInspectionDto {
  @ApiProperty({ description: '排查工作队ID / team id' })
  @IsUUID()
  teamId!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, description: '排查人员用户ID / inspectors’ user ids' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  inspectorIds!: string[];
}

/** Body of "record a contact". */
export class ContactDto {
  @ApiPropertyOptional({
    description: '联系记录ID；不填则由幂等键派生 / contact id; derived from the Idempotency-Key when left out',
    minLength: 1,
    maxLength: 100,
  })
  @Optional()
  @IsString()
  @Length(1, 100)
  contactId?: string;

  @ApiProperty({ enum: CONTACT_METHODS, description: '入户走访、线上沟通、群众评议 / visit, online, group assessment' })
  @IsIn(CONTACT_METHODS)
  method!: ContactMethod;

  @ApiProperty({ description: '联系日期 / date of the contact', format: 'date' })
  @Matches(DATE, { message: DATE_MESSAGE })
  contactedOn!: string;

  @ApiProperty({ type: FindingsDto })
  @ValidateNested()
  @Type(() => FindingsDto)
  findings!: FindingsDto;
}

/** A correction of household facts found at the visit: the body of the registry's own command. */
export class CorrectionDto {
  @ApiProperty({
    enum: CORRECTION_KINDS,
    description:
      '更正的户籍命令：3+1状况、户标识、户类型、成员 / the registry command: 3+1 status, flags, status, a member',
  })
  @IsIn(CORRECTION_KINDS)
  kind!: CorrectionKind;

  @ApiPropertyOptional({
    description: '成员ID（更正成员时必填）/ member id (required for a member)',
    minLength: 1,
    maxLength: 100,
  })
  @RequiredWhen('kind', ['member'])
  @IsString()
  @Length(1, 100)
  memberId?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '户籍服务该命令的请求体，由户籍服务校验 / the body of the registry’s command, checked by the registry',
  })
  @IsObject()
  body!: Record<string, unknown>;
}

/** Body of "record a whole visit": the contact, whether it completes the round, and the corrections found. */
export class VisitDto extends ContactDto {
  @ApiProperty({ description: '本次走访后完成排查 / complete the inspection with this visit' })
  @IsBoolean()
  complete!: boolean;

  @ApiPropertyOptional({
    type: [CorrectionDto],
    maxItems: 10,
    description:
      '发现的户籍信息更正，以本人权限作为户籍服务的命令发送 / corrections found, sent as the registry’s own commands with the official’s rights',
  })
  @Optional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CorrectionDto)
  corrections?: CorrectionDto[];
}

/** Body of "reopen" and "dismiss". */
export class ReasonDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: '原因 / reason' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Body of "accept a suggestion": the reason; for an at-risk one, the official's category and risk types. */
export class AcceptSuggestionDto extends ReasonDto {
  @ApiPropertyOptional({ enum: CATEGORIES, description: '监测对象类别（仅风险户建议）/ category (at-risk only)' })
  @Optional()
  @IsIn(CATEGORIES)
  category?: MonitoringCategory;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: 20, description: '风险类型代码 / risk type codes' })
  @Optional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(RISK_TYPE, { each: true, message: '须为风险类型代码 / must be a risk type code' })
  riskTypes?: string[];
}

/** Body of "resolve an issue" and "close an item". */
export class ResolutionDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: '处理结果 / resolution' })
  @IsString()
  @Length(1, 500)
  resolution!: string;
}
