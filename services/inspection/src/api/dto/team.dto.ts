import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TEAM_MEMBER_ROLES, type TeamMemberRole } from '../../domain/team/team.values';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const DIVISION = /^\d{12}$/;
const DIVISION_MESSAGE = '须为12位数字区划代码 / must be a 12-digit division code';

/** A member of a team. */
export class TeamMemberDto {
  @ApiProperty({ description: '用户ID / user id' })
  @Matches(USER_ID, { message: '须为用户ID / must be a user id' })
  userId!: string;
  @ApiProperty({
    enum: TEAM_MEMBER_ROLES,
    description:
      '乡村干部、驻村工作队员、网格员、帮扶联系人 / township or village official, resident work-team member, grid worker, monitoring contact',
  })
  @IsIn(TEAM_MEMBER_ROLES)
  role!: TeamMemberRole;
}

/** Body of "change a team's members". */
export class TeamMembersDto {
  @ApiProperty({ type: [TeamMemberDto], description: '成员 / members' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  members!: TeamMemberDto[];
}

/** Body of "change a team's villages". */
export class TeamVillagesDto {
  @ApiProperty({ type: [String], description: '负责的村（本乡镇）/ villages covered (of the team’s township)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(DIVISION, { each: true, message: DIVISION_MESSAGE })
  villageCodes!: string[];
}

/** Body of "form a team". */
export class FormTeamDto extends TeamMembersDto {
  @ApiProperty({ description: '工作队名称 / team name', example: '红星村排查组' })
  @IsString()
  @Length(1, 100)
  name!: string;
  @ApiProperty({ description: '所属乡镇的12位区划代码 / 12-digit code of the township' })
  @Matches(DIVISION, { message: DIVISION_MESSAGE })
  townshipCode!: string;
  @ApiProperty({ type: [String], description: '负责的村（本乡镇）/ villages covered (of the township)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(DIVISION, { each: true, message: DIVISION_MESSAGE })
  villageCodes!: string[];
}

/** Body of "disband a team". */
export class DisbandTeamDto {
  @ApiProperty({ description: '理由 / reason' }) @IsString() @Length(1, 500) reason!: string;
}
