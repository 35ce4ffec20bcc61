import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import { CurrentPrincipal, Requires } from '@relapse-watch/service-runtime';
import type { RegistryCommands } from '../application/registry-commands';
import { CommandEndpoint, CommandHeaders, commandContextFor, type CommandRequest } from './command-request';
import { CommandResponse, commandResponse } from './command-response';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { ErasePersonalDataDto } from './dto/erasure.dto';
import { HouseholdPath } from './dto/path.dto';
import { REGISTRY_COMMANDS } from './registry.tokens';

/**
 * Erasure of a household's personal data (PIPL; crypto-shredding): administrators only. The
 * household's data key is destroyed, so its members read 已删除 / erased everywhere from then on,
 * while the household, its counts and its facts stay.
 */
@ApiTags('registry 农户档案')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/households')
export class HouseholdPrivacyController {
  constructor(@Inject(REGISTRY_COMMANDS) private readonly commands: RegistryCommands) {}

  @Post(':householdId/erasure')
  @HttpCode(200)
  @Requires('privacy.erase')
  @ApiOperation({
    summary: '删除该户个人信息（不可恢复）/ erase the household’s personal data (cannot be undone)',
  })
  @ApiOkResponse({ type: CommandResponse })
  @CommandEndpoint(404)
  async erase(
    @Param() { householdId }: HouseholdPath,
    @Body() body: ErasePersonalDataDto,
    @CommandHeaders() request: CommandRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandResponse> {
    const result = await this.commands.erasePersonalData(
      householdId,
      body.reason,
      commandContextFor(request, principal),
    );
    return commandResponse(householdId, result);
  }
}
