import { Body, Controller, Get, Inject, Param, Put, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import type { Clock } from '@relapse-watch/domain-kernel';
import {
  CommandEndpoint,
  CommandHeaders,
  CommandOutcomeResponse,
  commandContextFor,
  commandOutcome,
  CurrentPrincipal,
  Requires,
  type CommandRequest,
} from '@relapse-watch/service-runtime';
import type { CasePolicyCommand } from '../domain/case-policy/case-policy';
import type { ProvinceCasePolicies } from '../application/province-case-policies';
import { AssistanceErrorInterceptor } from './assistance-error.interceptor';
import { ASSISTANCE_CLOCK, CASE_POLICIES } from './assistance.tokens';
import {
  CasePolicyPath,
  CaseTimeLimitsDto,
  CaseTimeLimitsView,
  EliminationPolicyDto,
  EliminationPolicyView,
} from './dto/case-policy.dto';

/** What a policy change answers, with the policy's scope as its id. */
export class CasePolicyCommandResponse extends CommandOutcomeResponse {
  @ApiProperty({
    description: '政策范围：省级代码-年度 / the policy scope, province-year',
    pattern: '^[1-9][0-9]-[0-9]{4}$',
  })
  id!: string;
}

/** Which parts of its policy a province set itself (the rest are the national defaults). */
export class PolicyPartsSet {
  @ApiProperty({ description: '时限 / time limits' }) timeLimits!: boolean;
  @ApiProperty({ description: '风险消除政策 / elimination policy' }) elimination!: boolean;
}

/** A province's case policy of a year as it applies, and which parts the province set itself. */
export class CasePolicyView {
  @ApiProperty({ description: '两位省级代码 / province code' }) provinceCode!: string;
  @ApiProperty({ description: '年度 / year' }) year!: number;
  @ApiProperty({
    type: CaseTimeLimitsView,
    description: '时限（未设置时为全国默认）/ time limits (national defaults where unset)',
  })
  timeLimits!: CaseTimeLimitsView;
  @ApiProperty({ type: EliminationPolicyView, description: '风险消除政策 / risk-elimination policy' })
  elimination!: EliminationPolicyView;
  @ApiProperty({ type: PolicyPartsSet, description: '该省自行设置的部分 / the parts the province set itself' })
  setByProvince!: PolicyPartsSet;
}

/** A province's time limits, notice days and risk-elimination policy of a year: each change an event with its reason. */
@ApiTags('assistance 监测帮扶')
@UseInterceptors(AssistanceErrorInterceptor)
@Controller('api/assistance/policies/:provinceCode/:year')
export class CasePoliciesController {
  constructor(
    @Inject(CASE_POLICIES) private readonly policies: ProvinceCasePolicies,
    @Inject(ASSISTANCE_CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('case.read')
  @ApiOperation({
    summary: '该省该年度的监测帮扶时限与风险消除政策 / a province’s case time limits and elimination policy of a year',
  })
  @ApiOkResponse({ type: CasePolicyView })
  async get(@Param() { provinceCode, year }: CasePolicyPath): Promise<CasePolicyView> {
    const [applies, set] = await Promise.all([
      this.policies.policyFor(provinceCode, year),
      this.policies.setFor(provinceCode, year),
    ]);
    return {
      provinceCode,
      year,
      ...applies,
      setByProvince: { timeLimits: set.timeLimits !== null, elimination: set.elimination !== null },
    };
  }

  @Put('time-limits')
  @Requires('policy.write')
  @ApiOperation({ summary: '设置各环节时限与公示天数 / set the step time limits and the notice days' })
  @ApiOkResponse({ type: CasePolicyCommandResponse })
  @CommandEndpoint()
  setTimeLimits(
    @Param() path: CasePolicyPath,
    @Body() body: CaseTimeLimitsDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CasePolicyCommandResponse> {
    const { acceptLead, homeVerification, wholeProcedure, publicNoticeMinimumDays, reason, sourceDocument } = body;
    const limit = (l: { days: number; unit: 'calendar' | 'working' }) => ({ days: l.days, unit: l.unit });
    const timeLimits = {
      acceptLead: limit(acceptLead),
      homeVerification: limit(homeVerification),
      wholeProcedure: limit(wholeProcedure),
      publicNoticeMinimumDays,
    };
    return this.set(
      { type: 'SetCaseTimeLimits', data: { ...this.change(path, reason, sourceDocument), timeLimits } },
      request,
      principal,
    );
  }

  @Put('elimination')
  @Requires('policy.write')
  @ApiOperation({ summary: '设置风险消除政策（收入稳定月数、劳动能力口径）/ set the risk-elimination policy' })
  @ApiOkResponse({ type: CasePolicyCommandResponse })
  @CommandEndpoint()
  setElimination(
    @Param() path: CasePolicyPath,
    @Body() body: EliminationPolicyDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CasePolicyCommandResponse> {
    const { stableIncomeMonths, labourCapacitiesCounted, reason, sourceDocument } = body;
    const elimination = { stableIncomeMonths, labourCapacitiesCounted: [...labourCapacitiesCounted] };
    return this.set(
      { type: 'SetEliminationPolicy', data: { ...this.change(path, reason, sourceDocument), elimination } },
      request,
      principal,
    );
  }

  private change({ provinceCode, year }: CasePolicyPath, reason: string, sourceDocument: string) {
    return { provinceCode, year, reason, sourceDocument, on: this.clock.dateAt(this.clock.now()) };
  }

  private async set(
    command: CasePolicyCommand,
    request: CommandRequest,
    principal: Principal,
  ): Promise<CasePolicyCommandResponse> {
    const result = await this.policies.set(command, commandContextFor(request, principal));
    return { id: `${command.data.provinceCode}-${command.data.year}`, ...commandOutcome(result) };
  }
}
