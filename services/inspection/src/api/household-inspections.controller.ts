import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CommandEndpoint,
  CommandHeaders,
  CurrentPrincipal,
  NotFound,
  Requires,
  type CommandRequest,
  commandContextFor,
} from '@relapse-watch/service-runtime';
import type { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import type { HouseholdInspectionQueries, HouseholdInspectionView } from '../application/household-inspection.queries';
import { callerOf } from '@relapse-watch/access';
import type { Findings } from '@relapse-watch/inspection-rules';
import { AssignInspectionDto, ContactDto, InspectionPath, ReasonDto, VisitDto } from './dto/household-inspection.dto';
import { findingsOf } from './dto/findings.mapper';
import { HouseholdInspectionErrorInterceptor } from './household-inspection.errors.interceptor';
import { BearerToken } from './household-inspection.request';
import { InspectionCommandResponse, inspectionResponse } from './household-inspection.response';
import { FIELD_CORRECTIONS, HOUSEHOLD_INSPECTION_COMMANDS, HOUSEHOLD_INSPECTION_QUERIES } from './inspection.tokens';
import type { FieldCorrections } from '../application/field-corrections';

/**
 * One household's inspection in one campaign over HTTP. Each route only translates: request →
 * use case of the application layer → response. Reads fold the stream (no read model to wait for).
 */
@ApiTags('inspection 农户排查')
@UseInterceptors(HouseholdInspectionErrorInterceptor)
@Controller('api/inspection/campaigns/:campaignId/households/:householdId')
export class HouseholdInspectionsController {
  constructor(
    @Inject(HOUSEHOLD_INSPECTION_COMMANDS) private readonly commands: HouseholdInspectionCommands,
    @Inject(HOUSEHOLD_INSPECTION_QUERIES) private readonly queries: HouseholdInspectionQueries,
    @Inject(FIELD_CORRECTIONS) private readonly corrections: FieldCorrections,
  ) {}

  @Get()
  @Requires('inspection.read')
  @ApiOperation({ summary: '农户排查情况 / one household’s inspection' })
  @ApiErrorResponses(404)
  async get(@Param() path: InspectionPath, @CurrentPrincipal() principal: Principal): Promise<HouseholdInspectionView> {
    const inspection = await this.queries.inspection(addressOf(path), callerOf(principal));
    if (inspection === null) throw new NotFound('农户排查记录', 'household inspection');
    return inspection;
  }

  @Put('assignment')
  @Requires('inspection.write')
  @ApiOperation({ summary: '指派排查工作队和人员 / assign the team and inspectors' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async assign(
    @Param() path: InspectionPath,
    @Body() body: AssignInspectionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const data = { teamId: body.teamId, inspectorIds: [...body.inspectorIds] };
    const result = await this.commands.assign(addressOf(path), data, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }

  @Post('contacts')
  @Requires('inspection.write')
  @ApiOperation({ summary: '记录一次联系（不完成）/ record a contact (without completing)' })
  @ApiCreatedResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async recordContact(
    @Param() path: InspectionPath,
    @Body() body: ContactDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const result = await this.commands.recordContact(
      addressOf(path),
      contactOf(body),
      commandContextFor(request, principal),
    );
    return inspectionResponse(path.householdId, result, result.contactId);
  }

  @Post('visits')
  @Requires('inspection.write')
  @ApiOperation({
    summary:
      '一次请求记录整次走访：联系、规则建议、（可选）完成 / a whole visit in one request: the contact, the rules’ suggestions and, if asked, the completion',
  })
  @ApiCreatedResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async recordVisit(
    @Param() path: InspectionPath,
    @Body() body: VisitDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
    @BearerToken() bearerToken: string | undefined,
  ): Promise<InspectionCommandResponse> {
    const visit = { ...contactOf(body), complete: body.complete };
    const ctx = commandContextFor(request, principal);
    const result = await this.commands.recordVisit(addressOf(path), visit, ctx);
    const response = inspectionResponse(path.householdId, result, result.contactId);
    if (body.corrections === undefined || body.corrections.length === 0) return response;
    const corrections = body.corrections.map((c) => ({
      kind: c.kind,
      ...(c.memberId === undefined ? {} : { memberId: c.memberId }),
      body: { ...c.body },
    }));
    const sent = await this.corrections.send(addressOf(path), result.contactId, corrections, ctx, bearerToken);
    return { ...response, corrections: [...sent] };
  }

  @Post('completion')
  @HttpCode(200)
  @Requires('inspection.write')
  @ApiOperation({ summary: '完成本轮排查 / complete the round' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async complete(
    @Param() path: InspectionPath,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const result = await this.commands.complete(addressOf(path), commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }

  @Post('reopening')
  @HttpCode(200)
  @Requires('inspection.write')
  @ApiOperation({ summary: '重新打开以复查 / reopen for a revisit' })
  @ApiOkResponse({ type: InspectionCommandResponse })
  @CommandEndpoint(404)
  async reopen(
    @Param() path: InspectionPath,
    @Body() body: ReasonDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionCommandResponse> {
    const result = await this.commands.reopen(addressOf(path), body.reason, commandContextFor(request, principal));
    return inspectionResponse(path.householdId, result);
  }
}

/** The household inspection a route's path addresses. */
export function addressOf(path: InspectionPath) {
  return { campaignId: path.campaignId, householdId: path.householdId };
}

function contactOf(body: ContactDto): {
  contactId?: string;
  method: ContactDto['method'];
  contactedOn: string;
  findings: Findings;
} {
  return {
    ...(body.contactId === undefined ? {} : { contactId: body.contactId }),
    method: body.method,
    contactedOn: body.contactedOn,
    findings: findingsOf(body.findings),
  };
}
