import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, EventRelay, type Bus } from '@relapse-watch/messaging-core';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  PERSONAL_DATA_VAULT,
  ReadinessRegistry,
  readStoreCheckpoints,
  startSupervisedProjection,
  startSupervisedRelay,
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  ShutdownSequence,
  SubscriptionLagRegistry,
  type RuntimeConfig,
  runtimeClock,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { residentIdHash, type Clock } from '@relapse-watch/domain-kernel';
import { RegistryCommands } from '../application/registry-commands';
import { PersonalDataQueries } from '../application/personal-data.queries';
import { RegistryQueries } from '../application/registry-queries';
import { loadRegistryConfig, REGISTRY_CONFIG, type RegistryConfig } from '../config/registry.config';
import { loadRegistryReference, type RegistryReference } from '../divisions/registry-reference';
import { householdRegisterProjection, type HouseholdView } from '../read-model/household-register.projection';
import { HouseholdRegisterQueries } from '../read-model/household-register.queries';
import { PUBLISHED_STREAM_PREFIXES, registryRelayMapper } from '../integration/registry-relay.mapper';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { DivisionsController } from './divisions.controller';
import { HouseholdAuditController } from './household-audit.controller';
import { HouseholdMembersController } from './household-members.controller';
import { HouseholdPrivacyController } from './household-privacy.controller';
import type { PersonalDataEraser } from '../application/erase-personal-data.handler';
import { HouseholdsController } from './households.controller';
import { PersonalDataController } from './personal-data.controller';
import { PoliciesController } from './policies.controller';
import { RiskTypesController } from './risk-types.controller';
import {
  HOUSEHOLD_AUDIT_TRAIL,
  HOUSEHOLD_QUERIES,
  HOUSEHOLD_REGISTER_RUNNER,
  PERSONAL_DATA_QUERIES,
  REGISTRY_CLOCK,
  REGISTRY_COMMANDS,
  REGISTRY_QUERIES,
  REGISTRY_REFERENCE,
} from './registry.tokens';

/** Subscriber name of the relay that publishes the registry's integration events. */
export const REGISTRY_RELAY = 'relay:registry';

/**
 * Starts the registry's subscribers once the app is up — the read model, and the relay that
 * publishes integration events to `relapsewatch.registry.events.v1` — and stops them first on
 * shutdown, before the bus and the stores close.
 */
class RegistrySubscribers implements OnApplicationBootstrap {
  constructor(
    @Inject(HOUSEHOLD_REGISTER_RUNNER) private readonly runner: ProjectionRunner<HouseholdView>,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(BUS) private readonly bus: Bus,
    private readonly shutdown: ShutdownSequence,
    private readonly lag: SubscriptionLagRegistry,
    private readonly readiness: ReadinessRegistry,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const supervision = { shutdown: this.shutdown, lag: this.lag, readiness: this.readiness, logger: this.logger };
    await startSupervisedProjection(supervision, householdRegisterProjection.name, this.runner);
    const relay = new EventRelay({
      name: REGISTRY_RELAY,
      eventStore: this.events,
      checkpoints: readStoreCheckpoints(this.reads),
      bus: this.bus,
      mapper: registryRelayMapper(this.events, {
        residentIdHash: (residentId) => residentIdHash(residentId, this.config.residentIdSalt),
      }),
      filter: { streamPrefixes: PUBLISHED_STREAM_PREFIXES },
      onError: (err, willRetry) => this.logger.error({ err, willRetry }, '集成事件发布出错 / relay error'),
    });
    await startSupervisedRelay(supervision, REGISTRY_RELAY, relay);
  }
}

/**
 * The household registry (issue 4): households, members, income, risks, the division tree and
 * the province's thresholds and key regions, under `/api/registry`. It needs only what the
 * service runtime provides (event store, read store, configuration), so the same module runs
 * inside the embedded single process and as its own process in distributed mode.
 */
@Module({
  controllers: [
    HouseholdsController,
    HouseholdMembersController,
    DivisionsController,
    PoliciesController,
    RiskTypesController,
    PersonalDataController,
    HouseholdPrivacyController,
    HouseholdAuditController,
  ],
  providers: [
    {
      provide: REGISTRY_CONFIG,
      useFactory: (runtime: RuntimeConfig) => loadRegistryConfig(runtime.mode),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: REGISTRY_REFERENCE,
      useFactory: (store: ReadStore, config: RegistryConfig) => loadRegistryReference(store, config.provinces),
      inject: [READ_STORE, REGISTRY_CONFIG],
    },
    {
      // The runtime's clock (TIME_ZONE_OFFSET, CLOCK_START); the one clock every use case reads.
      provide: REGISTRY_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => runtimeClock(runtime),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: REGISTRY_COMMANDS,
      useFactory: (
        store: EventStore,
        config: RegistryConfig,
        reference: RegistryReference,
        clock: Clock,
        personalData: PersonalDataEraser,
      ) =>
        new RegistryCommands({
          store,
          residentIdSalt: config.residentIdSalt,
          lookups: reference.lookups,
          clock,
          personalData,
        }),
      inject: [EVENT_STORE, REGISTRY_CONFIG, REGISTRY_REFERENCE, REGISTRY_CLOCK, PERSONAL_DATA_VAULT],
    },
    {
      provide: REGISTRY_QUERIES,
      useFactory: (events: EventStore, households: HouseholdRegisterQueries, clock: Clock) =>
        new RegistryQueries({ events, households, clock }),
      inject: [EVENT_STORE, HOUSEHOLD_QUERIES, REGISTRY_CLOCK],
    },
    {
      provide: PERSONAL_DATA_QUERIES,
      useFactory: (events: EventStore, households: HouseholdRegisterQueries, clock: Clock) =>
        new PersonalDataQueries({ events, households, clock }),
      inject: [EVENT_STORE, HOUSEHOLD_QUERIES, REGISTRY_CLOCK],
    },
    {
      provide: HOUSEHOLD_QUERIES,
      useFactory: (store: ReadStore) => new HouseholdRegisterQueries(store),
      inject: [READ_STORE],
    },
    {
      provide: HOUSEHOLD_REGISTER_RUNNER,
      useFactory: (events: EventStore, reads: ReadStore, logger: Logger) =>
        new ProjectionRunner(householdRegisterProjection, events, reads, {
          onError: (err) => logger.error({ err }, '读模型出错已停止 / read model stopped on an error'),
        }),
      inject: [EVENT_STORE, READ_STORE, RUNTIME_LOGGER],
    },
    {
      provide: HOUSEHOLD_AUDIT_TRAIL,
      useFactory: (events: EventStore) => new HouseholdAuditTrail(events),
      inject: [EVENT_STORE],
    },
    RegistrySubscribers,
  ],
  exports: [REGISTRY_CONFIG, REGISTRY_REFERENCE, REGISTRY_COMMANDS, REGISTRY_CLOCK],
})
export class RegistryModule {}
