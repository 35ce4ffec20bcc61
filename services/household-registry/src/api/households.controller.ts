import { Body, Controller, Get, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CurrentPrincipal,
  NotFound,
  ReadsYourWrites,
  Requires,
} from '@relapse-watch/service-runtime';
import { callerOf } from '@relapse-watch/access';
import type { RegistryCommands } from '../application/registry-commands';
import type { RegistryQueries } from '../application/registry-queries';
import type { HouseholdView } from '../read-model/household-register.projection';
import type { HouseholdPage } from '../read-model/household-register.queries';
import { maskedHouseholdView } from '../read-model/household-view.masking';
import { CommandEndpoint, CommandHeaders, commandContextFor, type CommandRequest } from './command-request';
import { CommandResponse, commandResponse } from './command-response';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import {
  RegisterHouseholdDto,
  ListHouseholdsQueryDto,
  SetStatusDto,
  SetFlagsDto,
  RecordIncomeDto,
  RecordRigidExpenditureDto,
  ReportRiskEventDto,
  ThreePlusOneDto,
} from './dto/household.dto';
import { periodOf, statusOf, threePlusOneOf } from './dto/dto.mappers';
import { HouseholdPath } from './dto/path.dto';
import { HOUSEHOLD_REGISTER_RUNNER, REGISTRY_COMMANDS, REGISTRY_QUERIES } from './registry.tokens';

/**
 * The household register over HTTP: commands append events, reads come from the read model.
 * Each route only translates: request → use case of the application layer → response.
 */
@ApiTags('registry 农户档案')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/households')
export class HouseholdsController {
  constructor(
    @Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands,
    @Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries,
  ) {}

  @Post()
  @Requires('registry.write')
  @ApiOperation({ summary: '登记农户 / register a household' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandEndpoint()
  async register(
    @Body() body: RegisterHouseholdDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const result = await this.commands.register(
      { villageCode: body.villageCode, householdNumber: body.householdNumber, status: statusOf(body.status) },
      commandContextFor(request, principal),
    );
    return commandResponse(result.state.kind === 'registered' ? result.state.householdId : '', result);
  }

  @Get()
  @Requires('registry.read')
  @ApiOperation({ summary: '农户列表（按区划、状态）/ households of a unit, by status' })
  @ReadsYourWrites(HOUSEHOLD_REGISTER_RUNNER)
  async list(@Query() query: ListHouseholdsQueryDto, @CurrentPrincipal() principal: Principal): Promise<HouseholdPage> {
    const page = await this.queries.households(query, callerOf(principal));
    return { ...page, items: page.items.map(maskedHouseholdView) };
  }

  @Get(':householdId')
  @Requires('registry.read')
  @ApiOperation({ summary: '农户详情 / one household' })
  @ReadsYourWrites(HOUSEHOLD_REGISTER_RUNNER)
  @ApiErrorResponses(404)
  async get(@Param() path: HouseholdPath, @CurrentPrincipal() principal: Principal): Promise<HouseholdView> {
    const household = await this.queries.household(path.householdId, callerOf(principal));
    if (household === null) throw new NotFound('农户', 'household');
    return maskedHouseholdView(household);
  }

  @Put(':householdId/income')
  @Requires('registry.write')
  @ApiOperation({ summary: '记录收入 / record income for a period' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async recordIncome(
    @Param() { householdId }: HouseholdPath,
    @Body() body: RecordIncomeDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.recordIncome(
        householdId,
        { period: periodOf(body.period), components: { ...body.components } },
        commandContextFor(request, principal),
      ),
    );
  }

  @Put(':householdId/rigid-expenditure')
  @Requires('registry.write')
  @ApiOperation({ summary: '记录刚性支出 / record rigid expenditure' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async recordRigidExpenditure(
    @Param() { householdId }: HouseholdPath,
    @Body() body: RecordRigidExpenditureDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.recordRigidExpenditure(
        householdId,
        {
          period: periodOf(body.period),
          medicalAfterReimbursementYuan: body.medicalAfterReimbursementYuan,
          educationYuan: body.educationYuan,
          disasterLossYuan: body.disasterLossYuan,
        },
        commandContextFor(request, principal),
      ),
    );
  }

  @Post(':householdId/risk-events')
  @Requires('registry.write')
  @ApiOperation({ summary: '报告风险事件 / report a risk event' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async reportRiskEvent(
    @Param() { householdId }: HouseholdPath,
    @Body() body: ReportRiskEventDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { riskEventId, kind, occurredOn, lossYuan } = body;
    const reported = await this.commands.reportRiskEvent(
      householdId,
      { riskEventId, kind, occurredOn, lossYuan },
      commandContextFor(request, principal),
    );
    return commandResponse(householdId, reported, reported.createdId);
  }

  @Put(':householdId/three-plus-one')
  @Requires('registry.write')
  @ApiOperation({ summary: '记录“两不愁三保障”及饮水安全 / record the 3+1 status' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async record3Plus1(
    @Param() { householdId }: HouseholdPath,
    @Body() body: ThreePlusOneDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.record3Plus1Status(householdId, threePlusOneOf(body), commandContextFor(request, principal)),
    );
  }

  @Put(':householdId/status')
  @Requires('registry.write')
  @ApiOperation({ summary: '设置户类型 / set the status' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async setStatus(
    @Param() { householdId }: HouseholdPath,
    @Body() body: SetStatusDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.setStatus(
        householdId,
        { status: statusOf(body.status) },
        commandContextFor(request, principal),
      ),
    );
  }

  @Put(':householdId/flags')
  @Requires('registry.write')
  @ApiOperation({ summary: '设置搬迁、农转非标识 / set the flags' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async setFlags(
    @Param() { householdId }: HouseholdPath,
    @Body() body: SetFlagsDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    return commandResponse(
      householdId,
      await this.commands.setFlags(
        householdId,
        { relocatedToResettlementSite: body.relocatedToResettlementSite, urbanHukou: body.urbanHukou },
        commandContextFor(request, principal),
      ),
    );
  }
}
