import { PublicRoute } from '../access/access.decorators';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiError } from '../errors/api-error';
import { ReadinessRegistry } from './readiness.registry';

/**
 * Liveness and readiness for orchestrators and load balancers. Readiness answers 503 with the
 * failing dependency when any registered check fails, in the common error body shape plus
 * Terminus' `info`/`error`/`details`.
 */
@ApiTags('health · 健康检查')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  @Get('live')
  @ApiOperation({ summary: '进程存活 / the process is up' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: '可以接收请求：所有依赖可用 / ready for traffic: every dependency answers' })
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    const checks = this.readiness.entries().map(([name, check]) => async () => {
      const session = this.indicators.check(name);
      try {
        return session.up((await check()) ?? {});
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    });
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw new ApiError(503, {
        code: 'health.not-ready',
        message: '服务未就绪 / service not ready',
        ...(error.getResponse() as Record<string, unknown>),
      });
    }
  }
}
