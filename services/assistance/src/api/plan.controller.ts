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
  commandOutcome,
} from '@relapse-watch/service-runtime';
import type { PlanCommands, PlanResult } from '../application/plan-commands';
import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { PLAN_COMMANDS } from './assistance.tokens';
import { MeasureCommandResponse } from './case-command.response';
import { CasePath, MeasurePath } from './dto/case.dto';
import {
  MeasureCancellationDto,
  MeasureDto,
  MeasureEndDto,
  MeasureExtensionDto,
  MeasureStartDto,
} from './dto/plan.dto';

function measureResponse(caseId: string, measureId: string, result: PlanResult): MeasureCommandResponse {
  return { id: caseId, measureId, ...commandOutcome(result) };
}

/**
 * A case's assistance plan (帮扶计划), measure by measure: plan, start, end, cancel, extend after
 * elimination. The plan's flags (a development measure or social-security support missing) are
 * shown with the case (`GET …/cases/:caseId/plan`), never a refusal.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/cases/:caseId/measures')
export class PlanController {
  constructor(@Inject(PLAN_COMMANDS) private readonly commands: PlanCommands) {}

  @Post()
  @Requires('case.write')
  @ApiOperation({ summary: '制定帮扶措施 / plan a measure' })
  @ApiCreatedResponse({ type: MeasureCommandResponse })
  @CommandEndpoint(404)
  async plan(
    @Param() path: CasePath,
    @Body() body: MeasureDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeasureCommandResponse> {
    const data = {
      ...(body.measureId === undefined ? {} : { measureId: body.measureId }),
      category: body.category,
      kind: body.kind,
      responsibleDepartment: body.responsibleDepartment,
      plannedStart: body.plannedStart,
      plannedEnd: body.plannedEnd ?? null,
      amountFen: body.amountFen,
      continuesAfterEliminationUntil: body.continuesAfterEliminationUntil ?? null,
    };
    const { measureId, result } = await this.commands.planMeasure(
      path.caseId,
      data,
      commandContextFor(request, principal),
    );
    return measureResponse(path.caseId, measureId, result);
  }

  @Post(':measureId/start')
  @Requires('case.write')
  @ApiOperation({ summary: '措施开始实施 / a measure starts' })
  @ApiCreatedResponse({ type: MeasureCommandResponse })
  @CommandEndpoint(404)
  async start(
    @Param() path: MeasurePath,
    @Body() body: MeasureStartDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeasureCommandResponse> {
    const data = { measureId: path.measureId, actualStart: body.actualStart };
    const result = await this.commands.run(path.caseId, 'StartMeasure', data, commandContextFor(request, principal));
    return measureResponse(path.caseId, path.measureId, result);
  }

  @Post(':measureId/end')
  @Requires('case.write')
  @ApiOperation({ summary: '措施结束（附成效）/ a measure ends, with its outcome' })
  @ApiCreatedResponse({ type: MeasureCommandResponse })
  @CommandEndpoint(404)
  async end(
    @Param() path: MeasurePath,
    @Body() body: MeasureEndDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeasureCommandResponse> {
    const data = { measureId: path.measureId, actualEnd: body.actualEnd, outcome: body.outcome };
    const result = await this.commands.run(path.caseId, 'EndMeasure', data, commandContextFor(request, principal));
    return measureResponse(path.caseId, path.measureId, result);
  }

  @Post(':measureId/cancellation')
  @Requires('case.write')
  @ApiOperation({ summary: '取消措施 / cancel a measure' })
  @ApiCreatedResponse({ type: MeasureCommandResponse })
  @CommandEndpoint(404)
  async cancel(
    @Param() path: MeasurePath,
    @Body() body: MeasureCancellationDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeasureCommandResponse> {
    const data = { measureId: path.measureId, reason: body.reason };
    const result = await this.commands.run(path.caseId, 'CancelMeasure', data, commandContextFor(request, principal));
    return measureResponse(path.caseId, path.measureId, result);
  }

  @Post(':measureId/extension')
  @Requires('case.write')
  @ApiOperation({ summary: '风险消除后延续措施（过渡期）/ extend a measure after elimination' })
  @ApiCreatedResponse({ type: MeasureCommandResponse })
  @CommandEndpoint(404)
  async extend(
    @Param() path: MeasurePath,
    @Body() body: MeasureExtensionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeasureCommandResponse> {
    const data = { measureId: path.measureId, until: body.until };
    const ctx = commandContextFor(request, principal);
    const result = await this.commands.run(path.caseId, 'ExtendAfterElimination', data, ctx);
    return measureResponse(path.caseId, path.measureId, result);
  }
}
