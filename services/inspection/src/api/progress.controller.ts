import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, ReadsYourWrites, Requires } from '@relapse-watch/service-runtime';
import type { CampaignProgressUseCases, TeamProgress } from '../application/campaign-progress';
import type { KeyGroupPage, KeyGroupSelectionQueries } from '../application/key-group-selection';
import { callerOf } from '@relapse-watch/access';
import type { CampaignProgress } from '../read-model/progress/campaign-progress.queries';
import { CampaignPath, TeamPath } from './dto/path.dto';
import {
  CampaignProgressDto,
  KeyGroupPageDto,
  KeyGroupQueryDto,
  ProgressQueryDto,
  TeamProgressDto,
} from './dto/progress.dto';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { CAMPAIGN_PROGRESS, HOUSEHOLD_PROGRESS_RUNNER, KEY_GROUP_SELECTION } from './inspection.tokens';

/** Campaign progress for working groups and teams (issue 11): counts per unit and per team, against both deadlines. */
@ApiTags('inspection')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection')
export class ProgressController {
  constructor(
    @Inject(CAMPAIGN_PROGRESS) private readonly progress: CampaignProgressUseCases,
    @Inject(KEY_GROUP_SELECTION) private readonly keyGroups: KeyGroupSelectionQueries,
  ) {}

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

  @Get('campaigns/:campaignId/key-groups')
  @Requires('inspection.read')
  @ApiOperation({
    summary:
      '重点人群：某县及以下单位须逐户走访的农户，及选中的规则和依据 / key groups: the households of a county or smaller unit that need a household visit, with the rules that selected them and why',
  })
  @ApiOkResponse({ type: KeyGroupPageDto })
  @ApiErrorResponses(404, 422)
  keyGroupHouseholds(
    @Param() { campaignId }: CampaignPath,
    @Query() { divisionCode, limit, offset }: KeyGroupQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KeyGroupPage> {
    return this.keyGroups.ofUnit(
      campaignId,
      divisionCode,
      { limit: limit ?? 100, offset: offset ?? 0 },
      callerOf(principal),
    );
  }
}
