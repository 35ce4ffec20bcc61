import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { fixedOffsetClock, type Clock } from '@relapse-watch/domain-kernel';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  BUS_CONSUMER,
  RUNTIME_CONFIG,
  type BusConsumerDeclaration,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime';
import { INSPECTION_CONFIG, loadInspectionConfig, type InspectionConfig } from '../config/inspection.config';
import { HOUSEHOLD_FACTS_COLLECTION, HOUSEHOLD_FACTS_INDEXES } from '../household-facts/household-facts.document';
import { HouseholdFactsQueries } from '../household-facts/household-facts.queries';
import { INSPECTION_BUS_TRANSPORT, RegistryFactsConsumer } from '../household-facts/registry-facts.consumer';
import { HouseholdFactsController } from './household-facts.controller';
import { HOUSEHOLD_FACTS_QUERIES, INSPECTION_CLOCK } from './inspection.tokens';

/** Makes the household facts' indexes before the bus consumer starts (the runtime mounts it at bootstrap). */
class HouseholdFactsIndexes implements OnModuleInit {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async onModuleInit(): Promise<void> {
    for (const fields of HOUSEHOLD_FACTS_INDEXES) await this.store.ensureIndex(HOUSEHOLD_FACTS_COLLECTION, fields);
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
  controllers: [HouseholdFactsController, RegistryFactsConsumer],
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
      useFactory: (store: ReadStore) => new HouseholdFactsQueries(store),
      inject: [READ_STORE],
    },
    HouseholdFactsIndexes,
  ],
  exports: [INSPECTION_CONFIG, INSPECTION_CLOCK, HOUSEHOLD_FACTS_QUERIES],
})
export class InspectionModule {}
