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
import { ReportsController } from './reports.controller';
import { REPORT_QUERIES, REPORTING_CLOCK, REPORTING_GENERATION, REPORTING_INBOX } from './reporting.tokens';

/**
 * The reporting service (issue 13): consumes every context's integration events into its own
 * inbox log, folds them into tier read models (village → province) and serves the nine reports
 * of DOMAIN.md under `/api/reporting`, now or as of a past instant. Like the other services it
 * needs only what the service runtime provides, so the same module runs inside the embedded
 * process and as its own process in distributed mode.
 */
@Module({
  controllers: [InboxConsumer, ReportsController],
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
    ReportingSubscribers,
  ],
  exports: [REPORT_QUERIES, REPORTING_INBOX],
})
export class ReportingModule {}
