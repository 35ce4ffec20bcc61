import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, NotFound } from '@relapse-watch/service-runtime';
import type { ProjectionRunner } from '@relapse-watch/read-store-core';
import { createdIdFor } from '../application/registry-ids';
import type { RegistryCommands } from '../application/registry-commands';
import type { HouseholdView } from '../read-model/household-register.projection';
import type { HouseholdPage, HouseholdRegisterQueries } from '../read-model/household-register.queries';
import { CommandHeaders, commandContextFor, IDEMPOTENCY_KEY_HEADER, type CommandRequest } from './command-request';
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
import { AddMemberDto, RemoveMemberQueryDto, UpdateMemberDto } from './dto/member.dto';
import { periodOf, personalOf, profileOf, statusOf, threePlusOneOf } from './dto/dto.mappers';
import { HOUSEHOLD_QUERIES, HOUSEHOLD_REGISTER_RUNNER, REGISTRY_COMMANDS } from './registry.tokens';

const READ_WAIT_MS = 5_000;

/** The household register over HTTP: commands append events, reads come from the read model. */
@ApiTags('registry 农户档案')
@ApiHeader({
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description: '幂等键：重复提交不重复写入 / idempotency key: a re-sent command writes nothing twice',
})
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/households')
export class HouseholdsController {
  constructor(
    @Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands,
    @Inject(HOUSEHOLD_QUERIES) private readonly queries: HouseholdRegisterQueries,
    @Inject(HOUSEHOLD_REGISTER_RUNNER) private readonly runner: ProjectionRunner<HouseholdView>,
  ) {}

  @Post()
  @ApiOperation({ summary: '登记农户 / register a household' })
  @ApiOkResponse({ type: CommandResponse })
  async register(
    @Body() body: RegisterHouseholdDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const result = await this.commands.register(
      { villageCode: body.villageCode, householdNumber: body.householdNumber, status: statusOf(body.status) },
      commandContextFor(request),
    );
    return commandResponse(result.state.kind === 'registered' ? result.state.householdId : '', result);
  }

  @Get()
  @ApiOperation({ summary: '农户列表（按区划、状态）/ households of a unit, by status' })
  async list(
    @Query() query: ListHouseholdsQueryDto,
    @Headers('x-min-position') minPosition?: string,
  ): Promise<HouseholdPage> {
    await this.caughtUp(minPosition);
    return this.queries.list({
      divisionCode: query.divisionCode,
      status: query.status,
      ...(query.warning === undefined ? {} : { warning: query.warning }),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':householdId')
  @ApiOperation({ summary: '农户详情 / one household' })
  async get(
    @Param('householdId') householdId: string,
    @Headers('x-min-position') minPosition?: string,
  ): Promise<HouseholdView> {
    await this.caughtUp(minPosition);
    const doc = await this.queries.get(householdId);
    if (doc === null) throw new NotFound('农户', 'household');
    return doc.data;
  }

  @Post(':householdId/members')
  @ApiOperation({ summary: '添加成员 / add a member' })
  async addMember(
    @Param('householdId') householdId: string,
    @Body() body: AddMemberDto,
    @CommandHeaders() request: CommandRequest,
  ): Promise<CommandResponse> {
    const memberId = body.memberId ?? createdIdFor(`member\n${householdId}`, request.idempotencyKey);
    return commandResponse(
      householdId,
      await this.commands.addMember(
        householdId,
        { memberId, personal: personalOf(body.personal), profile: profileOf(body.profile) },
        commandContextFor(request),
      ),
      memberId,
    );
  }

  @Put(':householdId/members/:memberId')
  @HttpCode(200)
  @ApiOperation({ summary: '更新成员 / update a member' })
  async updateMember(
    @Param('householdId') householdId: string,
    @Param('memberId') memberId: string,
    @Body() body: UpdateMemberDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.updateMember(
        householdId,
        {
          memberId,
          personal: personalOf(body.personal),
          profile: profileOf(body.profile),
          ...(body.formerHeadRelation === undefined ? {} : { formerHeadRelation: body.formerHeadRelation }),
        },
        commandContextFor(request),
      ),
    );
  }

  @Delete(':householdId/members/:memberId')
  @ApiOperation({ summary: '移出成员 / remove a member' })
  async removeMember(
    @Param('householdId') householdId: string,
    @Param('memberId') memberId: string,
    @Query() query: RemoveMemberQueryDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.removeMember(householdId, { memberId, reason: query.reason }, commandContextFor(request)),
    );
  }

  @Put(':householdId/income')
  @ApiOperation({ summary: '记录收入 / record income for a period' })
  async recordIncome(
    @Param('householdId') householdId: string,
    @Body() body: RecordIncomeDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.recordIncome(
        householdId,
        { period: periodOf(body.period), components: { ...body.components } },
        commandContextFor(request),
      ),
    );
  }

  @Put(':householdId/rigid-expenditure')
  @ApiOperation({ summary: '记录刚性支出 / record rigid expenditure' })
  async recordRigidExpenditure(
    @Param('householdId') householdId: string,
    @Body() body: RecordRigidExpenditureDto,
    @CommandHeaders() request: CommandRequest,
  ) {
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
        commandContextFor(request),
      ),
    );
  }

  @Post(':householdId/risk-events')
  @ApiOperation({ summary: '报告风险事件 / report a risk event' })
  async reportRiskEvent(
    @Param('householdId') householdId: string,
    @Body() body: ReportRiskEventDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    const riskEventId = body.riskEventId ?? createdIdFor(`risk-event\n${householdId}`, request.idempotencyKey);
    return commandResponse(
      householdId,
      await this.commands.reportRiskEvent(
        householdId,
        { riskEventId, kind: body.kind, occurredOn: body.occurredOn, lossYuan: body.lossYuan },
        commandContextFor(request),
      ),
      riskEventId,
    );
  }

  @Put(':householdId/three-plus-one')
  @ApiOperation({ summary: '记录“两不愁三保障”及饮水安全 / record the 3+1 status' })
  async record3Plus1(
    @Param('householdId') householdId: string,
    @Body() body: ThreePlusOneDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.record3Plus1Status(householdId, threePlusOneOf(body), commandContextFor(request)),
    );
  }

  @Put(':householdId/status')
  @ApiOperation({ summary: '设置户类型 / set the status' })
  async setStatus(
    @Param('householdId') householdId: string,
    @Body() body: SetStatusDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.setStatus(householdId, { status: statusOf(body.status) }, commandContextFor(request)),
    );
  }

  @Put(':householdId/flags')
  @ApiOperation({ summary: '设置搬迁、农转非标识 / set the flags' })
  async setFlags(
    @Param('householdId') householdId: string,
    @Body() body: SetFlagsDto,
    @CommandHeaders() request: CommandRequest,
  ) {
    return commandResponse(
      householdId,
      await this.commands.setFlags(
        householdId,
        { relocatedToResettlementSite: body.relocatedToResettlementSite, urbanHukou: body.urbanHukou },
        commandContextFor(request),
      ),
    );
  }

  /** Read-your-writes: waits until the read model holds the event at `X-Min-Position`. */
  private async caughtUp(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    if (!/^\d{1,15}$/.test(minPosition))
      throw new ApiError(400, {
        code: 'min-position.invalid',
        field: 'X-Min-Position',
        message: 'X-Min-Position 须为非负整数 / X-Min-Position must be a non-negative integer',
      });
    try {
      await this.runner.waitUntilCaughtUp(Number(minPosition), { signal: AbortSignal.timeout(READ_WAIT_MS) });
    } catch {
      throw new ApiError(503, {
        code: 'read-model.behind',
        message:
          '查询数据尚未更新到该位置，请稍后重试 / the read model has not reached that position yet; retry shortly',
        checkpoint: this.runner.checkpoint,
      });
    }
  }
}
