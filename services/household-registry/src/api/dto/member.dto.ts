import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { Optional, RequiredWhen } from '@relapse-watch/service-runtime';

const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child-in-law',
  'grandchild',
  'parent',
  'parent-in-law',
  'grandparent',
  'sibling',
  'other-relative',
  'other',
] as const;
const HEALTH = ['healthy', 'chronic-illness', 'serious-illness', 'disabled'] as const;
const LABOUR = ['skilled', 'ordinary', 'weak', 'lost', 'none'] as const;
const SCHOOLING = [
  'pre-school',
  'primary',
  'junior-secondary',
  'senior-secondary',
  'secondary-vocational',
  'higher-vocational',
  'undergraduate-or-above',
  'dropped-out',
  'not-in-school',
] as const;
const PLACES = ['within-county', 'outside-county-within-province', 'outside-province'] as const;
const REMOVAL_REASONS = ['deceased', 'moved-out', 'married-out', 'registration-error', 'other'] as const;

/** PERSONAL DATA of a member: name and resident ID number. */
export class MemberPersonalDto {
  @ApiProperty({ description: '姓名 / name', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty({ description: '18位公民身份号码 / 18-character resident ID number', example: '511923196804120318' })
  @IsString()
  @Length(18, 18)
  residentId!: string;
}

export class HealthDto {
  @ApiProperty({ enum: HEALTH })
  @IsIn(HEALTH)
  kind!: (typeof HEALTH)[number];

  @ApiPropertyOptional({
    description: '残疾等级1–4（仅 disabled）/ disability grade 1–4 (disabled only)',
    minimum: 1,
    maximum: 4,
  })
  @RequiredWhen('kind', ['disabled'])
  @IsInt()
  @Min(1)
  @Max(4)
  grade?: 1 | 2 | 3 | 4;
}

export class EmploymentDto {
  @ApiProperty({ enum: ['not-employed', 'employed'] })
  @IsIn(['not-employed', 'employed'])
  status!: 'not-employed' | 'employed';

  @ApiPropertyOptional({ enum: PLACES })
  @RequiredWhen('status', ['employed'])
  @IsIn(PLACES)
  place?: (typeof PLACES)[number];

  @ApiPropertyOptional({ enum: ['stable', 'unstable'] })
  @RequiredWhen('status', ['employed'])
  @IsIn(['stable', 'unstable'])
  stability?: 'stable' | 'unstable';
}

/** Member facts that are not personal identifiers. */
export class MemberProfileDto {
  @ApiProperty({ enum: RELATIONS, description: '与户主关系 / relation to head' })
  @IsIn(RELATIONS)
  relationToHead!: (typeof RELATIONS)[number];

  @ApiProperty({ type: HealthDto })
  @ValidateNested()
  @Type(() => HealthDto)
  health!: HealthDto;

  @ApiProperty({ enum: LABOUR, description: '劳动技能 / labour capacity' })
  @IsIn(LABOUR)
  labourCapacity!: (typeof LABOUR)[number];

  @ApiProperty({ type: EmploymentDto })
  @ValidateNested()
  @Type(() => EmploymentDto)
  employment!: EmploymentDto;

  @ApiProperty({ enum: SCHOOLING, description: '在校生状况 / schooling stage' })
  @IsIn(SCHOOLING)
  schooling!: (typeof SCHOOLING)[number];

  @ApiProperty({ description: '参加基本医疗保险 / enrolled in basic medical insurance' })
  @IsBoolean()
  medicalInsuranceEnrolled!: boolean;

  @ApiProperty({
    description:
      '常住本户（省定按常住人口计算人均时才影响人均纯收入）/ lives in the household (counts in per-capita income only where the province divides by resident members)',
  })
  @IsBoolean()
  livesInHousehold!: boolean;
}

/** A member's full record: what adding and updating both send. */
class MemberRecordDto {
  @ApiProperty({ type: MemberPersonalDto })
  @ValidateNested()
  @Type(() => MemberPersonalDto)
  personal!: MemberPersonalDto;

  @ApiProperty({ type: MemberProfileDto })
  @ValidateNested()
  @Type(() => MemberProfileDto)
  profile!: MemberProfileDto;
}

/** Body of "add a member". */
export class AddMemberDto extends MemberRecordDto {
  @ApiPropertyOptional({ description: '成员ID（缺省时由服务生成）/ member id (made by the service when absent)' })
  @Optional()
  @IsString()
  @Length(1, 100)
  memberId?: string;
}

/** Body of "update a member": the member's full record. */
export class UpdateMemberDto extends MemberRecordDto {
  @ApiPropertyOptional({
    enum: RELATIONS.filter((r) => r !== 'head'),
    description: '成为户主时原户主的新关系 / the former head’s new relation when this member becomes head',
  })
  @Optional()
  @IsIn(RELATIONS.filter((r) => r !== 'head'))
  formerHeadRelation?: Exclude<(typeof RELATIONS)[number], 'head'>;
}

/** Query of "remove a member". */
export class RemoveMemberQueryDto {
  @ApiProperty({ enum: REMOVAL_REASONS, description: '移出原因 / why the member left' })
  @IsIn(REMOVAL_REASONS)
  reason!: (typeof REMOVAL_REASONS)[number];
}
