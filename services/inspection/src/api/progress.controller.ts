import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, ReadsYourWrites, Requires } from '@relapse-watch/service-runtime';
import type { CampaignProgressUseCases, TeamProgress } from '../application/campaign-progress';
import { callerOf } from '../application/inspection-caller';
import type { CampaignProgress } from '../read-model/progress/campaign-progress.queries';
import { CampaignPath, TeamPath } from './dto/path.dto';
import { CampaignProgressDto, ProgressQueryDto, TeamProgressDto } from './dto/progress.dto';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { CAMPAIGN_PROGRESS, HOUSEHOLD_PROGRESS_RUNNER } from './inspection.tokens';

/** Campaign progress for working groups and teams (issue 11): counts per unit and per team, against both deadlines. */
@ApiTags('inspection')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection')
export class ProgressController {
  constructor(@Inject(CAMPAIGN_PROGRESS) private readonly progress: CampaignProgressUseCases) {}

  @Get('campaigns/:campaignId/progress')
  @Requires('inspection.read')
  @ApiOperation({
    summary:
      '排查进度：某单位及其下级单位的在册户数、已排查、逾期、迟报、方式、重点人群、风险户、无工作队的村 / campaign progress of a unit and its child units',
  })
  @ApiOkResponse({ type: CampaignProgressDto })
  @ApiErrorResponses(404, 422)
  @ReadsYourWrites(HOUSEHOLD_PROGRESS_RUNNER)
  unit(
    @Param() { campaignId }: CampaignPath,
    @Query() { divisionCode }: ProgressQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignProgress> {
    return this.progress.ofUnit(campaignId, divisionCode, callerOf(principal));
  }

  @Get('teams/:teamId/progress')
  @Requires('inspection.read')
  @ApiOperation({ summary: '排查工作队所包村的排查进度 / the progress of a team’s villages' })
  @ApiOkResponse({ type: TeamProgressDto })
  @ApiErrorResponses(404)
  @ReadsYourWrites(HOUSEHOLD_PROGRESS_RUNNER)
  team(@Param() { teamId }: TeamPath, @CurrentPrincipal() principal: Principal): Promise<TeamProgress> {
    return this.progress.ofTeam(teamId, callerOf(principal));
  }
}
