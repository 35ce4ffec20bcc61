import { Body, Controller, Inject, Post, UseInterceptors } from '@nestjs/common';
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
import type { WarningIntake } from '../application/warning-intake';
import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { WARNING_INTAKE } from './assistance.tokens';
import { DepartmentWarningResponse } from './case-command.response';
import { WarningDto } from './dto/warning.dto';

/**
 * Department warnings (部门筛查预警, issue 12 item 6) from other government systems signed in
 * with OAuth 2.0 client credentials and the `warning.submit` scope: each opens or joins the
 * household's case as a lead. The resident ID a warning may carry is never logged or echoed.
 */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/warnings')
export class WarningsController {
  constructor(@Inject(WARNING_INTAKE) private readonly intake: WarningIntake) {}

  @Post()
  @Requires('warning.submit')
  @ApiOperation({
    summary:
      '接收部门预警（按户ID或成员身份证号），新建或并入该户监测案件 / take a department’s warning (by household id or a member’s resident ID): opens or joins the household’s case',
  })
  @ApiCreatedResponse({ type: DepartmentWarningResponse })
  @CommandEndpoint(404)
  async submit(
    @Body() body: WarningDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DepartmentWarningResponse> {
    const outcome = await this.intake.submit(
      {
        department: body.department,
        warningId: body.warningId,
        ...(body.householdId === undefined ? {} : { householdId: body.householdId }),
        ...(body.residentId === undefined ? {} : { residentId: body.residentId }),
        indicator: body.indicator,
        value: body.value,
        unit: body.unit,
        observedOn: body.observedOn,
      },
      commandContextFor(request, principal),
    );
    return { id: outcome.caseId, opened: outcome.opened, ...commandOutcome(outcome.result) };
  }
}
