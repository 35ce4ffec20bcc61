import { ApiProperty } from '@nestjs/swagger';
import { IsDivisionCode } from '@relapse-watch/service-runtime';
import { IsUUID, Matches } from 'class-validator';

/** `<provinceCode>-<year>`: one concentrated inspection per province and year. */
export const CAMPAIGN_ID_PATTERN = /^[1-9][0-9]-(?:20[2-9][0-9]|2100)$/;

/** Path of one campaign. */
export class CampaignPath {
  @ApiProperty({ description: '排查ID：省级代码-年度 / campaign id, province-year', example: '51-2024' })
  @Matches(CAMPAIGN_ID_PATTERN, {
    message: '排查ID须为 省级代码-年度，如 51-2024 / a campaign id is province-year, e.g. 51-2024',
  })
  campaignId!: string;
}

/** Path of one working group of a campaign: its unit. */
export class WorkingGroupPath extends CampaignPath {
  @ApiProperty({
    description: '工作专班所在单位的12位区划代码 / 12-digit code of the group’s unit',
    example: '511921000000',
  })
  @IsDivisionCode()
  unitCode!: string;
}

/** Path of one team. */
export class TeamPath {
  @ApiProperty({ description: '工作队ID / team id', format: 'uuid' })
  @IsUUID()
  teamId!: string;
}

/** Query of "the teams of a campaign in a unit". */
export class TeamListQueryDto {
  @ApiProperty({ description: '单位（省至村）的12位区划代码 / 12-digit code of the unit (province to village)' })
  @IsDivisionCode()
  unitCode!: string;
}
