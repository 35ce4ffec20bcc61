import { Body, Controller, Get, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import type { Principal } from '@relapse-watch/access';
import { CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegistryCommands, RequestContext } from '../application/registry-commands';
import type { ProvincePolicyRequest } from '../application/province-policy.handler';
import { provincePolicyScope } from '../application/registry-ids';
import type { ProvincePolicyView, RegistryQueries } from '../application/registry-queries';
import { CommandEndpoint, CommandHeaders, commandContextFor, type CommandRequest } from './command-request';
import { commandResponse, PolicyCommandResponse, type CommandResponse } from './command-response';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { KeyRegionPath, PolicyPath, PolicyQueryDto } from './dto/path.dto';
import {
  AddProvinceRiskTypeDto,
  DesignateKeyRegionDto,
  PublishLineDto,
  RevokeKeyRegionDto,
  SetPerCapitaDivisorRuleDto,
} from './dto/policy.dto';
import { REGISTRY_COMMANDS, REGISTRY_QUERIES } from './registry.tokens';

/** Thresholds and key regions of a province and year: every change an event, the history kept. */
@ApiTags('registry 监测标准与重点区域')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/policies/:provinceCode/:year')
export class PoliciesController {
  constructor(
    @Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands,
    @Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries,
  ) {}

  @Get()
  @Requires('registry.read')
  @ApiOperation({
    summary:
      '该省该年度的标准与重点区域（含历史），及某日生效者 / lines and key regions with history, and those in force on a date',
  })
  get(@Param() { provinceCode, year }: PolicyPath, @Query() query: PolicyQueryDto): Promise<ProvincePolicyView> {
    return this.queries.provincePolicy(provinceCode, year, query.on);
  }

  @Put('per-capita-divisor-rule')
  @Requires('policy.write')
  @ApiOperation({
    summary:
      '设置人均纯收入的计算人口口径（家庭人口或常住人口）/ set who per-capita net income divides by (household or resident members)',
  })
  @ApiOkResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async setDivisorRule(
    @Param() { provinceCode, year }: PolicyPath,
    @Body() body: SetPerCapitaDivisorRuleDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { rule, effectiveFrom, sourceDocument } = body;
    const data = { provinceCode, year, rule, effectiveFrom, sourceDocument };
    return this.policy({ type: 'SetPerCapitaDivisorRule', data }, commandContextFor(request, principal));
  }

  @Post('risk-types')
  @Requires('policy.write')
  @ApiOperation({ summary: '增补本省风险类型 / add a risk type of the province’s own' })
  @ApiCreatedResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async addRiskType(
    @Param() { provinceCode, year }: PolicyPath,
    @Body() body: AddProvinceRiskTypeDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { localCode, labelZh, labelEn, sourceDocument } = body;
    const data = { provinceCode, year, localCode, labelZh, labelEn, sourceDocument };
    return this.policy({ type: 'AddProvinceRiskType', data }, commandContextFor(request, principal));
  }

  @Put('monitoring-threshold')
  @Requires('policy.write')
  @ApiOperation({ summary: '发布（或修订）监测收入标准 / publish or revise the monitoring income line' })
  @ApiOkResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async publishThreshold(
    @Param() { provinceCode, year }: PolicyPath,
    @Body() body: PublishLineDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { amountYuan, effectiveFrom, sourceDocument } = body;
    const data = { provinceCode, year, amountYuan, effectiveFrom, sourceDocument };
    return this.policy({ type: 'PublishMonitoringThreshold', data }, commandContextFor(request, principal));
  }

  @Put('inspection-filter-line')
  @Requires('policy.write')
  @ApiOperation({ summary: '发布（或修订）排查筛选线 / publish or revise the inspection filter line' })
  @ApiOkResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async publishFilterLine(
    @Param() { provinceCode, year }: PolicyPath,
    @Body() body: PublishLineDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { amountYuan, effectiveFrom, sourceDocument } = body;
    const data = { provinceCode, year, amountYuan, effectiveFrom, sourceDocument };
    return this.policy({ type: 'PublishInspectionFilterLine', data }, commandContextFor(request, principal));
  }

  @Post('key-regions')
  @Requires('policy.write')
  @ApiOperation({ summary: '认定重点区域 / designate a key region' })
  @ApiCreatedResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async designate(
    @Param() { provinceCode, year }: PolicyPath,
    @Body() body: DesignateKeyRegionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const { regionId, kind, reason, effectiveFrom } = body;
    const data = { provinceCode, year, regionId, kind, divisionCodes: [...body.divisionCodes], reason, effectiveFrom };
    const result = await this.commands.designateKeyRegion(data, commandContextFor(request, principal));
    return commandResponse(provincePolicyScope(provinceCode, year), result, result.createdId);
  }

  @Post('key-regions/:regionId/revocation')
  @Requires('policy.write')
  @ApiOperation({ summary: '撤销重点区域 / revoke a key region' })
  @ApiCreatedResponse({ type: PolicyCommandResponse })
  @CommandEndpoint()
  async revoke(
    @Param() { provinceCode, year, regionId }: KeyRegionPath,
    @Body() body: RevokeKeyRegionDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const data = { provinceCode, year, regionId, reason: body.reason, effectiveFrom: body.effectiveFrom };
    return this.policy({ type: 'RevokeKeyRegion', data }, commandContextFor(request, principal));
  }

  /** Runs a province policy command and answers with the policy's scope (`<province>-<year>`) as its id. */
  private async policy(command: ProvincePolicyRequest, ctx: RequestContext): Promise<CommandResponse> {
    const { provinceCode, year } = command.data;
    return commandResponse(provincePolicyScope(provinceCode, year), await this.commands.policy(command, ctx));
  }
}
