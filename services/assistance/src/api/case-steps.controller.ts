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
import { CaseCommandResponse, ObjectionResponse, caseResponse } from './case-command.response';
import { CasePath, ObjectionPath } from './dto/case.dto';
import {
  DecisionDto,
  DepartmentComparisonDto,
  HomeVerificationDto,
  IdentificationDto,
  ObjectionDto,
  ObjectionResolutionDto,
  RecordingDto,
  TownshipReviewDto,
  VillageReviewDto,
} from './dto/step.dto';

/** The reason when one was given, else null (a step that only records). */
export function reasonOf(body: { readonly reason?: string }): string | null {
  return body.reason ?? null;
}

/**
 * The identification procedure of a case (识别程序), one route per step: acceptance or dismissal
 * of the lead, home verification, the departments' comparison, the village review, the public
 * notice with its objections, the township review and the county's decision (`case.decide`).
 * A step out of order is a 422 naming the step the case waits for.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/cases/:caseId')
export class CaseStepsController {
  constructor(@Inject(CASE_COMMANDS) private readonly commands: CaseCommands) {}

  @Post('acceptance')
  @Requires('case.write')
  @ApiOperation({ summary: '受理线索（程序期限自受理日起算）/ accept the lead (the deadlines count from this day)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async accept(
    @Param() path: CasePath,
    @Body() body: DecisionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'AcceptLead', data, ctx));
  }

  @Post('dismissal')
  @Requires('case.write')
  @ApiOperation({ summary: '不予受理（案件终止）/ dismiss the lead (the case ends)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async dismiss(
    @Param() path: CasePath,
    @Body() body: DecisionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'DismissLead', data, ctx));
  }

  @Post('home-verification')
  @Requires('case.write')
  @ApiOperation({ summary: '入户核实（须有授权承诺书）/ home verification (with the signed consent)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async verifyAtHome(
    @Param() path: CasePath,
    @Body() body: HomeVerificationDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: reasonOf(body), consentSigned: body.consentSigned, findings: body.findings };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RecordHomeVerification', data, ctx));
  }

  @Post('department-comparison')
  @Requires('case.write')
  @ApiOperation({ summary: '部门信息比对 / compare other departments’ data' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async compare(
    @Param() path: CasePath,
    @Body() body: DepartmentComparisonDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const results = body.results.map((r) => ({ department: r.department, finding: r.finding, note: r.note ?? null }));
    const data = { on: body.on, reason: reasonOf(body), results };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RecordDepartmentComparison', data, ctx));
  }

  @Post('village-review')
  @Requires('case.write')
  @ApiOperation({ summary: '村级民主评议（识别或风险消除程序）/ the village democratic review (either procedure)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async reviewInVillage(
    @Param() path: CasePath,
    @Body() body: VillageReviewDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const vote = body.vote === undefined ? null : { ...body.vote };
    const data = { on: body.on, reason: body.reason, outcome: body.outcome, minutesRef: body.minutesRef, vote };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RecordVillageReview', data, ctx));
  }

  @Post('public-notice')
  @Requires('case.write')
  @ApiOperation({
    summary:
      '张贴公示（最早结束日按省级最短天数计算）/ post the public notice (its earliest close from the province’s minimum days)',
  })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async postNotice(
    @Param() path: CasePath,
    @Body() body: RecordingDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: reasonOf(body) };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'PostPublicNotice', data, ctx));
  }

  @Post('objections')
  @Requires('case.write')
  @ApiOperation({ summary: '记录公示期间的异议 / record an objection to the open notice' })
  @ApiCreatedResponse({ type: ObjectionResponse })
  @CommandEndpoint(404)
  async recordObjection(
    @Param() path: CasePath,
    @Body() body: ObjectionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ObjectionResponse> {
    const ctx = commandContextFor(request, principal);
    const data = {
      on: body.on,
      reason: reasonOf(body),
      raisedBy: body.raisedBy,
      content: body.content,
      ...(body.objectionId === undefined ? {} : { objectionId: body.objectionId }),
    };
    const { objectionId, result } = await this.commands.recordObjection(path.caseId, data, ctx);
    return { ...caseResponse(path.caseId, result), objectionId };
  }

  @Post('objections/:objectionId/resolution')
  @Requires('case.write')
  @ApiOperation({
    summary:
      '处理异议（成立则撤回公示、退回村级评议）/ resolve an objection (upheld: the notice is withdrawn, back to the village review)',
  })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async resolveObjection(
    @Param() path: ObjectionPath,
    @Body() body: ObjectionResolutionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason, objectionId: path.objectionId, upheld: body.upheld };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'ResolveObjection', data, ctx));
  }

  @Post('public-notice/closure')
  @Requires('case.write')
  @ApiOperation({
    summary: '公示结束（期满且异议均已处理）/ close the notice (its minimum over, every objection resolved)',
  })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async closeNotice(
    @Param() path: CasePath,
    @Body() body: RecordingDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: reasonOf(body) };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'ClosePublicNotice', data, ctx));
  }

  @Post('township-review')
  @Requires('case.write')
  @ApiOperation({ summary: '乡镇审核（识别或风险消除程序）/ the township review (either procedure)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async reviewInTownship(
    @Param() path: CasePath,
    @Body() body: TownshipReviewDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason, outcome: body.outcome };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RecordTownshipReview', data, ctx));
  }

  @Post('identification')
  @Requires('case.decide')
  @ApiOperation({
    summary:
      '县级审定：认定为监测对象（类别、风险类型）/ the county identifies the monitoring subject (category, risk types)',
  })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async identify(
    @Param() path: CasePath,
    @Body() body: IdentificationDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason, category: body.category, riskTypes: [...body.riskTypes] };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'ApproveIdentification', data, ctx));
  }

  @Post('identification-rejection')
  @Requires('case.decide')
  @ApiOperation({ summary: '县级审定：不予认定（案件终止）/ the county turns the identification down (the case ends)' })
  @ApiCreatedResponse({ type: CaseCommandResponse })
  @CommandEndpoint(404)
  async rejectIdentification(
    @Param() path: CasePath,
    @Body() body: DecisionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseCommandResponse> {
    const ctx = commandContextFor(request, principal);
    const data = { on: body.on, reason: body.reason };
    return caseResponse(path.caseId, await this.commands.step(path.caseId, 'RejectIdentification', data, ctx));
  }
}
