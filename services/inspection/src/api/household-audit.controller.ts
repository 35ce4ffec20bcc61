import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  AuditHouseholdPath,
  AuditTrailView,
  CurrentPrincipal,
  foundAuditPart,
  ReadsYourWrites,
  Requires,
} from '@relapse-watch/service-runtime';
import type { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { HOUSEHOLD_AUDIT_TRAIL, HOUSEHOLD_PROGRESS_RUNNER } from './inspection.tokens';

/**
 * The inspection's part of a household's audit trail (issue 13 item 3), for auditors: the
 * household's inspection in every campaign — assignment, contacts, completion, the rules'
 * suggestions and the officials' decisions with their reasons — with who, when and the
 * correlation id. `X-Min-Position` waits for the progress model that finds the inspections.
 */
@ApiTags('audit 审计')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection/audit/households')
export class HouseholdAuditController {
  constructor(@Inject(HOUSEHOLD_AUDIT_TRAIL) private readonly trail: HouseholdAuditTrail) {}

  @Get(':householdId')
  @Requires('audit.read')
  @ApiOperation({ summary: '该户在各次排查中的全部记录 / the household’s whole history in every inspection' })
  @ApiOkResponse({ type: AuditTrailView })
  @ApiErrorResponses(404)
  @ReadsYourWrites(HOUSEHOLD_PROGRESS_RUNNER)
  async read(
    @Param() { householdId }: AuditHouseholdPath,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditTrailView> {
    return foundAuditPart(await this.trail.trail(householdId, callerOf(principal)));
  }
}
