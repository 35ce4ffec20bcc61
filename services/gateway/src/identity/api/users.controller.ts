import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type Principal } from '@relapse-watch/access';
import { ApiErrorResponses, currentCorrelationId, CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import { randomUUID } from 'node:crypto';
import type { IdentityCommands } from '../application/identity-commands';
import type { IdentityRequest } from '../application/identity-context';
import type { IdentityQueries } from '../application/identity-queries';
import { IdentityErrorInterceptor } from './identity-error.interceptor';
import { IDENTITY_COMMANDS, IDENTITY_QUERIES } from './identity.tokens';
import {
  AddClientDto,
  AddUserDto,
  AssignVillagesDto,
  ClientSecretDto,
  UserChangeDto,
  UserDto,
  UserPath,
  UsersQueryDto,
  UserWithPasswordDto,
} from './users.dto';

function by(principal: Principal): IdentityRequest {
  return { actor: actorOf(principal), correlationId: currentCorrelationId() ?? randomUUID(), now: new Date() };
}

/** Users and client systems, for administrators: every change an event naming who made it and why. */
@ApiTags('auth 用户管理')
@Controller('api/auth')
@Requires('users.manage')
@UseInterceptors(IdentityErrorInterceptor)
@ApiErrorResponses(404, 409, 422)
export class UsersController {
  constructor(
    @Inject(IDENTITY_COMMANDS) private readonly commands: IdentityCommands,
    @Inject(IDENTITY_QUERIES) private readonly queries: IdentityQueries,
  ) {}

  @Get('users')
  @ApiOperation({
    summary: '用户列表（按新增顺序，可分页）/ list the users in the order they were added, a page at a time',
  })
  @ApiOkResponse({
    type: [UserDto],
    headers: { 'X-Total-Count': { description: '用户总数 / how many users in all', schema: { type: 'integer' } } },
  })
  async list(@Query() query: UsersQueryDto, @Res({ passthrough: true }) res: ServerResponse): Promise<UserDto[]> {
    const offset = query.offset ?? 0;
    const { users, total } = await this.queries.usersPage(offset, query.limit ?? Number.MAX_SAFE_INTEGER);
    res.setHeader('X-Total-Count', String(total));
    return users.map(UserDto.of);
  }

  @Post('users')
  @ApiOperation({ summary: '新增用户（返回一次性密码）/ add a user (answers a one-time password)' })
  @ApiCreatedResponse({ type: UserWithPasswordDto })
  async add(@Body() body: AddUserDto, @CurrentPrincipal() principal: Principal): Promise<UserWithPasswordDto> {
    const { user, oneTimePassword } = await this.commands.addUser(
      { ...body, villageCodes: body.villageCodes ?? [] },
      by(principal),
    );
    return { user: UserDto.of(user), oneTimePassword };
  }

  @Post('users/:userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用用户 / disable a user' })
  @ApiOkResponse({ type: UserDto })
  async disable(
    @Param() { userId }: UserPath,
    @Body() body: UserChangeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserDto> {
    return UserDto.of(await this.commands.disableUser(userId, body.reason, by(principal)));
  }

  @Post('users/:userId/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码（返回一次性密码）/ reset the password (answers a one-time password)' })
  @ApiOkResponse({ type: UserWithPasswordDto })
  async resetPassword(
    @Param() { userId }: UserPath,
    @Body() body: UserChangeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserWithPasswordDto> {
    const { user, oneTimePassword } = await this.commands.resetPassword(userId, body.reason, by(principal));
    return { user: UserDto.of(user), oneTimePassword };
  }

  @Put('users/:userId/villages')
  @ApiOperation({ summary: '设置排查员负责的村 / set a village inspector’s villages' })
  @ApiOkResponse({ type: UserDto })
  async assignVillages(
    @Param() { userId }: UserPath,
    @Body() body: AssignVillagesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserDto> {
    return UserDto.of(await this.commands.assignVillages(userId, body.villageCodes, body.reason, by(principal)));
  }

  @Post('clients')
  @ApiOperation({ summary: '新增外部系统客户端（返回密钥）/ add a client system (answers its secret)' })
  @ApiCreatedResponse({ type: ClientSecretDto })
  addClient(@Body() body: AddClientDto, @CurrentPrincipal() principal: Principal): Promise<ClientSecretDto> {
    return this.commands.addClient(
      {
        clientId: body.clientId,
        scopes: body.scopes,
        reason: body.reason,
        ...(body.unitCode === undefined ? {} : { unitCode: body.unitCode }),
      },
      by(principal),
    );
  }
}
