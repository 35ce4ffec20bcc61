import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, EventRelay, type Bus } from '@relapse-watch/messaging-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  ReadinessRegistry,
  readStoreCheckpoints,
  RUNTIME_LOGGER,
  ShutdownSequence,
  SubscriptionLagRegistry,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { inspectionRelayMapper, PUBLISHED_STREAM_PREFIXES } from '../integration/inspection-relay.mapper';
import {
  householdProgressProjection,
  type HouseholdProgress,
} from '../read-model/progress/household-progress.projection';
import { teamListProjection, type TeamView } from '../read-model/teams/team-list.projection';
import { HOUSEHOLD_PROGRESS_RUNNER, TEAM_LIST_RUNNER } from './inspection.tokens';

const LAG_REPORT_MS = 1_000;

/** Subscriber name of the relay that publishes the inspection's integration events. */
export const INSPECTION_RELAY = 'relay:inspection';

/**
 * Starts the inspection's subscribers once the app is up — the team list and household progress read models, and the
 * relay that publishes integration events to `relapsewatch.inspection.events.v1` — and stops
 * them first on shutdown, before the bus and the stores close (as the registry's subscribers).
 */
export class InspectionSubscribers implements OnApplicationBootstrap {
  constructor(
    @Inject(TEAM_LIST_RUNNER) private readonly teams: ProjectionRunner<TeamView>,
    @Inject(HOUSEHOLD_PROGRESS_RUNNER) private readonly progress: ProjectionRunner<HouseholdProgress>,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(BUS) private readonly bus: Bus,
    private readonly shutdown: ShutdownSequence,
    private readonly lag: SubscriptionLagRegistry,
    private readonly readiness: ReadinessRegistry,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.startProjection(teamListProjection.name, this.teams);
    await this.startProjection(householdProgressProjection.name, this.progress);
    await this.startRelay();
  }

  private async startProjection(name: string, runner: ProjectionRunner<unknown>): Promise<void> {
    const timer = setInterval(() => this.lag.report(name, runner.checkpoint), LAG_REPORT_MS);
    timer.unref();
    this.shutdown.register('subscribers', name, async () => {
      clearInterval(timer);
      await runner.stop();
    });
    this.readiness.register(name, async () => {
      if (runner.error !== null) throw new Error(`${name} stopped on an error`);
      return { checkpoint: runner.checkpoint };
    });
    await runner.start();
    this.logger.info({ projection: name, checkpoint: runner.checkpoint }, '读模型已启动 / read model started');
  }

  private async startRelay(): Promise<void> {
    const relay = new EventRelay({
      name: INSPECTION_RELAY,
      eventStore: this.events,
      checkpoints: readStoreCheckpoints(this.reads),
      bus: this.bus,
      mapper: inspectionRelayMapper(this.events),
      filter: { streamPrefixes: PUBLISHED_STREAM_PREFIXES },
      onError: (err, willRetry) => this.logger.error({ err, willRetry }, '集成事件发布出错 / relay error'),
    });
    const timer = setInterval(() => this.lag.report(INSPECTION_RELAY, relay.lastPublishedPosition), LAG_REPORT_MS);
    timer.unref();
    this.shutdown.register('subscribers', INSPECTION_RELAY, async () => {
      clearInterval(timer);
      await relay.stop();
    });
    this.readiness.register(INSPECTION_RELAY, async () => {
      if (relay.status === 'failed') throw new Error(`${INSPECTION_RELAY} stopped on an error`);
      return { relay: relay.status, lastPublishedPosition: relay.lastPublishedPosition };
    });
    await relay.start();
  }
}
