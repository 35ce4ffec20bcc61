import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiErrorResponses, NotFound, Requires } from '@relapse-watch/service-runtime';
import type { DivisionUnit } from '../divisions/division.types';
import type { RegistryReference } from '../divisions/registry-reference';
import { DomainErrorInterceptor } from './domain-error.interceptor';
import { ContainmentPath, DivisionPath } from './dto/path.dto';
import { REGISTRY_REFERENCE } from './registry.tokens';

/** The division tree (reference data): a node, its children, its ancestors, containment. */
@ApiTags('registry 行政区划')
@UseInterceptors(DomainErrorInterceptor)
@ApiErrorResponses(404)
@Controller('api/registry/divisions')
export class DivisionsController {
  constructor(@Inject(REGISTRY_REFERENCE) private readonly reference: RegistryReference) {}

  @Get(':code')
  @Requires('registry.read')
  @ApiOperation({ summary: '区划节点 / one unit, with the edition of its table' })
  node(@Param() { code }: DivisionPath): DivisionUnit & { edition: string } {
    return this.lookup(code, (d) => ({ ...d.node(code), edition: d.edition }));
  }

  @Get(':code/children')
  @Requires('registry.read')
  @ApiOperation({ summary: '下级区划 / the units directly below' })
  children(@Param() { code }: DivisionPath): readonly DivisionUnit[] {
    return this.lookup(code, (d) => d.children(code));
  }

  @Get(':code/ancestors')
  @Requires('registry.read')
  @ApiOperation({ summary: '上级区划（省在前）/ the units above, province first' })
  ancestors(@Param() { code }: DivisionPath): readonly DivisionUnit[] {
    return this.lookup(code, (d) => d.ancestors(code));
  }

  @Get(':unitCode/contains/:code')
  @Requires('registry.read')
  @ApiOperation({ summary: '某区划是否在某单位内 / whether a unit lies inside another' })
  contains(@Param() { unitCode, code }: ContainmentPath): { within: boolean } {
    this.lookup(unitCode, () => null);
    return this.lookup(code, (d) => ({ within: d.isWithin(code, unitCode) }));
  }

  // A malformed code is refused by the path's validation (400); a well-formed one the tree lacks is not found (404).
  private lookup<T>(code: string, read: (directory: ReturnType<RegistryReference['directoryFor']>) => T): T {
    try {
      return read(this.reference.directoryFor(code));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'division.unknown') throw new NotFound('行政区划', 'division');
      throw error;
    }
  }
}
