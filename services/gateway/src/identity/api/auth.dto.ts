import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Sign in with a sign-in name and password. */
export class SignInDto {
  @ApiProperty({ description: '登录名 / sign-in name', example: 'county.pingchang' })
  @IsString()
  @Length(1, 64)
  signInName!: string;

  @ApiProperty({ description: '密码 / password', format: 'password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

/** A refresh token to exchange or end. */
export class RefreshDto {
  @ApiProperty({ description: '刷新令牌 / refresh token' })
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}

/** The own password change, authenticated by the current (or one-time) password. */
export class ChangePasswordDto extends SignInDto {
  @ApiProperty({
    description: '新密码（至少12个字符，不含登录名）/ new password (≥ 12 characters, not containing the sign-in name)',
    format: 'password',
  })
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}

/** Tokens of a sign-in or refresh (RFC 6749 §5.1 names). */
export class TokensDto {
  @ApiProperty({ description: '访问令牌（JWT，数分钟有效）/ access token (a JWT, valid for minutes)' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ description: '访问令牌有效秒数 / seconds the access token is valid', example: 300 })
  expires_in!: number;

  @ApiProperty({
    description: '刷新令牌（一次性，每次刷新换新）/ refresh token (single use: each refresh returns a new one)',
  })
  refresh_token!: string;
}

/** The client-credentials answer (RFC 6749 §5.1). */
export class ClientTokenDto {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty({ example: 300 }) expires_in!: number;
  @ApiProperty({ description: '授予的权限范围，空格分隔 / granted scopes, space-separated', example: 'registry.read' })
  scope!: string;
}

/** An error of the token endpoint (RFC 6749 §5.2), with the project's `code` and `message` beside it. */
export class OAuthErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type'] })
  error!: string;
  @ApiProperty() error_description!: string;
  @ApiProperty({ example: 'oauth.invalid-client' }) code!: string;
  @ApiProperty() message!: string;
}
