import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CurrentPrincipal,
  currentCorrelationId,
  NotFound,
  ReadsYourWrites,
  Requires,
} from '@relapse-watch/service-runtime';
import type { PersonalDataQueries } from '../application/personal-data.queries';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { PersonalDataQueryDto, PersonalDataView } from './dto/personal-data.dto';
import { HouseholdPath } from './dto/path.dto';
import { HOUSEHOLD_REGISTER_RUNNER, PERSONAL_DATA_QUERIES } from './registry.tokens';

/**
 * The one place names and resident ID numbers leave the registry in plain text: the unmasked
 * read for officials and the fetch behind an integration event's `personal.ref` for client
 * systems with the `personal.read` scope. Every answer is recorded first.
 */
@ApiTags('registry 农户档案')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/households/:householdId/personal-data')
export class PersonalDataController {
  constructor(@Inject(PERSONAL_DATA_QUERIES) private readonly personalData: PersonalDataQueries) {}

  @Get()
  @Requires('personal.read')
  @ApiOperation({
    summary:
      '查看成员个人信息明文（须给理由，记录在案）/ read the members’ personal data unmasked (a reason is required; recorded)',
  })
  @ApiOkResponse({ type: PersonalDataView })
  @ApiErrorResponses(404, 422)
  @ReadsYourWrites(HOUSEHOLD_REGISTER_RUNNER)
  async read(
    @Param() { householdId }: HouseholdPath,
    @Query() query: PersonalDataQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonalDataView> {
    const disclosure = await this.personalData.disclose(householdId, {
      principal,
      reason: query.reason,
      ...(query.memberId === undefined ? {} : { memberId: query.memberId }),
      correlationId: currentCorrelationId() ?? 'none',
    });
    if (disclosure === null) throw new NotFound('农户', 'household');
    return { householdId: disclosure.householdId, members: [...disclosure.members] };
  }
}
