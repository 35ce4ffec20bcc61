import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  BUS_CONSUMER,
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  type BusConsumerDeclaration,
  type RuntimeConfig,
  runtimeClock,
} from '@relapse-watch/service-runtime';
import { CampaignStreamFacts } from '../application/campaign-stream.facts';
import { FieldCorrections, type RegistryCorrections } from '../application/field-corrections';
import { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import type { CampaignFacts, HouseholdFactsSource, InspectionRules } from '../application/household-inspection.ports';
import { HouseholdInspectionQueries } from '../application/household-inspection.queries';
import { inspectionRules } from '../application/inspection-rules.adapter';
import type { Logger } from 'pino';
import { CampaignCommands } from '../application/campaign-commands';
import { CAMPAIGN_POLICY_SOURCE, type CampaignPolicySource } from '../application/campaign-policy-source';
import { InspectionQueries } from '../application/inspection-queries';
import { policyViewSource } from '../application/policy-view.policy-source';
import { TeamCommands } from '../application/team-commands';
import { VisitCheck } from '../application/visit-check';
import { INSPECTION_CONFIG, loadInspectionConfig, type InspectionConfig } from '../config/inspection.config';
import { ensureHouseholdViewIndexes, HouseholdFactsQueries } from '@relapse-watch/household-view';
import { INSPECTION_HOUSEHOLD_VIEW } from '../household-facts/inspection-household-view';
import { SCOPE_VILLAGE_INDEXES, SCOPE_VILLAGES_COLLECTION } from '../household-facts/village-scope';
import { INSPECTION_BUS_TRANSPORT, RegistryFactsConsumer } from '../household-facts/registry-facts.consumer';
import { HttpRegistryCorrections } from '../registry-corrections/registry-corrections.http';
import { HouseholdInspectionDecisionsController } from './household-inspection-decisions.controller';
import { HouseholdInspectionsController } from './household-inspections.controller';
import { teamListProjection } from '../read-model/teams/team-list.projection';
import { TeamListQueries } from '../read-model/teams/team-list.queries';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { CampaignsController } from './campaigns.controller';
import { HouseholdAuditController } from './household-audit.controller';
import { HouseholdFactsController } from './household-facts.controller';
import { FollowUpsController } from './follow-ups.controller';
import { InspectionSubscribers } from './inspection-subscribers';
import { ProgressController } from './progress.controller';
import { PROGRESS_PROVIDERS } from './progress.providers';
import {
  CAMPAIGN_COMMANDS,
  CAMPAIGN_FACTS,
  FIELD_CORRECTIONS,
  HOUSEHOLD_AUDIT_TRAIL,
  HOUSEHOLD_FACTS_QUERIES,
  HOUSEHOLD_FACTS_SOURCE,
  HOUSEHOLD_INSPECTION_COMMANDS,
  HOUSEHOLD_INSPECTION_QUERIES,
  INSPECTION_CLOCK,
  INSPECTION_QUERIES,
  INSPECTION_RULES,
  REGISTRY_CORRECTIONS,
  TEAM_COMMANDS,
  TEAM_LIST_RUNNER,
  VISIT_CHECK,
} from './inspection.tokens';
import { TeamsController } from './teams.controller';
import { VisitCheckController } from './visit-check.controller';

/** Sources of facts a deployment (or a spec) may give the module instead of its own. */
export interface InspectionSources {
  readonly campaigns?: CampaignFacts;
  readonly households?: HouseholdFactsSource;
  readonly registry?: RegistryCorrections;
}

/** The address this process listens on, as a URL (127.0.0.1 when it listens on every interface). */
function ownAddress(http: HttpAdapterHost): string {
  const address = http.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') throw new Error('the HTTP server does not listen on a port');
  const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/** Makes the household facts' (and villages in scope') indexes before the bus consumer starts (the runtime mounts it at bootstrap). */
class HouseholdFactsIndexes implements OnModuleInit {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async onModuleInit(): Promise<void> {
    await ensureHouseholdViewIndexes(this.store, INSPECTION_HOUSEHOLD_VIEW);
    for (const fields of SCOPE_VILLAGE_INDEXES) await this.store.ensureIndex(SCOPE_VILLAGES_COLLECTION, fields);
  }
}

/**
 * The inspection service (issue 11): the yearly concentrated inspection — campaigns, working
 * groups, teams, household inspections over the seven areas, the rules' suggestions — under
 * `/api/inspection`. Like the registry it needs only what the service runtime provides, so the
 * same module runs inside the embedded process and as its own process in distributed mode.
 *
 * It learns households and the province's policy from the registry's integration events only
 * (never the registry's database): it declares a bus consumer (group `inspection` by default), which the
 * runtime mounts on the in-process bus in embedded mode and on Kafka in distributed mode.
 */
@Module({
  controllers: [
    HouseholdFactsController,
    RegistryFactsConsumer,
    CampaignsController,
    TeamsController,
    HouseholdInspectionsController,
    HouseholdInspectionDecisionsController,
    VisitCheckController,
    ProgressController,
    HouseholdAuditController,
    FollowUpsController,
  ],
  providers: [
    {
      provide: INSPECTION_CONFIG,
      useFactory: (runtime: RuntimeConfig) => loadInspectionConfig(runtime.mode),
      inject: [RUNTIME_CONFIG],
    },
    {
      // The runtime's clock (TIME_ZONE_OFFSET, CLOCK_START); the one clock every use case reads.
      provide: INSPECTION_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => runtimeClock(runtime),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: BUS_CONSUMER,
      useFactory: (config: InspectionConfig): BusConsumerDeclaration => ({
        group: config.consumerGroup,
        transportId: INSPECTION_BUS_TRANSPORT,
      }),
      inject: [INSPECTION_CONFIG],
    },
    {
      provide: HOUSEHOLD_FACTS_QUERIES,
      useFactory: (store: ReadStore) => new HouseholdFactsQueries(store, INSPECTION_HOUSEHOLD_VIEW),
      inject: [READ_STORE],
    },
    HouseholdFactsIndexes,
    {
      // The launch's lines and key regions, from the inspection's own view of the province's policy.
      provide: CAMPAIGN_POLICY_SOURCE,
      useFactory: (facts: HouseholdFactsQueries): CampaignPolicySource => policyViewSource(facts),
      inject: [HOUSEHOLD_FACTS_QUERIES],
    },
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
    ...PROGRESS_PROVIDERS,
    {
      provide: HOUSEHOLD_AUDIT_TRAIL,
      useFactory: (events: EventStore, reads: ReadStore) => new HouseholdAuditTrail({ events, reads }),
      inject: [EVENT_STORE, READ_STORE],
    },
    InspectionSubscribers,
    // The rules of libs/inspection-rules, behind the port.
    { provide: INSPECTION_RULES, useValue: inspectionRules },
    {
      provide: CAMPAIGN_FACTS,
      useFactory: (store: EventStore) => new CampaignStreamFacts(store),
      inject: [EVENT_STORE],
    },
    {
      // The inspection's own view of households (built from the registry's integration events).
      provide: HOUSEHOLD_FACTS_SOURCE,
      useFactory: (queries: HouseholdFactsQueries): HouseholdFactsSource => ({ get: (id) => queries.facts(id) }),
      inject: [HOUSEHOLD_FACTS_QUERIES],
    },
    {
      provide: HOUSEHOLD_INSPECTION_COMMANDS,
      useFactory: (
        store: EventStore,
        clock: Clock,
        campaigns: CampaignFacts,
        households: HouseholdFactsSource,
        rules: InspectionRules,
      ) => new HouseholdInspectionCommands({ store, clock, campaigns, households, rules }),
      inject: [EVENT_STORE, INSPECTION_CLOCK, CAMPAIGN_FACTS, HOUSEHOLD_FACTS_SOURCE, INSPECTION_RULES],
    },
    {
      provide: VISIT_CHECK,
      useFactory: (
        store: EventStore,
        clock: Clock,
        campaigns: CampaignFacts,
        households: HouseholdFactsSource,
        rules: InspectionRules,
      ) => new VisitCheck({ store, clock, campaigns, households, rules }),
      inject: [EVENT_STORE, INSPECTION_CLOCK, CAMPAIGN_FACTS, HOUSEHOLD_FACTS_SOURCE, INSPECTION_RULES],
    },
    {
      // Distributed: REGISTRY_URL. Embedded: the registry answers in this process, at its own address once it listens.
      provide: REGISTRY_CORRECTIONS,
      useFactory: (config: InspectionConfig, http: HttpAdapterHost) =>
        new HttpRegistryCorrections(() => config.registryUrl ?? ownAddress(http)),
      inject: [INSPECTION_CONFIG, HttpAdapterHost],
    },
    {
      provide: FIELD_CORRECTIONS,
      useFactory: (
        store: EventStore,
        clock: Clock,
        campaigns: CampaignFacts,
        households: HouseholdFactsSource,
        rules: InspectionRules,
        registry: RegistryCorrections,
      ) => new FieldCorrections({ store, clock, campaigns, households, rules, registry }),
      inject: [
        EVENT_STORE,
        INSPECTION_CLOCK,
        CAMPAIGN_FACTS,
        HOUSEHOLD_FACTS_SOURCE,
        INSPECTION_RULES,
        REGISTRY_CORRECTIONS,
      ],
    },
    {
      provide: HOUSEHOLD_INSPECTION_QUERIES,
      useFactory: (
        store: EventStore,
        campaigns: CampaignFacts,
        households: HouseholdFactsSource,
        rules: InspectionRules,
      ) => new HouseholdInspectionQueries({ store, campaigns, households, rules }),
      inject: [EVENT_STORE, CAMPAIGN_FACTS, HOUSEHOLD_FACTS_SOURCE, INSPECTION_RULES],
    },
  ],
  exports: [
    INSPECTION_CONFIG,
    INSPECTION_CLOCK,
    HOUSEHOLD_FACTS_QUERIES,
    CAMPAIGN_COMMANDS,
    TEAM_COMMANDS,
    HOUSEHOLD_INSPECTION_COMMANDS,
  ],
})
export class InspectionModule {
  /** The module with other sources of campaigns or households' facts (a spec's, a deployment's). */
  static withSources(sources: InspectionSources): DynamicModule {
    return {
      module: InspectionModule,
      providers: [
        ...(sources.campaigns === undefined ? [] : [{ provide: CAMPAIGN_FACTS, useValue: sources.campaigns }]),
        ...(sources.households === undefined
          ? []
          : [{ provide: HOUSEHOLD_FACTS_SOURCE, useValue: sources.households }]),
        ...(sources.registry === undefined ? [] : [{ provide: REGISTRY_CORRECTIONS, useValue: sources.registry }]),
      ],
    };
  }
}
