import { Body, Controller, Get, Inject, Param, ParseIntPipe, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { calendarDateAt, isIsoDate } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { ApiError } from '@relapse-watch/service-runtime';
import type { RegistryCommands } from '../application/registry-commands';
import { createdIdFor } from '../application/registry-ids';
import { provincePolicyDecider, provincePolicyStreamId } from '../domain/province-policy/province-policy.decider';
import {
  divisorRuleInForceOn,
  keyRegionsInForceOn,
  lineInForceOn,
} from '../domain/province-policy/province-policy.queries';
import { CommandHeaders, commandContextFor, type CommandRequest } from './command-request';
import { commandResponse, type CommandResponse } from './command-response';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import {
  AddProvinceRiskTypeDto,
  DesignateKeyRegionDto,
  PublishLineDto,
  RevokeKeyRegionDto,
  SetPerCapitaDivisorRuleDto,
} from './dto/policy.dto';
import { REGISTRY_COMMANDS } from './registry.tokens';

/** Thresholds and key regions of a province and year: every change an event, the history kept. */
@ApiTags('registry 监测标准与重点区域')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/policies/:provinceCode/:year')
export class PoliciesController {
  constructor(
    @Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '该省该年度的标准与重点区域（含历史），及某日生效者 / lines and key regions with history, and those in force on a date',
  })
  async get(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Query('on') on?: string,
  ) {
    if (on !== undefined && !isIsoDate(on))
      throw new ApiError(400, {
        code: 'date.format',
        field: 'on',
        message: '日期须为 YYYY-MM-DD / a date is YYYY-MM-DD',
      });
    const state = await foldStream(this.store, provincePolicyStreamId(provinceCode, year), provincePolicyDecider);
    const date = on ?? calendarDateAt(new Date(), 480);
    return {
      ...state,
      inForceOn: date,
      monitoringThreshold: lineInForceOn(state, 'monitoring-threshold', date),
      inspectionFilterLine: lineInForceOn(state, 'inspection-filter', date),
      keyRegionsInForce: keyRegionsInForceOn(state, date),
      perCapitaDivisorRule: divisorRuleInForceOn(state, date),
    };
  }

  @Put('per-capita-divisor-rule')
  @ApiOperation({
    summary:
      '设置人均纯收入的计算人口口径（家庭人口或常住人口）/ set who per-capita net income divides by (household or resident members)',
  })
  async setDivisorRule(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: SetPerCapitaDivisorRuleDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const data = {
      provinceCode,
      year,
      rule: body.rule,
      effectiveFrom: body.effectiveFrom,
      sourceDocument: body.sourceDocument,
    };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'SetPerCapitaDivisorRule', data }, commandContextFor(request)),
    );
  }

  @Post('risk-types')
  @ApiOperation({ summary: '增补本省风险类型 / add a risk type of the province’s own' })
  async addRiskType(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: AddProvinceRiskTypeDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const data = {
      provinceCode,
      year,
      localCode: body.localCode,
      labelZh: body.labelZh,
      labelEn: body.labelEn,
      sourceDocument: body.sourceDocument,
    };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'AddProvinceRiskType', data }, commandContextFor(request)),
    );
  }

  @Put('monitoring-threshold')
  @ApiOperation({ summary: '发布（或修订）监测收入标准 / publish or revise the monitoring income line' })
  async publishThreshold(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: PublishLineDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const data = {
      provinceCode,
      year,
      amountYuan: body.amountYuan,
      effectiveFrom: body.effectiveFrom,
      sourceDocument: body.sourceDocument,
    };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'PublishMonitoringThreshold', data }, commandContextFor(request)),
    );
  }

  @Put('inspection-filter-line')
  @ApiOperation({ summary: '发布（或修订）排查筛选线 / publish or revise the inspection filter line' })
  async publishFilterLine(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: PublishLineDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const data = {
      provinceCode,
      year,
      amountYuan: body.amountYuan,
      effectiveFrom: body.effectiveFrom,
      sourceDocument: body.sourceDocument,
    };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'PublishInspectionFilterLine', data }, commandContextFor(request)),
    );
  }

  @Post('key-regions')
  @ApiOperation({ summary: '认定重点区域 / designate a key region' })
  async designate(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DesignateKeyRegionDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const regionId = body.regionId ?? createdIdFor(`key-region\n${provinceCode}-${year}`, request.idempotencyKey);
    const data = {
      provinceCode,
      year,
      regionId,
      kind: body.kind,
      divisionCodes: [...body.divisionCodes],
      reason: body.reason,
      effectiveFrom: body.effectiveFrom,
    };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'DesignateKeyRegion', data }, commandContextFor(request)),
      regionId,
    );
  }

  @Post('key-regions/:regionId/revocation')
  @ApiOperation({ summary: '撤销重点区域 / revoke a key region' })
  async revoke(
    @Param('provinceCode') provinceCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('regionId') regionId: string,
    @Body() body: RevokeKeyRegionDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const data = { provinceCode, year, regionId, reason: body.reason, effectiveFrom: body.effectiveFrom };
    return commandResponse(
      `${provinceCode}-${year}`,
      await this.commands.policy({ type: 'RevokeKeyRegion', data }, commandContextFor(request)),
    );
  }
}
