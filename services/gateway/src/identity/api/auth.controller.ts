import { Body, Controller, Header, HttpCode, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  PublicRoute,
  type AccessTokenVerifier,
  type VerifiedAccessToken,
} from '@relapse-watch/service-runtime';
import type { SignInService } from '../application/sign-in.service';
import { ChangePasswordDto, RefreshDto, SignInDto, TokensDto } from './auth.dto';
import { IdentityErrorInterceptor } from './identity-error.interceptor';
import { IDENTITY_TOKEN_VERIFIER, SIGN_IN_SERVICE } from './identity.tokens';
import { requestFacts, type HttpRequest } from './request-facts';

const BEARER = /^Bearer (\S+)$/;

/** Sign-in, refresh, sign-out and the own password change: public routes, each authenticating by what it is given. */
@ApiTags('auth 登录')
@Controller('api/auth')
@UseInterceptors(IdentityErrorInterceptor)
export class AuthController {
  constructor(
    @Inject(SIGN_IN_SERVICE) private readonly signIn: SignInService,
    @Inject(IDENTITY_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
  ) {}

  @Post('sign-in')
  @PublicRoute()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: '登录 / sign in',
    description:
      '成功返回访问令牌与刷新令牌。持一次性密码者得到 403 `auth.password-change-required`，须先调用 POST /api/auth/password。 / Answers an access and a refresh token. A user holding a one-time password gets 403 `auth.password-change-required` and changes it first with POST /api/auth/password.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiErrorResponses(401, 403, 429)
  create(@Body() body: SignInDto, @Req() req: HttpRequest): Promise<TokensDto> {
    return this.signIn.signIn(body.signInName, body.password, requestFacts(req));
  }

  @Post('refresh')
  @PublicRoute()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: '刷新令牌 / refresh the tokens',
    description:
      '每个刷新令牌只能用一次；重复使用会注销整个会话。 / Each refresh token works once; presenting a used one revokes the whole session.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiErrorResponses(401)
  refresh(@Body() body: RefreshDto, @Req() req: HttpRequest): Promise<TokensDto> {
    return this.signIn.refresh(body.refreshToken, requestFacts(req));
  }

  @Post('sign-out')
  @PublicRoute()
  @HttpCode(204)
  @ApiOperation({
    summary: '退出登录 / sign out',
    description:
      '注销刷新令牌所属会话；若同时携带 Authorization: Bearer，访问令牌也立即失效。 / Revokes the refresh token’s session and, when sent with Authorization: Bearer, the access token too.',
  })
  @ApiNoContentResponse()
  async signOut(@Body() body: RefreshDto, @Req() req: HttpRequest): Promise<void> {
    await this.signIn.signOut(body.refreshToken, await this.presentedToken(req), requestFacts(req));
  }

  @Post('password')
  @PublicRoute()
  @HttpCode(204)
  @ApiOperation({
    summary: '修改本人密码 / change one’s own password',
    description:
      '以当前密码（或一次性密码）验证身份；新密码至少12个字符且不含登录名。 / Authenticated by the current (or one-time) password; the new one has at least 12 characters and does not contain the sign-in name.',
  })
  @ApiNoContentResponse()
  @ApiErrorResponses(401, 403, 422, 429)
  async changePassword(@Body() body: ChangePasswordDto, @Req() req: HttpRequest): Promise<void> {
    await this.signIn.changePassword(body.signInName, body.password, body.newPassword, requestFacts(req));
  }

  // A missing, expired or forged token does not stop a sign-out: the session still ends.
  private async presentedToken(req: HttpRequest): Promise<VerifiedAccessToken | null> {
    const token = BEARER.exec(req.headers.authorization?.trim() ?? '')?.[1];
    if (token === undefined) return null;
    return this.verifier.verify(token).catch(() => null);
  }
}
