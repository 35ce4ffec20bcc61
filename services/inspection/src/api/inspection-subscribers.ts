import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, EventRelay, type Bus } from '@relapse-watch/messaging-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  ReadinessRegistry,
  readStoreCheckpoints,
  startSupervisedProjection,
  startSupervisedRelay,
  RUNTIME_LOGGER,
  ShutdownSequence,
  SubscriptionLagRegistry,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { inspectionRelayMapper, PUBLISHED_STREAM_PREFIXES } from '../integration/inspection-relay.mapper';
import { followUpProjection, type FollowUp } from '../read-model/follow-ups/follow-up.projection';
import {
  householdProgressProjection,
  type HouseholdProgress,
} from '../read-model/progress/household-progress.projection';
import { teamListProjection, type TeamView } from '../read-model/teams/team-list.projection';
import { FOLLOW_UPS_RUNNER, HOUSEHOLD_PROGRESS_RUNNER, TEAM_LIST_RUNNER } from './inspection.tokens';

/** Subscriber name of the relay that publishes the inspection's integration events. */
export const INSPECTION_RELAY = 'relay:inspection';

/**
 * Starts the inspection's subscribers once the app is up — the team list, household progress and follow-up read models, and the
 * relay that publishes integration events to `relapsewatch.inspection.events.v1` — and stops
 * them first on shutdown, before the bus and the stores close (as the registry's subscribers).
 */
export class InspectionSubscribers implements OnApplicationBootstrap {
  constructor(
    @Inject(TEAM_LIST_RUNNER) private readonly teams: ProjectionRunner<TeamView>,
    @Inject(HOUSEHOLD_PROGRESS_RUNNER) private readonly progress: ProjectionRunner<HouseholdProgress>,
    @Inject(FOLLOW_UPS_RUNNER) private readonly followUps: ProjectionRunner<FollowUp>,
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
    await startSupervisedProjection(supervision, teamListProjection.name, this.teams);
    await startSupervisedProjection(supervision, householdProgressProjection.name, this.progress);
    await startSupervisedProjection(supervision, followUpProjection.name, this.followUps);
    const relay = new EventRelay({
      name: INSPECTION_RELAY,
      eventStore: this.events,
      checkpoints: readStoreCheckpoints(this.reads),
      bus: this.bus,
      mapper: inspectionRelayMapper(this.events),
      filter: { streamPrefixes: PUBLISHED_STREAM_PREFIXES },
      onError: (err, willRetry) => this.logger.error({ err, willRetry }, '集成事件发布出错 / relay error'),
    });
    await startSupervisedRelay(supervision, INSPECTION_RELAY, relay);
  }
}
