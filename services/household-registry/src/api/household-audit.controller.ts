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
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { HOUSEHOLD_AUDIT_TRAIL } from './registry.tokens';

/**
 * The registry's part of a household's audit trail (issue 13 item 3), for auditors: every change
 * of the household and every unmasked read of its people, with who, when, why and the
 * correlation id; names and ID numbers never appear (erased ones read 已删除 / erased).
 */
@ApiTags('audit 审计')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/audit/households')
export class HouseholdAuditController {
  constructor(@Inject(HOUSEHOLD_AUDIT_TRAIL) private readonly trail: HouseholdAuditTrail) {}

  @Get(':householdId')
  @Requires('audit.read')
  @ApiOperation({
    summary: '农户档案中该户的全部变更记录 / the household’s whole history in the registry',
  })
  @ApiOkResponse({ type: AuditTrailView })
  @ApiErrorResponses(404)
  async read(
    @Param() { householdId }: AuditHouseholdPath,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditTrailView> {
    return foundAuditPart(await this.trail.trail(householdId, callerOf(principal)));
  }
}
