import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  ReadinessRegistry,
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  ShutdownSequence,
  SubscriptionLagRegistry,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { Logger } from 'pino';
import { activeGeneration, dropGeneration, type LiveGeneration } from '../read-model/live-generation';
import { reportingCollections } from '../read-model/reporting-collections';
import { TierSummaryProjector } from '../read-model/tier-summary.projector';
import { REPORTING_GENERATION, REPORTING_INBOX } from './reporting.tokens';

/** How often the service looks whether a rebuild made another generation live. */
export const GENERATION_POLL_MS = 2_000;
const LAG_REPORT_MS = 1_000;
const PROJECTION = 'reporting-tier-summaries';

/**
 * Runs the live generation's projector from the inbox, reports its checkpoint as lag, is not
 * ready once it stopped on an error, and stops it first on shutdown. When `projections rebuild`
 * made another generation live (blue/green), it moves the queries and the projector over to it
 * and drops the old one.
 */
export class ReportingSubscribers implements OnApplicationBootstrap {
  private projector: TierSummaryProjector | null = null;
  private switching: Promise<void> | null = null;

  constructor(
    @Inject(REPORTING_INBOX) private readonly inbox: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(REPORTING_GENERATION) private readonly live: LiveGeneration,
    @Inject(RUNTIME_CONFIG) private readonly runtime: RuntimeConfig,
    private readonly shutdown: ShutdownSequence,
    private readonly lag: SubscriptionLagRegistry,
    private readonly readiness: ReadinessRegistry,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  /** The live projector (for read-your-writes waits). */
  get current(): TierSummaryProjector | null {
    return this.projector;
  }

  async onApplicationBootstrap(): Promise<void> {
    // A rebuild made this generation live while no service ran: the one it replaced is left over.
    if (this.live.collections.generation > 1)
      await dropGeneration(this.store, reportingCollections(this.live.collections.generation - 1));
    await this.startProjector();
    const lagTimer = setInterval(() => this.lag.report(PROJECTION, this.projector?.checkpoint ?? 0), LAG_REPORT_MS);
    const pollTimer = setInterval(() => void this.followRebuilds(), GENERATION_POLL_MS);
    lagTimer.unref();
    pollTimer.unref();
    this.shutdown.register('subscribers', PROJECTION, async () => {
      clearInterval(lagTimer);
      clearInterval(pollTimer);
      await this.switching;
      await this.projector?.stop();
    });
    this.readiness.register(PROJECTION, async () => {
      if (this.projector?.error) throw new Error(`${PROJECTION} stopped on an error`);
      return { generation: this.live.collections.generation, checkpoint: this.projector?.checkpoint ?? 0 };
    });
  }

  private async startProjector(): Promise<void> {
    const projector = new TierSummaryProjector({
      inbox: this.inbox,
      store: this.store,
      collections: this.live.collections,
      utcOffsetMinutes: this.runtime.utcOffsetMinutes,
      onError: (err) => this.logger.error({ err }, '报表读模型出错已停止 / reporting read model stopped on an error'),
    });
    await projector.start();
    this.projector = projector;
    this.logger.info(
      { projection: PROJECTION, generation: this.live.collections.generation, checkpoint: projector.checkpoint },
      '读模型已启动 / read model started',
    );
  }

  private followRebuilds(): Promise<void> {
    this.switching ??= this.switchIfRebuilt()
      .catch((err: unknown) =>
        this.logger.error({ err }, '切换报表读模型失败 / switching the reporting read model failed'),
      )
      .finally(() => {
        this.switching = null;
      });
    return this.switching;
  }

  private async switchIfRebuilt(): Promise<void> {
    const next = await activeGeneration(this.store);
    const previous = this.live.collections;
    if (next.generation <= previous.generation) return;
    await this.projector?.stop();
    this.live.collections = next;
    await this.startProjector();
    await dropGeneration(this.store, previous);
    this.logger.info(
      { projection: PROJECTION, from: previous.generation, to: next.generation },
      '报表读模型已切换到重建的一代 / reporting read model switched to the rebuilt generation',
    );
  }
}
