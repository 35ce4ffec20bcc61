import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@relapse-watch/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { WORKING_GROUP_DUTIES, type WorkingGroupDuty } from '../../domain/campaign/campaign.values';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Body of "launch a campaign". */
export class LaunchCampaignDto {
  @ApiProperty({ description: '两位省级代码 / two-digit province code', example: '51' })
  @Matches(/^[1-9]\d$/, { message: '须为两位省级代码 / must be a two-digit province code' })
  provinceCode!: string;
  @ApiProperty({ description: '年度 / year', example: 2024, minimum: 2021, maximum: 2100 })
  @IsInt()
  @Min(2021)
  @Max(2100)
  year!: number;
  @ApiProperty({ description: '启动日期 / launch date' }) @IsCalendarDate() launchedOn!: string;
  @ApiProperty({ description: '工作队到位截止日期（含）/ teams in place by (inclusive)' })
  @IsCalendarDate()
  teamsInPlaceBy!: string;
  @ApiProperty({ description: '排查完成截止日期（含）/ inspection due by (inclusive)' })
  @IsCalendarDate()
  inspectBy!: string;
  @ApiProperty({ description: '排查表版本 / checklist version', example: '2024.1' })
  @IsString()
  @Length(1, 20)
  checklistVersion!: string;
  @ApiProperty({ description: '规则集版本 / rule set version', example: '51-2024.1' })
  @IsString()
  @Length(1, 40)
  ruleSetVersion!: string;
  @ApiProperty({ type: [String], description: '重点群体规则ID / key-group rule ids', example: ['income-drop'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  keyGroupRuleIds!: string[];
}

/** Body of "close a campaign". */
export class CloseCampaignDto {
  @ApiProperty({ description: '结束日期 / closing date' }) @IsCalendarDate() closedOn!: string;
  @ApiProperty({ description: '理由 / reason' }) @IsString() @Length(1, 500) reason!: string;
}

/** A member of a working group. */
export class WorkingGroupMemberDto {
  @ApiProperty({ description: '用户ID / user id' })
  @Matches(USER_ID, { message: '须为用户ID / must be a user id' })
  userId!: string;
  @ApiProperty({ enum: WORKING_GROUP_DUTIES, description: '组长、副组长、成员 / leader, deputy, member' })
  @IsIn(WORKING_GROUP_DUTIES)
  duty!: WorkingGroupDuty;
}

/** Body of "change a working group's members". */
export class WorkingGroupMembersDto {
  @ApiProperty({ type: [WorkingGroupMemberDto], description: '成员（至少一名组长）/ members (at least one leader)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkingGroupMemberDto)
  members!: WorkingGroupMemberDto[];
}

/** Body of "form a working group". */
export class FormWorkingGroupDto extends WorkingGroupMembersDto {
  @ApiProperty({
    description:
      '单位（省、市、县、乡镇）的12位区划代码 / 12-digit code of the unit (province, city, county, township)',
  })
  @Matches(/^\d{12}$/, { message: '须为12位数字区划代码 / must be a 12-digit division code' })
  unitCode!: string;
}
