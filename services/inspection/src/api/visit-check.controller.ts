import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CommandHeaders,
  CurrentPrincipal,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import type { VisitCheck } from '../application/visit-check';
import { InspectionPath, VisitDto } from './dto/household-inspection.dto';
import { findingsOf } from './dto/findings.mapper';
import { addressOf } from './household-inspections.controller';
import { HouseholdInspectionErrorInterceptor } from './household-inspection.errors.interceptor';
import { VISIT_CHECK } from './inspection.tokens';

/** What a visit check answers when the visit would be taken. */
export class VisitCheckResponse {
  @ApiProperty({ type: [Object], maxItems: 0, description: '无问题 / no problem (problems are a 400)' })
  problems!: readonly [];
}

/**
 * The field app's check of a visit before it sends it (a draft made offline): the same body as
 * `POST …/visits`, the same checks before anything is decided — the caller's area, the household
 * and campaign, the findings against the campaign's checklist — and nothing written.
 */
@ApiTags('inspection 农户排查')
@UseInterceptors(HouseholdInspectionErrorInterceptor)
@Controller('api/inspection/campaigns/:campaignId/households/:householdId/visits/check')
export class VisitCheckController {
  constructor(@Inject(VISIT_CHECK) private readonly visits: VisitCheck) {}

  @Post()
  @HttpCode(200)
  @Requires('inspection.write')
  @ApiOperation({
    summary:
      '校验一次走访，不写入：200 无问题，400 列出每个问题 / check a visit without recording it: 200 when it would be taken, 400 with every problem',
  })
  @ApiOkResponse({ type: VisitCheckResponse })
  @ApiErrorResponses(404, 422)
  check(
    @Param() path: InspectionPath,
    @Body() body: VisitDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VisitCheckResponse> {
    return this.visits.check(addressOf(path), findingsOf(body.findings), commandContextFor(request, principal));
  }
}
