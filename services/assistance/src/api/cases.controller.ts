import { Body, Controller, Get, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  ReadsYourWrites,
  Requires,
  type CommandRequest,
  commandContextFor,
  commandOutcome,
} from '@relapse-watch/service-runtime';
import type { CaseCommands } from '../application/case-commands';
import type { CaseDetail, CaseListItemPage, CasePlanView, CaseQueries } from '../application/case-queries';

import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { CASE_COMMANDS, CASE_LIST_RUNNER, CASE_QUERIES } from './assistance.tokens';
import { LeadResponse } from './case-command.response';
import { CaseListQueryDto, CasePath, LeadDto } from './dto/case.dto';
import { CaseDetailDto, CaseListPageDto, CasePlanDto } from './dto/case-view.dto';

/**
 * Leads and monitoring cases over HTTP (issue 12): a person's lead opens the household's case or
 * joins its running one; officials list the cases of their area and read one with its whole
 * procedure. Each route only translates: request → use case → response.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance')
export class CasesController {
  constructor(
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    @Inject(CASE_QUERIES) private readonly queries: CaseQueries,
  ) {}

  @Post('leads')
  @Requires('case.write')
  @ApiOperation({
    summary:
      '登记线索（农户申请、干部排查）：新建该户监测案件，或并入该户在办案件 / take a lead (an application, a cadre’s inspection): opens the household’s case or joins its running one',
  })
  @ApiCreatedResponse({ type: LeadResponse })
  @CommandEndpoint(404)
  async submitLead(
    @Body() body: LeadDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LeadResponse> {
    const outcome = await this.commands.submitLead(
      {
        householdId: body.householdId,
        lead: { source: body.source, referenceId: body.referenceId, department: null, summary: body.summary ?? null },
        ...(body.on === undefined ? {} : { on: body.on }),
      },
      commandContextFor(request, principal),
    );
    return { id: outcome.caseId, opened: outcome.opened, ...commandOutcome(outcome.result) };
  }

  @Get('cases')
  @Requires('case.read')
  @ApiOperation({
    summary:
      '本辖区某单位的监测案件（可按阶段、超期、类别筛选）/ the cases of a unit in your area, by phase, overdue and category',
  })
  @ApiOkResponse({ type: CaseListPageDto })
  @ApiErrorResponses(422)
  @ReadsYourWrites(CASE_LIST_RUNNER)
  list(@Query() query: CaseListQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseListItemPage> {
    const filter = {
      ...(query.phase === undefined ? {} : { phase: query.phase }),
      ...(query.overdue === undefined ? {} : { overdue: query.overdue === 'true' }),
      ...(query.category === undefined ? {} : { category: query.category }),
    };
    const page = { limit: query.limit, offset: query.offset };
    return this.queries.inUnit(callerOf(principal), query.divisionCode, filter, page);
  }

  @Get('cases/:caseId')
  @Requires('case.read')
  @ApiOperation({
    summary:
      '监测案件详情：各步骤（经办人、日期、理由）、公示、异议、规则建议与认定结论、期限及剩余工作日、帮扶计划 / one case: every step with who, when and why, notices, objections, the suggestion beside the decision, deadlines with working days left, the plan',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrorResponses(404)
  @ReadsYourWrites(CASE_LIST_RUNNER)
  detail(@Param() path: CasePath, @CurrentPrincipal() principal: Principal): Promise<CaseDetail> {
    return this.queries.detail(path.caseId, callerOf(principal));
  }

  @Get('cases/:caseId/plan')
  @Requires('case.read')
  @ApiOperation({ summary: '帮扶计划及其提示 / the case’s assistance plan with its flags' })
  @ApiOkResponse({ type: CasePlanDto })
  @ApiErrorResponses(404)
  plan(@Param() path: CasePath, @CurrentPrincipal() principal: Principal): Promise<CasePlanView> {
    return this.queries.plan(path.caseId, callerOf(principal));
  }
}
