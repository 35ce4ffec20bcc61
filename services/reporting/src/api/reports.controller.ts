import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import type { ReportQueries } from '../application/report-queries';
import type { KeyRegionReport } from '../domain/tier-report/key-region-report';
import type { TierReport } from '../domain/tier-report/tier-report';
import { ProvincePath, ReportQueryDto, UnitPath } from './dto/report-query.dto';
import { KEY_REGION_REPORT_SCHEMA, TIER_REPORT_SCHEMA } from './dto/tier-report.schema';
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

  @Get('key-regions/:provinceCode')
  @Requires('report.read')
  @ApiOperation({
    summary:
      '重点区域报表：省内各重点区域（所含单位合计）的报表，仅含本人辖区内的区域 / key-region views: each key region of the province-year with its units’ figures summed, those inside the caller’s area',
  })
  @ApiOkResponse({ schema: { type: 'array', items: KEY_REGION_REPORT_SCHEMA } })
  @ApiErrorResponses(422)
  keyRegions(
    @Param() { provinceCode }: ProvincePath,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KeyRegionReport[]> {
    return this.queries.keyRegions(callerOf(principal), { unitCode: provinceCode, year: query.year, asOf: query.asOf });
  }
}
