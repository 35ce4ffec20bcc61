import type { Server } from 'node:http';
import type { BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { HttpDrain } from './http-drain';

/**
 * Phases of a shutdown, in order, after the HTTP server has stopped taking requests:
 * subscribers stop pulling work (relay, projection runners, bus consumers) so nothing new
 * is written; then the bus flushes and disconnects; then the stores close, when nothing can
 * use them any more.
 */
export const SHUTDOWN_PHASES = ['subscribers', 'bus', 'stores'] as const;
/** One of {@link SHUTDOWN_PHASES}. */
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

interface ShutdownStep {
  readonly phase: ShutdownPhase;
  readonly name: string;
  readonly run: () => Promise<void> | void;
}

/**
 * The explicit shutdown order of a service, run by `app.close()`:
 *
 * 1. `beforeApplicationShutdown`: the HTTP drain starts — idle connections close, busy ones
 *    close after their response, and after `SHUTDOWN_TIMEOUT_MS` the rest are cut;
 * 2. Nest closes the HTTP server, which resolves when the last connection is gone;
 * 3. `onApplicationShutdown`: the registered steps run phase by phase
 *    ({@link SHUTDOWN_PHASES}), within a phase last-registered first, each awaited, a failing
 *    step logged and the next one still run.
 *
 * Modules register their closing here instead of in their own `onModuleDestroy` or
 * `onApplicationShutdown` hooks: Nest runs `onModuleDestroy` *before* the HTTP server stops
 * and orders hooks across modules only loosely, so a store closed there would fail the
 * requests still in flight.
 */
export class ShutdownSequence implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly steps: ShutdownStep[] = [];
  private running?: Promise<void>;

  constructor(
    private readonly drain: HttpDrain,
    private readonly httpServer: () => Server | undefined,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /** Adds a step to `phase`; `name` appears in the shutdown log. */
  register(phase: ShutdownPhase, name: string, run: () => Promise<void> | void): void {
    this.steps.push({ phase, name, run });
  }

  beforeApplicationShutdown(): void {
    const server = this.httpServer();
    this.logger.info(
      { inflightRequests: this.drain.inflightCount, timeoutMs: this.timeoutMs },
      '开始停止：不再接收新请求 / shutdown: no longer accepting requests, draining in-flight ones',
    );
    if (server) {
      this.drain.start(server, this.timeoutMs, (interrupted) =>
        this.logger.warn(
          { interrupted },
          '停止超时，中断未完成的请求 / shutdown timeout: cutting requests still in flight',
        ),
      );
    }
  }

  onApplicationShutdown(): Promise<void> {
    this.drain.stop();
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    this.logger.info('HTTP 服务已停止 / shutdown: HTTP server closed');
    for (const phase of SHUTDOWN_PHASES) {
      const steps = this.steps.filter((step) => step.phase === phase).reverse();
      for (const step of steps) {
        try {
          await step.run();
          this.logger.info({ phase, step: step.name }, `已关闭 / shutdown: ${step.name} closed`);
        } catch (err) {
          this.logger.error({ phase, step: step.name, err }, `关闭失败 / shutdown: ${step.name} failed to close`);
        }
      }
    }
  }
}
