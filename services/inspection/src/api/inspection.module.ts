import { Module } from '@nestjs/common';
import { fixedOffsetClock, type Clock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { RUNTIME_CONFIG, RUNTIME_LOGGER, type RuntimeConfig } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { CampaignCommands } from '../application/campaign-commands';
import { CAMPAIGN_POLICY_SOURCE, type CampaignPolicySource } from '../application/campaign-policy-source';
import { InspectionQueries } from '../application/inspection-queries';
import { TeamCommands } from '../application/team-commands';
import { UNPUBLISHED_POLICY } from '../application/unpublished-policy';
import { INSPECTION_CONFIG, loadInspectionConfig } from '../config/inspection.config';
import { teamListProjection } from '../read-model/teams/team-list.projection';
import { TeamListQueries } from '../read-model/teams/team-list.queries';
import { CampaignsController } from './campaigns.controller';
import { InspectionSubscribers } from './inspection-subscribers';
import {
  CAMPAIGN_COMMANDS,
  INSPECTION_CLOCK,
  INSPECTION_QUERIES,
  TEAM_COMMANDS,
  TEAM_LIST_RUNNER,
} from './inspection.tokens';
import { TeamsController } from './teams.controller';

/**
 * The inspection service (issue 11): the yearly concentrated inspection — campaigns, working
 * groups, teams, household inspections over the seven areas, the rules' suggestions — under
 * `/api/inspection`. Like the registry it needs only what the service runtime provides, so the
 * same module runs inside the embedded process and as its own process in distributed mode.
 */
@Module({
  controllers: [CampaignsController, TeamsController],
  providers: [
    {
      provide: INSPECTION_CONFIG,
      useFactory: (runtime: RuntimeConfig) => loadInspectionConfig(runtime.mode),
      inject: [RUNTIME_CONFIG],
    },
    {
      // The time zone is the runtime's (TIME_ZONE_OFFSET); the one clock every use case reads.
      provide: INSPECTION_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => fixedOffsetClock(runtime.utcOffsetMinutes),
      inject: [RUNTIME_CONFIG],
    },
    // Replaced by the policy view built from the registry's policy events once it is wired in.
    { provide: CAMPAIGN_POLICY_SOURCE, useValue: UNPUBLISHED_POLICY },
    {
      provide: CAMPAIGN_COMMANDS,
      useFactory: (store: EventStore, clock: Clock, policy: CampaignPolicySource) =>
        new CampaignCommands({ store, clock, policy }),
      inject: [EVENT_STORE, INSPECTION_CLOCK, CAMPAIGN_POLICY_SOURCE],
    },
    {
      provide: TEAM_COMMANDS,
      useFactory: (store: EventStore, clock: Clock) => new TeamCommands({ store, clock }),
      inject: [EVENT_STORE, INSPECTION_CLOCK],
    },
    {
      provide: INSPECTION_QUERIES,
      useFactory: (events: EventStore, reads: ReadStore) =>
        new InspectionQueries({ events, teams: new TeamListQueries(reads) }),
      inject: [EVENT_STORE, READ_STORE],
    },
    {
      provide: TEAM_LIST_RUNNER,
      useFactory: (events: EventStore, reads: ReadStore, logger: Logger) =>
        new ProjectionRunner(teamListProjection, events, reads, {
          onError: (err) => logger.error({ err }, '读模型出错已停止 / read model stopped on an error'),
        }),
      inject: [EVENT_STORE, READ_STORE, RUNTIME_LOGGER],
    },
    InspectionSubscribers,
  ],
  exports: [INSPECTION_CONFIG, INSPECTION_CLOCK, CAMPAIGN_COMMANDS, TEAM_COMMANDS],
})
export class InspectionModule {}
