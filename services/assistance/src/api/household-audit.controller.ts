import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  AuditHouseholdPath,
  AuditTrailView,
  CurrentPrincipal,
  foundAuditPart,
  Requires,
} from '@relapse-watch/service-runtime';
import type { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { HOUSEHOLD_AUDIT_TRAIL } from './assistance.tokens';

/**
 * The assistance's part of a household's audit trail (issue 13 item 3), for auditors: every case
 * the household had — each step of identification and elimination with the official's reason —
 * and its assistance measures, with who, when and the correlation id.
 */
@ApiTags('audit 审计')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/audit/households')
export class HouseholdAuditController {
  constructor(@Inject(HOUSEHOLD_AUDIT_TRAIL) private readonly trail: HouseholdAuditTrail) {}

  @Get(':householdId')
  @Requires('audit.read')
  @ApiOperation({ summary: '该户监测帮扶的全部记录 / the household’s whole history of monitoring and assistance' })
  @ApiOkResponse({ type: AuditTrailView })
  @ApiErrorResponses(404)
  async read(
    @Param() { householdId }: AuditHouseholdPath,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditTrailView> {
    return foundAuditPart(await this.trail.trail(householdId, callerOf(principal)));
  }
}
