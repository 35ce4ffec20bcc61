import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import type { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import {
  AcceptSuggestionDto,
  IssuePath,
  ItemPath,
  ReasonDto,
  ResolutionDto,
  SuggestionPath,
} from './dto/household-inspection.dto';
import { HouseholdInspectionErrorInterceptor } from './household-inspection.errors.interceptor';
import { InspectionCommandResponse, inspectionResponse } from './household-inspection.response';
import { addressOf } from './household-inspections.controller';
import { HOUSEHOLD_INSPECTION_COMMANDS } from './inspection.tokens';

/**
 * The officials' decisions on a household inspection (`inspection.decide`: officials, not
 * inspectors): accepting or dismissing the rules' suggestions, resolving the data-quality issues
 * and closing the rectification items they opened.
 */
@ApiTags('inspection 农户排查')
@UseInterceptors(HouseholdInspectionErrorInterceptor)
@Controller('api/inspection/campaigns/:campaignId/households/:householdId')
export class HouseholdInspectionDecisionsController {
  constructor(@Inject(HOUSEHOLD_INSPECTION_COMMANDS) private readonly commands: HouseholdInspectionCommands) {}

  @Post('suggestions/:suggestionId/acceptance')
  @HttpCode(200)
  @Requires('inspection.decide')
  @ApiOperation({ summary: '采纳建议 / accept a suggestion' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async accept(
    @Param() path: SuggestionPath,
    @Body() body: AcceptSuggestionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const data = {
      suggestionId: path.suggestionId,
      reason: body.reason,
      ...(body.category === undefined ? {} : { category: body.category }),
      ...(body.riskTypes === undefined ? {} : { riskTypes: [...body.riskTypes] }),
    };
    const result = await this.commands.accept(addressOf(path), data, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }

  @Post('suggestions/:suggestionId/dismissal')
  @HttpCode(200)
  @Requires('inspection.decide')
  @ApiOperation({ summary: '不采纳建议 / dismiss a suggestion' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async dismiss(
    @Param() path: SuggestionPath,
    @Body() body: ReasonDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const data = { suggestionId: path.suggestionId, reason: body.reason };
    const result = await this.commands.dismiss(addressOf(path), data, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }

  @Post('data-quality-issues/:issueId/resolution')
  @HttpCode(200)
  @Requires('inspection.decide')
  @ApiOperation({ summary: '解决数据质量问题 / resolve a data-quality issue' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async resolveIssue(
    @Param() path: IssuePath,
    @Body() body: ResolutionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const data = { issueId: path.issueId, resolution: body.resolution };
    const result = await this.commands.resolveIssue(addressOf(path), data, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }

  @Post('rectification-items/:itemId/closure')
  @HttpCode(200)
  @Requires('inspection.decide')
  @ApiOperation({ summary: '整改事项销号 / close a rectification item' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async closeItem(
    @Param() path: ItemPath,
    @Body() body: ResolutionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const data = { itemId: path.itemId, resolution: body.resolution };
    const result = await this.commands.closeItem(addressOf(path), data, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }
}
