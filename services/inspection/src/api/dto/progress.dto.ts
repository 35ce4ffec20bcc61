import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, IsDivisionCode, Optional } from '@relapse-watch/service-runtime';
import { IsInt, Max, Min } from 'class-validator';

// The progress answers as the API document shows them (the read model's types, described).

/** Query of a unit's progress. */
export class ProgressQueryDto {
  @ApiPropertyOptional({
    description:
      '单位（省至村）的12位区划代码；缺省为本人所在单位 / 12-digit code of the unit (province to village); default: the caller’s own unit',
  })
  @Optional()
  @IsDivisionCode()
  divisionCode?: string;
}

class ByMethodDto {
  @ApiProperty({ description: '入户走访 / household visit' }) 'household-visit'!: number;
  @ApiProperty({ description: '线上沟通 / online communication' }) 'online-communication'!: number;
  @ApiProperty({ description: '群众评议 / villagers’ group assessment' }) 'group-assessment'!: number;
}

class HouseholdProgressDto {
  @ApiProperty({ description: '在册农户（含搬迁户、农转非户）/ households in scope' }) inScope!: number;
  @ApiProperty({ description: '已完成排查 / completed' }) done!: number;
  @ApiProperty({ description: '截止日后完成（按入户日期）/ completed after the deadline (by inspection date)' })
  late!: number;
  @ApiProperty({ description: '截止日已过仍未完成 / not completed once the deadline has passed' }) overdue!: number;
  @ApiProperty({
    type: ByMethodDto,
    description: '完成轮次所用方式（一户可计入多种）/ methods of the completing round',
  })
  byMethod!: ByMethodDto;
}

class KeyGroupProgressDto {
  @ApiProperty({ description: '已完成（已入户）的重点人群户 / key-group households completed' }) completed!: number;
}

class AtRiskProgressDto {
  @ApiProperty({ description: '规则提示有风险的户 / households the rules suggested at risk' }) suggested!: number;
  @ApiProperty({ description: '经确认纳入风险户的户 / households an official flagged at risk' }) flagged!: number;
}

class VillageProgressDto {
  @ApiProperty({ description: '有在册农户的村 / villages with households in scope' }) inScope!: number;
  @ApiProperty({ description: '已有工作队的村 / of those, villages a team covers' }) withTeam!: number;
  @ApiProperty({ description: '工作队到位期限后仍无工作队的村 / villages without a team after the deadline' })
  overdue!: number;
}

class ProgressFiguresDto {
  @ApiProperty({ type: HouseholdProgressDto }) households!: HouseholdProgressDto;
  @ApiProperty({ type: KeyGroupProgressDto }) keyGroups!: KeyGroupProgressDto;
  @ApiProperty({ type: AtRiskProgressDto }) atRisk!: AtRiskProgressDto;
  @ApiProperty({ type: VillageProgressDto }) villages!: VillageProgressDto;
}

class UnitProgressDto extends ProgressFiguresDto {
  @ApiProperty({ example: '51-2024' }) campaignId!: string;
  @ApiProperty({ example: '511923102000' }) divisionCode!: string;
  @ApiProperty({ enum: ['province', 'city', 'county', 'township', 'village'] }) tier!: string;
}

/** A unit's progress with its child units'. */
export class CampaignProgressDto extends UnitProgressDto {
  @ApiProperty({
    type: [UnitProgressDto],
    description: '下一级单位（有在册农户的）/ the child units with households in scope',
  })
  children!: UnitProgressDto[];
}

/** A team's progress over its villages. */
export class TeamProgressDto extends ProgressFiguresDto {
  @ApiProperty({ example: '51-2024' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
}

/** Query of a unit's key-group households. */
export class KeyGroupQueryDto {
  @ApiProperty({ description: '县、乡镇或村的12位区划代码 / 12-digit code of a county, township or village' })
  @IsDivisionCode()
  divisionCode!: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @Optional() @IntegerParam() @IsInt() @Min(0) offset?: number;
}

class EvidenceDto {
  @ApiProperty({ example: 'perCapitaNetIncomeFen' }) fact!: string;
  @ApiProperty({
    description: '事实取值 / the fact’s value',
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  value!: string | number | boolean | null;
  @ApiPropertyOptional({
    description: '阈值 / the threshold',
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  threshold?: string | number | boolean | null;
}

class KeyGroupSelectionDto {
  @ApiProperty({ example: 'key-group.income-drop' }) ruleId!: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
}

class KeyGroupHouseholdDto {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty() villageCode!: string;
  @ApiProperty() householdNumber!: string;
  @ApiProperty({ type: [KeyGroupSelectionDto] }) selections!: KeyGroupSelectionDto[];
}

/** A page of a unit's key-group households. */
export class KeyGroupPageDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() divisionCode!: string;
  @ApiProperty({ description: '规则读取的在册户数 / households the rules read' }) householdsRead!: number;
  @ApiProperty({ description: '被选中的户数 / households selected' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [KeyGroupHouseholdDto] }) items!: KeyGroupHouseholdDto[];
}
