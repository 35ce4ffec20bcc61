import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
import { ApiErrorResponses, CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import { IsUUID } from 'class-validator';
import { householdFactsFor } from '../application/household-facts.use-cases';
import { callerOf } from '@relapse-watch/access';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { HOUSEHOLD_FACTS_QUERIES } from './inspection.tokens';

/** Path of one household. */
export class HouseholdFactsPath {
  @ApiProperty({ description: '户ID / household id' })
  @IsUUID()
  householdId!: string;
}

/** What the inspection knows of households, learnt from the registry's events (read-only). */
@ApiTags('inspection')
@Controller('api/inspection/households')
@UseInterceptors(InspectionErrorInterceptor)
export class HouseholdFactsController {
  constructor(@Inject(HOUSEHOLD_FACTS_QUERIES) private readonly queries: HouseholdFactsQueries) {}

  @Get(':householdId/facts')
  @Requires('inspection.read')
  @ApiOperation({
    summary:
      '排查所见农户信息（来自户籍登记事件）/ the household as the inspection knows it (from the registry’s events)',
  })
  @ApiOkResponse({
    description:
      '农户事实：村、类型、标识、成员（不含个人信息）、收入、刚性支出、风险、3+1、预警 / the facts: village, status, flags, members without personal data, income, rigid expenditure, risks, 3+1, warnings',
  })
  @ApiErrorResponses(404)
  facts(@Param() path: HouseholdFactsPath, @CurrentPrincipal() principal: Principal): Promise<HouseholdFacts> {
    return householdFactsFor(this.queries, path.householdId, callerOf(principal));
  }
}
