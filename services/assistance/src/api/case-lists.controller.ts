import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, ReadsYourWrites, Requires } from '@relapse-watch/service-runtime';
import type { CaseListItemPage, CaseQueries } from '../application/case-queries';

import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { CASE_LIST_RUNNER, CASE_QUERIES } from './assistance.tokens';
import { OverdueQueryDto, ReviewListQueryDto } from './dto/case.dto';
import { CaseListPageDto, ReviewListPageDto } from './dto/case-view.dto';

/**
 * The lists officials chase (issue 12): the cases behind a deadline, and the households monitored
 * over one or two years without elimination, which get case-by-case review (DOMAIN.md "Risk
 * elimination"). Both inside the caller's area, like the inspection's lists.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance')
export class CaseListsController {
  constructor(@Inject(CASE_QUERIES) private readonly queries: CaseQueries) {}

  @Get('review-lists')
  @Requires('case.read')
  @ApiOperation({
    summary:
      '逐户复核名单：监测满1年或满2年仍未消除风险的户（按认定日期，最久在前）/ review list: monitored over 1 or over 2 years without elimination, longest first',
  })
  @ApiOkResponse({ type: ReviewListPageDto })
  @ApiErrorResponses(422)
  @ReadsYourWrites(CASE_LIST_RUNNER)
  reviewList(@Query() query: ReviewListQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseListItemPage> {
    const page = { limit: query.limit, offset: query.offset };
    return this.queries.monitoredLongerThan(
      callerOf(principal),
      query.divisionCode,
      Number(query.years),
      query.asOf,
      page,
    );
  }

  @Get('overdue')
  @Requires('case.read')
  @ApiOperation({ summary: '超期案件：有已超期未办步骤的在办案件 / overdue: running cases behind a marked deadline' })
  @ApiOkResponse({ type: CaseListPageDto })
  @ApiErrorResponses(422)
  @ReadsYourWrites(CASE_LIST_RUNNER)
  overdue(@Query() query: OverdueQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseListItemPage> {
    const page = { limit: query.limit, offset: query.offset };
    return this.queries.overdueIn(callerOf(principal), query.divisionCode, page);
  }
}
