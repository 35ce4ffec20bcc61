import { Body, Controller, Get, Inject, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  NotFound,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import type { CampaignCommands } from '../application/campaign-commands';
import { callerOf } from '@relapse-watch/access';
import type { CampaignView, InspectionQueries } from '../application/inspection-queries';
import { campaignIdOf, parseCampaignId } from '../domain/campaign/campaign.values';
import { CampaignCommandResponse, commandResponse } from './command-response';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { CloseCampaignDto, FormWorkingGroupDto, LaunchCampaignDto, WorkingGroupMembersDto } from './dto/campaign.dto';
import { CampaignPath, WorkingGroupPath } from './dto/path.dto';
import { CAMPAIGN_COMMANDS, INSPECTION_QUERIES } from './inspection.tokens';

/** The scope of a campaign id the path's pattern has already checked. */
function scopeOf(campaignId: string): { provinceCode: string; year: number } {
  return parseCampaignId(campaignId) ?? { provinceCode: campaignId.slice(0, 2), year: Number(campaignId.slice(3)) };
}

/** The concentrated inspection of a province and year, and its working groups at the four tiers. */
@ApiTags('inspection 集中排查')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection/campaigns')
export class CampaignsController {
  constructor(
    @Inject(CAMPAIGN_COMMANDS) private readonly commands: CampaignCommands,
    @Inject(INSPECTION_QUERIES) private readonly queries: InspectionQueries,
  ) {}

  @Post()
  @Requires('campaign.manage')
  @ApiOperation({ summary: '启动集中排查 / launch the concentrated inspection of a province and year' })
  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @CommandEndpoint()
  async launch(
    @Body() body: LaunchCampaignDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const { provinceCode, year, launchedOn, teamsInPlaceBy, inspectBy, checklistVersion, ruleSetVersion } = body;
    const data = {
      provinceCode,
      year,
      launchedOn,
      teamsInPlaceBy,
      inspectBy,
      checklistVersion,
      ruleSetVersion,
      keyGroupRuleIds: [...body.keyGroupRuleIds],
    };
    const result = await this.commands.launch(data, commandContextFor(request, principal));
    return commandResponse(campaignIdOf(provinceCode, year), result);
  }

  @Get(':campaignId')
  @Requires('inspection.read')
  @ApiOperation({ summary: '集中排查详情及工作专班 / a campaign with its working groups' })
  @ApiErrorResponses(404)
  async get(@Param() { campaignId }: CampaignPath, @CurrentPrincipal() principal: Principal): Promise<CampaignView> {
    const campaign = await this.queries.campaign(campaignId, callerOf(principal));
    if (campaign === null) throw new NotFound('集中排查', 'campaign');
    return campaign;
  }

  @Post(':campaignId/closure')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '结束集中排查（此后只读）/ close the campaign (read only after)' })
  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async close(
    @Param() { campaignId }: CampaignPath,
    @Body() body: CloseCampaignDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const closing = { closedOn: body.closedOn, reason: body.reason };
    const result = await this.commands.close(scopeOf(campaignId), closing, commandContextFor(request, principal));
    return commandResponse(campaignId, result);
  }

  @Post(':campaignId/working-groups')
  @Requires('campaign.manage')
  @ApiOperation({
    summary: '成立工作专班（省、市、县、乡镇）/ form a working group (province, city, county, township)',
  })
  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async formWorkingGroup(
    @Param() { campaignId }: CampaignPath,
    @Body() body: FormWorkingGroupDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const data = { ...scopeOf(campaignId), unitCode: body.unitCode, members: membersOf(body) };
    return commandResponse(
      campaignId,
      await this.commands.formWorkingGroup(data, commandContextFor(request, principal)),
    );
  }

  @Put(':campaignId/working-groups/:unitCode/members')
  @Requires('campaign.manage')
  @ApiOperation({ summary: '调整工作专班成员 / change a working group’s members' })
  @ApiOkResponse({ type: CampaignCommandResponse })
  @CommandEndpoint(404)
  async changeWorkingGroupMembers(
    @Param() { campaignId, unitCode }: WorkingGroupPath,
    @Body() body: WorkingGroupMembersDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignCommandResponse> {
    const data = { ...scopeOf(campaignId), unitCode, members: membersOf(body) };
    const ctx = commandContextFor(request, principal);
    return commandResponse(campaignId, await this.commands.changeWorkingGroupMembers(data, ctx));
  }
}

function membersOf(body: WorkingGroupMembersDto) {
  return body.members.map((m) => ({ userId: m.userId, duty: m.duty }));
}
