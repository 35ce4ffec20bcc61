import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@relapse-watch/service-runtime';
import { IsString, Length, Matches } from 'class-validator';

/** Query of the personal-data route: why, and optionally which member. */
export class PersonalDataQueryDto {
  @ApiProperty({
    description: '查看理由（记录在案）/ why the data is read (recorded)',
    example: '入户核查低保申请 / home verification of a dibao application',
    minLength: 1,
    maxLength: 200,
    pattern: '^\\S(.*\\S)?$',
  })
  @IsString()
  @Length(1, 200)
  @Matches(/^\S(.*\S)?$/, { message: '理由首尾不能有空白 / the reason must not start or end with spaces' })
  reason!: string;

  @ApiPropertyOptional({ description: '只看这名成员 / only this member', minLength: 1, maxLength: 100 })
  @Optional()
  @IsString()
  @Length(1, 100)
  memberId?: string;
}

/** One member's personal data, or the mark that it was erased. */
export class DisclosedMemberView {
  @ApiProperty({ description: '成员ID / member id' }) memberId!: string;
  @ApiProperty({ description: '个人信息已删除 / the personal data was erased (已删除)' }) erased!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '姓名；已删除为 null / name; null when erased' })
  name!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '公民身份号码；已删除为 null / resident ID number; null when erased',
  })
  residentId!: string | null;
}

/** The answer of the personal-data route. */
export class PersonalDataView {
  @ApiProperty({ description: '户ID / household id' }) householdId!: string;
  @ApiProperty({ type: [DisclosedMemberView] }) members!: DisclosedMemberView[];
}
