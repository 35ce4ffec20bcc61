import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, IsCalendarDate, IsDivisionCode, Optional } from '@relapse-watch/service-runtime';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CASE_PHASES, type CasePhase } from '../../domain/monitoring-case/monitoring-case.steps';
import { MONITORING_CATEGORIES, type MonitoringCategory } from '../../domain/monitoring-case/monitoring-case.values';
import { CASE_LIST_PAGE_SIZE } from '../../read-model/case-list/case-list.queries';

/** An id a sender or an official gives (a reference, an objection, a visit): visible ASCII, no spaces. */
export const REFERENCE_ID = /^[\x21-\x7e]{1,100}$/;
/** The same in a path: no character a URL would have to escape. */
export const PATH_ID = /^[A-Za-z0-9._:~-]{1,100}$/;
export const REFERENCE_ID_MESSAGE =
  '须为1至100个可见ASCII字符（不含空格）/ 1 to 100 visible ASCII characters, no spaces';
const PATH_ID_MESSAGE = '须为1至100个字母、数字或 ._:~- / 1 to 100 letters, digits or ._:~-';

/** Path of one monitoring case. */
export class CasePath {
  @ApiProperty({ description: '监测案件ID / monitoring case id', format: 'uuid' })
  @IsUUID()
  caseId!: string;
}

/** Path of one objection of a case. */
export class ObjectionPath extends CasePath {
  @ApiProperty({ description: '异议ID / objection id', pattern: PATH_ID.source })
  @Matches(PATH_ID, { message: PATH_ID_MESSAGE })
  objectionId!: string;
}

/** Path of one measure of a case's plan. */
export class MeasurePath extends CasePath {
  @ApiProperty({ description: '帮扶措施ID / measure id', pattern: PATH_ID.source })
  @Matches(PATH_ID, { message: PATH_ID_MESSAGE })
  measureId!: string;
}

/** The lead sources a person submits; department warnings and the inspection's leads come from systems. */
export const PERSON_LEAD_SOURCES = ['self-application', 'cadre-inspection'] as const;

/** Body of "take a lead". */
export class LeadDto {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' })
  @IsUUID()
  householdId!: string;

  @ApiProperty({
    enum: PERSON_LEAD_SOURCES,
    description: '线索来源：农户申请、干部排查 / source: the household’s application, a cadre’s inspection',
  })
  @IsIn(PERSON_LEAD_SOURCES)
  source!: (typeof PERSON_LEAD_SOURCES)[number];

  @ApiProperty({
    description:
      '线索编号（申请书或排查记录编号），同一编号再次提交不重复记录 / the application’s or report’s number; the same again records nothing twice',
    pattern: REFERENCE_ID.source,
  })
  @Matches(REFERENCE_ID, { message: REFERENCE_ID_MESSAGE })
  referenceId!: string;

  @ApiPropertyOptional({
    description: '线索摘要（不含个人信息）/ what the lead reports (no personal data)',
    minLength: 1,
    maxLength: 500,
  })
  @Optional()
  @IsString()
  @Length(1, 500)
  summary?: string;

  @ApiPropertyOptional({
    description: '收到线索的日期，默认今天 / the day the lead was received; today by default',
    format: 'date',
  })
  @Optional()
  @IsCalendarDate()
  on?: string;
}

/** Query of a unit's cases. */
export class CaseListQueryDto {
  @ApiPropertyOptional({
    description:
      '单位（省至村）的12位区划代码；缺省为本人所在单位 / 12-digit code of the unit (province to village); default: the caller’s own unit',
  })
  @Optional()
  @IsDivisionCode()
  divisionCode?: string;

  @ApiPropertyOptional({ enum: CASE_PHASES, description: '所处阶段 / the phase' })
  @Optional()
  @IsIn(CASE_PHASES)
  phase?: CasePhase;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: '只看超期（true）或未超期（false）/ only overdue (true) or not (false)',
  })
  @Optional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: MONITORING_CATEGORIES, description: '监测对象类别 / the category' })
  @Optional()
  @IsIn(MONITORING_CATEGORIES)
  category?: MonitoringCategory;

  @ApiPropertyOptional({ default: CASE_LIST_PAGE_SIZE, minimum: 1, maximum: CASE_LIST_PAGE_SIZE })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(CASE_LIST_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** Query of the overdue list. */
export class OverdueQueryDto {
  @ApiPropertyOptional({
    description: '单位的12位区划代码；缺省为本人所在单位 / 12-digit code of the unit; default: the caller’s own unit',
  })
  @Optional()
  @IsDivisionCode()
  divisionCode?: string;

  @ApiPropertyOptional({ default: CASE_LIST_PAGE_SIZE, minimum: 1, maximum: CASE_LIST_PAGE_SIZE })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(CASE_LIST_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** Query of a review list. */
export class ReviewListQueryDto extends OverdueQueryDto {
  @ApiProperty({
    enum: ['1', '2'],
    description: '监测满1年或满2年仍未消除风险 / monitored over 1 or over 2 full years without elimination',
  })
  @IsIn(['1', '2'])
  years!: '1' | '2';

  @ApiPropertyOptional({ description: '截至日期，默认今天 / as of this day; today by default', format: 'date' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}
