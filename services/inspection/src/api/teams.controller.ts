import { Body, Controller, Get, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  NotFound,
  ReadsYourWrites,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import { callerOf } from '@relapse-watch/access';
import type { InspectionQueries } from '../application/inspection-queries';
import type { TeamCommands } from '../application/team-commands';
import type { TeamView } from '../read-model/teams/team-list.projection';
import { CampaignCommandResponse, commandResponse } from './command-response';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { CampaignPath, TeamListQueryDto, TeamPath } from './dto/path.dto';
import { DisbandTeamDto, FormTeamDto, TeamMembersDto, TeamVillagesDto } from './dto/team.dto';
import { INSPECTION_QUERIES, TEAM_COMMANDS, TEAM_LIST_RUNNER } from './inspection.tokens';

/** Teams of a campaign: members in the four roles, covering villages of a township (one team per village). */
@ApiTags('inspection 排查工作队')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection')
export class TeamsController {
  constructor(
    @Inject(TEAM_COMMANDS) private readonly commands: TeamCommands,
    @Inject(INSPECTION_QUERIES) private readonly queries: InspectionQueries,
  ) {}

  @Post('campaigns/:campaignId/teams')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '组建排查工作队 / form a team' })
  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @CommandEndpoint()
  async form(
    @Param() { campaignId }: CampaignPath,
    @Body() body: FormTeamDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const data = {
      campaignId,
      name: body.name,
      townshipCode: body.townshipCode,
      villageCodes: [...body.villageCodes],
      members: membersOf(body),
    };
    const result = await this.commands.form(data, commandContextFor(request, principal));
    return commandResponse(result.createdId, result);
  }

  @Get('campaigns/:campaignId/teams')
  @Requires('inspection.read')
  @ApiOperation({ summary: '某单位的排查工作队 / the teams of a campaign in a unit' })
  @ReadsYourWrites(TEAM_LIST_RUNNER)
  async list(
    @Param() { campaignId }: CampaignPath,
    @Query() { unitCode }: TeamListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: readonly TeamView[] }> {
    return { items: await this.queries.teams(campaignId, unitCode, callerOf(principal)) };
  }

  @Get('teams/:teamId')
  @Requires('inspection.read')
  @ApiOperation({ summary: '排查工作队详情 / one team' })
  @ApiErrorResponses(404)
  async get(@Param() { teamId }: TeamPath, @CurrentPrincipal() principal: Principal): Promise<TeamView> {
    const team = await this.queries.team(teamId, callerOf(principal));
    if (team === null) throw new NotFound('排查工作队', 'team');
    return team;
  }

  @Put('teams/:teamId/members')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '调整工作队成员 / change a team’s members' })
  @ApiOkResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async changeMembers(
    @Param() { teamId }: TeamPath,
    @Body() body: TeamMembersDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const ctx = commandContextFor(request, principal);
    return commandResponse(teamId, await this.commands.changeMembers(teamId, membersOf(body), ctx));
  }

  @Put('teams/:teamId/villages')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '调整工作队负责的村 / change the villages a team covers' })
  @ApiOkResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async changeCoverage(
    @Param() { teamId }: TeamPath,
    @Body() body: TeamVillagesDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const ctx = commandContextFor(request, principal);
    return commandResponse(teamId, await this.commands.changeCoverage(teamId, [...body.villageCodes], ctx));
  }

  @Post('teams/:teamId/disbandment')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '解散工作队 / disband a team' })
  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async disband(
    @Param() { teamId }: TeamPath,
    @Body() body: DisbandTeamDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const ctx = commandContextFor(request, principal);
    return commandResponse(teamId, await this.commands.disband(teamId, body.reason, ctx));
  }
}

function membersOf(body: TeamMembersDto) {
  return body.members.map((m) => ({ userId: m.userId, role: m.role }));
}
