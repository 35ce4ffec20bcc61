import type { Provider } from '@nestjs/common';
import type { Clock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { RUNTIME_LOGGER } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { CampaignProgressUseCases } from '../application/campaign-progress';
import { KeyGroupSelectionQueries } from '../application/key-group-selection';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import type { InspectionRules } from '../application/household-inspection.ports';
import type { CampaignFacts } from '../application/household-inspection.ports';
import type { InspectionQueries } from '../application/inspection-queries';
import { FollowUpLists } from '../application/follow-up-lists';
import { followUpProjection } from '../read-model/follow-ups/follow-up.projection';
import { FollowUpQueries } from '../read-model/follow-ups/follow-up.queries';
import { CampaignProgressQueries } from '../read-model/progress/campaign-progress.queries';
import { householdProgressProjection } from '../read-model/progress/household-progress.projection';
import { TeamListQueries } from '../read-model/teams/team-list.queries';
import {
  CAMPAIGN_FACTS,
  CAMPAIGN_PROGRESS,
  FOLLOW_UP_LISTS,
  FOLLOW_UPS_RUNNER,
  HOUSEHOLD_FACTS_QUERIES,
  HOUSEHOLD_PROGRESS_RUNNER,
  INSPECTION_RULES,
  KEY_GROUP_SELECTION,
  INSPECTION_CLOCK,
  INSPECTION_QUERIES,
} from './inspection.tokens';

/**
 * The household progress read model, the campaign progress use cases over it, the key-group
 * selection, and the follow-up list (data-quality issues, rectification items) with its lists.
 */
export const PROGRESS_PROVIDERS: Provider[] = [
  {
    provide: HOUSEHOLD_PROGRESS_RUNNER,
    useFactory: (events: EventStore, reads: ReadStore, logger: Logger) =>
      new ProjectionRunner(householdProgressProjection, events, reads, {
        onError: (err) => logger.error({ err }, '读模型出错已停止 / read model stopped on an error'),
      }),
    inject: [EVENT_STORE, READ_STORE, RUNTIME_LOGGER],
  },
  {
    provide: CAMPAIGN_PROGRESS,
    useFactory: (reads: ReadStore, campaigns: CampaignFacts, queries: InspectionQueries, clock: Clock) => {
      const teams = new TeamListQueries(reads);
      return new CampaignProgressUseCases({
        campaigns,
        progress: new CampaignProgressQueries(reads, (campaignId, unit) => teams.teamsIn(campaignId, unit)),
        team: (teamId, caller) => queries.team(teamId, caller),
        clock,
      });
    },
    inject: [READ_STORE, CAMPAIGN_FACTS, INSPECTION_QUERIES, INSPECTION_CLOCK],
  },
  {
    provide: KEY_GROUP_SELECTION,
    useFactory: (campaigns: CampaignFacts, households: HouseholdFactsQueries, rules: InspectionRules, clock: Clock) =>
      new KeyGroupSelectionQueries({ campaigns, households, rules, clock }),
    inject: [CAMPAIGN_FACTS, HOUSEHOLD_FACTS_QUERIES, INSPECTION_RULES, INSPECTION_CLOCK],
  },
  {
    provide: FOLLOW_UPS_RUNNER,
    useFactory: (events: EventStore, reads: ReadStore, logger: Logger) =>
      new ProjectionRunner(followUpProjection, events, reads, {
        onError: (err) => logger.error({ err }, '读模型出错已停止 / read model stopped on an error'),
      }),
    inject: [EVENT_STORE, READ_STORE, RUNTIME_LOGGER],
  },
  {
    provide: FOLLOW_UP_LISTS,
    useFactory: (reads: ReadStore, campaigns: CampaignFacts, clock: Clock) =>
      new FollowUpLists({ campaigns, followUps: new FollowUpQueries(reads), clock }),
    inject: [READ_STORE, CAMPAIGN_FACTS, INSPECTION_CLOCK],
  },
];
