import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import { CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import type { RegistryCommands } from '../application/registry-commands';
import { CommandEndpoint, CommandHeaders, commandContextFor, type CommandRequest } from './command-request';
import { CommandResponse, commandResponse } from './command-response';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { personalOf, profileOf } from './dto/dto.mappers';
import { AddMemberDto, RemoveMemberQueryDto, UpdateMemberDto } from './dto/member.dto';
import { HouseholdPath, MemberPath } from './dto/path.dto';
import { REGISTRY_COMMANDS } from './registry.tokens';

/** A household's members over HTTP: each route translates a request into a registry use case. */
@ApiTags('registry 农户档案')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/households/:householdId/members')
export class HouseholdMembersController {
  constructor(@Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands) {}

  @Post()
  @Requires('registry.write')
  @ApiOperation({ summary: '添加成员 / add a member' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async addMember(
    @Param() { householdId }: HouseholdPath,
    @Body() body: AddMemberDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const result = await this.commands.addMember(
      householdId,
      { memberId: body.memberId, personal: personalOf(body.personal), profile: profileOf(body.profile) },
      commandContextFor(request, principal),
    );
    return commandResponse(householdId, result, result.createdId);
  }

  @Put(':memberId')
  @Requires('registry.write')
  @HttpCode(200)
  @ApiOperation({ summary: '更新成员 / update a member' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async updateMember(
    @Param() { householdId, memberId }: MemberPath,
    @Body() body: UpdateMemberDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.updateMember(
        householdId,
        {
          memberId,
          personal: personalOf(body.personal),
          profile: profileOf(body.profile),
          ...(body.formerHeadRelation === undefined ? {} : { formerHeadRelation: body.formerHeadRelation }),
        },
        commandContextFor(request, principal),
      ),
    );
  }

  @Delete(':memberId')
  @Requires('registry.write')
  @ApiOperation({ summary: '移出成员 / remove a member' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async removeMember(
    @Param() { householdId, memberId }: MemberPath,
    @Query() query: RemoveMemberQueryDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.removeMember(
        householdId,
        { memberId, reason: query.reason },
        commandContextFor(request, principal),
      ),
    );
  }
}
