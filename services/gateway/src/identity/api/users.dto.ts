import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMISSIONS, USER_ROLES, type Permission, type UserRole } from '@relapse-watch/access';
import { IntegerParam, Optional } from '@relapse-watch/service-runtime';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { ExistingUser } from '../domain/user/user.state';

const DIVISION_CODE = /^\d{12}$/;
const DIVISION_MESSAGE = '须为12位数字区划代码 / must be a 12-digit division code';

/** Why a change is made: recorded on its event. */
class ReasonDto {
  @ApiProperty({ description: '原因（记入事件）/ reason (recorded on the event)', example: '新任 / newly appointed' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** Add a user; the answer carries a one-time password. */
export class AddUserDto extends ReasonDto {
  @ApiProperty({
    description: '登录名（小写字母开头）/ sign-in name (starts with a lower-case letter)',
    example: 'county.pingchang',
  })
  @Matches(/^[a-z][a-z0-9._-]{2,31}$/, { message: '登录名格式无效 / malformed sign-in name' })
  signInName!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiProperty({ description: '所属单位12位区划代码 / 12-digit code of the home unit', example: '511923000000' })
  @Matches(DIVISION_CODE, { message: DIVISION_MESSAGE })
  unitCode!: string;

  @ApiPropertyOptional({ description: '排查员负责的村 / villages of a village inspector', type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(DIVISION_CODE, { each: true, message: DIVISION_MESSAGE })
  villageCodes?: string[];
}

/**
 * Disable a user or reset their password. Its rule is its own, not only inherited: the OpenAPI
 * document closes (no other properties) the DTO classes that carry validation rules themselves.
 */
export class UserChangeDto {
  @ApiProperty({ description: '原因（记入事件）/ reason (recorded on the event)', example: '离任 / left office' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** Set a village inspector's villages. */
export class AssignVillagesDto extends ReasonDto {
  @ApiProperty({ type: [String], example: ['511923105201'] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(DIVISION_CODE, { each: true, message: DIVISION_MESSAGE })
  villageCodes!: string[];
}

/** Which page of the users: without `limit`, every user from `offset`. */
export class UsersQueryDto {
  @ApiPropertyOptional({ description: '每页人数 / users per page', minimum: 1, maximum: 500 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  offset?: number;
}

/** Path of one user. */
export class UserPath {
  @ApiProperty({ description: '用户ID / user id' })
  @IsUUID()
  userId!: string;
}

/** Add a client system; the answer carries its secret once. */
export class AddClientDto extends ReasonDto {
  @ApiProperty({ example: 'civil-affairs' })
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: '客户端ID格式无效 / malformed client id' })
  clientId!: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PERMISSIONS, { each: true })
  scopes!: Permission[];

  @ApiPropertyOptional({ description: '可访问的单位（缺省为全国）/ unit it may reach (default: everywhere)' })
  @Optional()
  @Matches(DIVISION_CODE, { message: DIVISION_MESSAGE })
  unitCode?: string;
}

/** A user as administrators see them: no password hash. */
export class UserDto {
  @ApiProperty() userId!: string;
  @ApiProperty() signInName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: [String] }) villageCodes!: readonly string[];
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty() disabled!: boolean;

  static of(user: ExistingUser): UserDto {
    const { userId, signInName, role, unitCode, villageCodes, mustChangePassword, disabled } = user;
    return Object.assign(new UserDto(), {
      userId,
      signInName,
      role,
      unitCode,
      villageCodes,
      mustChangePassword,
      disabled,
    });
  }
}

/** A user with the one-time password to hand over (shown once). */
export class UserWithPasswordDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ description: '一次性密码，仅显示一次 / one-time password, shown once' }) oneTimePassword!: string;
}

/** A client and its secret (shown once). */
export class ClientSecretDto {
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: '客户端密钥，仅显示一次 / client secret, shown once' }) clientSecret!: string;
}
