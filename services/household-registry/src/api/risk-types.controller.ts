import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegistryQueries } from '../application/registry-queries';
import type { RiskType } from '../domain/risk-types/risk-types';
import { Requires } from '@relapse-watch/service-runtime';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { RiskTypesQueryDto, RiskTypeView } from './dto/risk-types.dto';
import { REGISTRY_QUERIES } from './registry.tokens';

/** The risk types (reference data): the national list and a province's own for a year. */
@ApiTags('registry 风险类型')
@UseInterceptors(DomainErrorInterceptor)
@Controller('api/registry/risk-types')
export class RiskTypesController {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}

  @Get()
  @Requires('registry.read')
  @ApiOkResponse({ type: [RiskTypeView] })
  @ApiOperation({
    summary:
      '某省某年可报告的风险类型（全国清单及本省增补）/ the risk types a household of a province may report in a year (national, then the province’s own)',
  })
  list(@Query() query: RiskTypesQueryDto): Promise<readonly RiskType[]> {
    return this.queries.riskTypes(query.province, query.year);
  }
}
