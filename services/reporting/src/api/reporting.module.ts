import { Module } from '@nestjs/common';
import type { Clock } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  BUS_CONSUMER,
  openEventStore,
  RUNTIME_CONFIG,
  runtimeClock,
  ShutdownSequence,
  type BusConsumerDeclaration,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime';
import { ReportQueries } from '../application/report-queries';
import { loadReportingConfig, REPORTING_CONFIG, type ReportingConfig } from '../config/reporting.config';
import { InboxConsumer, REPORTING_BUS_TRANSPORT } from '../inbox/inbox.consumer';
import { activeGeneration, LiveGeneration } from '../read-model/live-generation';
import { ReportingSubscribers } from './reporting-subscribers';
import { ReportExports } from '../application/report-export';
import type { UnitListingDeps } from '../application/unit-listing';
import { UnitRowQueries } from '../application/unit-rows.queries';
import { ChinaDivisionNames } from '../divisions/china-division.names';
import { DIVISION_NAMES, type DivisionNames } from '../divisions/division-names.port';
import { ReportsController } from './reports.controller';
import {
  REPORT_EXPORTS,
  REPORT_QUERIES,
  REPORTING_CLOCK,
  REPORTING_GENERATION,
  REPORTING_INBOX,
  UNIT_LISTING_DEPS,
  UNIT_ROW_QUERIES,
} from './reporting.tokens';
import { UnitRowsController } from './unit-rows.controller';

/**
 * The reporting service (issue 13): consumes every context's integration events into its own
 * inbox log, folds them into tier read models (village → province) and serves the nine reports
 * of DOMAIN.md under `/api/reporting`, now or as of a past instant. Like the other services it
 * needs only what the service runtime provides, so the same module runs inside the embedded
 * process and as its own process in distributed mode.
 */
@Module({
  controllers: [InboxConsumer, ReportsController, UnitRowsController],
  providers: [
    {
      provide: REPORTING_CONFIG,
      useFactory: (runtime: RuntimeConfig): ReportingConfig => loadReportingConfig(runtime),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: REPORTING_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => runtimeClock(runtime),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: BUS_CONSUMER,
      useFactory: (config: ReportingConfig): BusConsumerDeclaration => ({
        group: config.consumerGroup,
        transportId: REPORTING_BUS_TRANSPORT,
      }),
      inject: [REPORTING_CONFIG],
    },
    {
      // Closed with the other stores, after the consumer and the projector stopped.
      provide: REPORTING_INBOX,
      useFactory: async (config: ReportingConfig, shutdown: ShutdownSequence): Promise<EventStore> => {
        const inbox = await openEventStore(config.inbox);
        shutdown.register('stores', 'reporting-inbox', () => inbox.close());
        return inbox;
      },
      inject: [REPORTING_CONFIG, ShutdownSequence],
    },
    {
      provide: REPORTING_GENERATION,
      useFactory: async (store: ReadStore) => new LiveGeneration(await activeGeneration(store)),
      inject: [READ_STORE],
    },
    {
      provide: REPORT_QUERIES,
      useFactory: (store: ReadStore, inbox: EventStore, live: LiveGeneration, clock: Clock, runtime: RuntimeConfig) =>
        new ReportQueries({
          store,
          inbox,
          collections: () => live.collections,
          clock,
          utcOffsetMinutes: runtime.utcOffsetMinutes,
        }),
      inject: [READ_STORE, REPORTING_INBOX, REPORTING_GENERATION, REPORTING_CLOCK, RUNTIME_CONFIG],
    },
    {
      provide: DIVISION_NAMES,
      useFactory: (shutdown: ShutdownSequence): DivisionNames => {
        const names = ChinaDivisionNames.open();
        shutdown.register('stores', 'division-names', () => names.close());
        return names;
      },
      inject: [ShutdownSequence],
    },
    {
      provide: UNIT_LISTING_DEPS,
      useFactory: (
        store: ReadStore,
        live: LiveGeneration,
        names: DivisionNames,
        clock: Clock,
        runtime: RuntimeConfig,
      ): UnitListingDeps => ({
        store,
        collections: () => live.collections,
        names,
        clock,
        utcOffsetMinutes: runtime.utcOffsetMinutes,
      }),
      inject: [READ_STORE, REPORTING_GENERATION, DIVISION_NAMES, REPORTING_CLOCK, RUNTIME_CONFIG],
    },
    {
      provide: UNIT_ROW_QUERIES,
      useFactory: (deps: UnitListingDeps) => new UnitRowQueries(deps),
      inject: [UNIT_LISTING_DEPS],
    },
    {
      provide: REPORT_EXPORTS,
      useFactory: (deps: UnitListingDeps) => new ReportExports(deps),
      inject: [UNIT_LISTING_DEPS],
    },
    ReportingSubscribers,
  ],
  exports: [REPORT_QUERIES, REPORTING_INBOX],
})
export class ReportingModule {}
