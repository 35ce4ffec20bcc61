import { Inject, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, EventRelay, type Bus } from '@relapse-watch/messaging-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  ReadinessRegistry,
  readStoreCheckpoints,
  RUNTIME_LOGGER,
  ShutdownSequence,
  startSupervisedProjection,
  startSupervisedRelay,
  SubscriptionLagRegistry,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import type { DeadlineWatcher } from '../application/deadline-watcher';
import { ASSISTANCE_CONFIG, type AssistanceConfig } from '../config/assistance.config';
import { assistanceRelayMapper, PUBLISHED_STREAM_PREFIXES } from '../integration/assistance-relay.mapper';
import { caseListProjection } from '../read-model/case-list/case-list.projection';
import type { CaseListDocument } from '../read-model/case-list/case-list.document';
import { ASSISTANCE_CLOCK, CASE_LIST_RUNNER, DEADLINE_WATCHER } from './assistance.tokens';

/** Subscriber name of the relay that publishes the assistance service's integration events. */
export const ASSISTANCE_RELAY = 'relay:assistance';

/**
 * Starts the assistance service's subscribers once the app is up — the case list and the relay to
 * `relapsewatch.assistance.events.v1` — and stops them first on shutdown, before the bus and the
 * stores close; and runs the deadline watcher on its interval (not at all when it is 0), one run
 * at a time, a failed run logged and tried again at the next tick.
 */
export class AssistanceSubscribers implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(CASE_LIST_RUNNER) private readonly cases: ProjectionRunner<CaseListDocument>,
    @Inject(DEADLINE_WATCHER) private readonly watcher: DeadlineWatcher,
    @Inject(ASSISTANCE_CONFIG) private readonly config: AssistanceConfig,
    @Inject(ASSISTANCE_CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(BUS) private readonly bus: Bus,
    private readonly shutdown: ShutdownSequence,
    private readonly lag: SubscriptionLagRegistry,
    private readonly readiness: ReadinessRegistry,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const supervision = { shutdown: this.shutdown, lag: this.lag, readiness: this.readiness, logger: this.logger };
    await startSupervisedProjection(supervision, caseListProjection.name, this.cases);
    const relay = new EventRelay({
      name: ASSISTANCE_RELAY,
      eventStore: this.events,
      checkpoints: readStoreCheckpoints(this.reads),
      bus: this.bus,
      mapper: assistanceRelayMapper(this.events, this.clock),
      filter: { streamPrefixes: PUBLISHED_STREAM_PREFIXES },
      onError: (err, willRetry) => this.logger.error({ err, willRetry }, '集成事件发布出错 / relay error'),
    });
    await startSupervisedRelay(supervision, ASSISTANCE_RELAY, relay);
    if (this.config.deadlineWatchIntervalMs > 0) {
      this.timer = setInterval(() => this.watch(), this.config.deadlineWatchIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): Promise<unknown> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }

  private watch(): void {
    if (this.running !== null) return;
    this.running = this.watcher
      .runOnce()
      .then((run) => {
        if (run.marked.length > 0 || run.refused.length > 0)
          this.logger.info(
            { today: run.today, casesDue: run.casesDue, marked: run.marked.length, refused: run.refused.length },
            '期限检查 / deadline watch',
          );
      })
      .catch((err: unknown) => this.logger.error({ err }, '期限检查出错 / deadline watch failed'))
      .finally(() => {
        this.running = null;
      });
  }
}
