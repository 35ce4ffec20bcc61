import { Body, Controller, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import type { CaseCommands } from '../application/case-commands';
import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { CASE_COMMANDS } from './assistance.tokens';
import {
  CaseCommandResponse,
  EliminationProposalResponse,
  FollowUpVisitResponse,
  caseResponse,
} from './case-command.response';
import { reasonOf } from './case-steps.controller';
import { CasePath } from './dto/case.dto';
import { DecisionDto, EliminationProposalDto, EliminationVerificationDto, FollowUpVisitDto } from './dto/step.dto';

/**
 * Risk elimination (风险消除) and what follows it: the proposal the guard judges, the
 * elimination's home verification, the county's decision (`case.decide`), and the follow-up
 * visits after it. The shared steps (village review, notice, township review) are the
 * identification's routes: the case knows which procedure is under way. A relapse is no route:
 * a new lead after elimination opens the household's next case.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/cases/:caseId')
export class CaseEliminationController {
  constructor(@Inject(CASE_COMMANDS) private readonly commands: CaseCommands) {}

  @Post('elimination-proposal')
  @Requires('case.write')
  @ApiOperation({
    summary:
      '提出风险消除：按本户收入、刚性支出、3+1、风险及省级政策校验；不允许时记录原因（仍为201）/ propose elimination: the guard judges the household’s income, rigid spending, 3+1, risks under the province’s policy; a refusal is recorded with its reasons (still 201)',
  })
  @ApiCreatedResponse({ type: EliminationProposalResponse })
  @CommandEndpoint(404)
  async propose(
    @Param() path: CasePath,
    @Body() body: EliminationProposalDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EliminationProposalResponse> {
    const assessment = {
      risksGone: [...body.assessment.risksGone],
      rigidSpending: body.assessment.rigidSpending.map((item) => ({
        itemId: item.itemId,
        kind: item.kind,
        amountFen: item.amountFen,
        resolved: item.resolved,
      })),
    };
    const { result, check } = await this.commands.proposeElimination(
      path.caseId,
      { on: body.on, reason: body.reason, assessment },
      commandContextFor(request, principal),
    );
    return {
      ...caseResponse(path.caseId, result),
      allowed: check.allowed,
      reasons: check.reasons.map((r) => ({ code: r.code, field: r.field, message: r.message, evidence: r.evidence })),
    };
  }

  @Post('elimination-verification')
  @Requires('case.write')
  @ApiOperation({ summary: '风险消除入户核实 / the elimination’s home verification' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async verify(
    @Param() path: CasePath,
    @Body() body: EliminationVerificationDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: reasonOf(body), findings: body.findings };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RecordEliminationVerification', data, ctx));
  }

  @Post('elimination-grant')
  @Requires('case.decide')
  @ApiOperation({ summary: '县级审定：风险消除 / the county grants the elimination' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async grant(
    @Param() path: CasePath,
    @Body() body: DecisionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'GrantElimination', data, ctx));
  }

  @Post('elimination-rejection')
  @Requires('case.decide')
  @ApiOperation({
    summary: '县级审定：不予消除（继续监测）/ the county turns the elimination down (monitoring goes on)',
  })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async reject(
    @Param() path: CasePath,
    @Body() body: DecisionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RejectElimination', data, ctx));
  }

  @Post('follow-up-visits')
  @Requires('case.write')
  @ApiOperation({ summary: '风险消除后跟踪回访 / a follow-up visit after elimination' })
  @ApiCreatedResponse({ type: FollowUpVisitResponse })
  @CommandEndpoint(404)
  async followUp(
    @Param() path: CasePath,
    @Body() body: FollowUpVisitDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FollowUpVisitResponse> {
    const data = {
      on: body.on,
      reason: reasonOf(body),
      findings: body.findings,
      ...(body.visitId === undefined ? {} : { visitId: body.visitId }),
    };
    const { visitId, result } = await this.commands.recordFollowUpVisit(
      path.caseId,
      data,
      commandContextFor(request, principal),
    );
    return { ...caseResponse(path.caseId, result), visitId };
  }
}
