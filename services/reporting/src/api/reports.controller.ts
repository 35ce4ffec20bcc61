import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import type { ReportQueries } from '../application/report-queries';
import type { TierReport } from '../domain/tier-report/tier-report';
import { ReportQueryDto, UnitPath } from './dto/report-query.dto';
import { TIER_REPORT_SCHEMA } from './dto/tier-report.schema';
import { ReportingErrorInterceptor } from './reporting-error.interceptor';
import { REPORT_QUERIES } from './reporting.tokens';

/**
 * The tier reports (issue 13): the nine reports of DOMAIN.md for any unit, village to province,
 * now or as of a past instant; only inside the caller's area.
 */
@ApiTags('reporting 报表')
@UseInterceptors(ReportingErrorInterceptor)
@Controller('api/reporting')
export class ReportsController {
  constructor(@Inject(REPORT_QUERIES) private readonly queries: ReportQueries) {}

  @Get('units/:unitCode')
  @Requires('report.read')
  @ApiOperation({
    summary:
      '单位报表：排查进度、新识别、监测、收入、帮扶、消除、数据质量、政策知晓、整改（可按截至时刻重算）/ a unit’s nine reports, now or as of a past instant',
  })
  @ApiOkResponse({ schema: TIER_REPORT_SCHEMA })
  @ApiErrorResponses(422)
  unitReport(
    @Param() { unitCode }: UnitPath,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TierReport> {
    return this.queries.unitReport(callerOf(principal), { unitCode, year: query.year, asOf: query.asOf });
  }
}
