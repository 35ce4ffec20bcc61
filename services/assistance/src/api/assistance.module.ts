import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Clock } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { ensureHouseholdViewIndexes, HouseholdFactsQueries } from '@relapse-watch/household-view';
import { ProjectionRunner, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  BUS_CONSUMER,
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  type BusConsumerDeclaration,
  type RuntimeConfig,
  runtimeClock,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { CaseCommands } from '../application/case-commands';
import { CaseQueries } from '../application/case-queries';
import type { CaseHouseholds } from '../application/case-households';
import { CaseSchedule } from '../application/case-policy';
import { ProvinceCasePolicies } from '../application/province-case-policies';
import { DeadlineWatcher } from '../application/deadline-watcher';
import { PlanCommands } from '../application/plan-commands';
import { WarningIntake } from '../application/warning-intake';
import { ASSISTANCE_CONFIG, assistanceConfigOf, type AssistanceConfig } from '../config/assistance.config';
import { ASSISTANCE_HOUSEHOLD_VIEW, householdsFromView } from '../household-view/assistance-household-view';
import { ASSISTANCE_BUS_TRANSPORT, AssistanceRegistryFactsConsumer } from '../household-view/registry-facts.consumer';
import { InspectionLeadsConsumer } from '../integration/inspection-leads.consumer';
import { CASE_LIST_COLLECTION, CASE_LIST_INDEXES } from '../read-model/case-list/case-list.document';
import { caseListProjection } from '../read-model/case-list/case-list.projection';
import { CaseListQueries } from '../read-model/case-list/case-list.queries';
import { AssistanceSubscribers } from './assistance-subscribers';
import { CasePoliciesController } from './case-policies.controller';
import { CaseEliminationController } from './case-elimination.controller';
import { CaseListsController } from './case-lists.controller';
import { CaseStepsController } from './case-steps.controller';
import { CasesController } from './cases.controller';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { HouseholdAuditController } from './household-audit.controller';
import { PlanController } from './plan.controller';
import { WarningsController } from './warnings.controller';
import {
  ASSISTANCE_CLOCK,
  CASE_COMMANDS,
  CASE_HOUSEHOLDS,
  CASE_LIST_QUERIES,
  CASE_LIST_RUNNER,
  CASE_POLICIES,
  CASE_QUERIES,
  CASE_SCHEDULE,
  DEADLINE_WATCHER,
  HOUSEHOLD_AUDIT_TRAIL,
  PLAN_COMMANDS,
  WARNING_INTAKE,
} from './assistance.tokens';

/** Makes the household view's and the case list's indexes before the consumers and the projection start. */
class AssistanceIndexes implements OnModuleInit {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async onModuleInit(): Promise<void> {
    await ensureHouseholdViewIndexes(this.store, ASSISTANCE_HOUSEHOLD_VIEW);
    for (const fields of CASE_LIST_INDEXES) await this.store.ensureIndex(CASE_LIST_COLLECTION, fields);
  }
}

/**
 * The assistance service (issue 12): monitoring cases from lead to identification, assistance
 * plans, risk elimination, follow-up and relapse, under `/api/assistance`. Like the registry and
 * the inspection it needs only what the service runtime provides, so the same module runs inside
 * the embedded process and as its own process in distributed mode.
 *
 * It learns households and each province's lines from the registry's integration events, and
 * takes the inspection's "household flagged at risk" events as leads: one bus consumer group
 * (`assistance` by default), mounted on the in-process bus embedded and on Kafka distributed.
 */
@Module({
  controllers: [
    AssistanceRegistryFactsConsumer,
    InspectionLeadsConsumer,
    CasesController,
    CaseStepsController,
    CaseEliminationController,
    PlanController,
    CaseListsController,
    WarningsController,
    CasePoliciesController,
    HouseholdAuditController,
  ],
  providers: [
    {
      provide: ASSISTANCE_CONFIG,
      useFactory: (runtime: RuntimeConfig): AssistanceConfig => assistanceConfigOf(runtime.mode),
      inject: [RUNTIME_CONFIG],
    },
    {
      // The runtime's clock (TIME_ZONE_OFFSET, CLOCK_START); the one clock every use case reads.
      provide: ASSISTANCE_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => runtimeClock(runtime),
      inject: [RUNTIME_CONFIG],
    },
    {
      provide: BUS_CONSUMER,
      useFactory: (config: AssistanceConfig): BusConsumerDeclaration => ({
        group: config.consumerGroup,
        transportId: ASSISTANCE_BUS_TRANSPORT,
      }),
      inject: [ASSISTANCE_CONFIG],
    },
    AssistanceIndexes,
    {
      // The service's own view of households (from the registry's integration events).
      provide: CASE_HOUSEHOLDS,
      useFactory: (store: ReadStore): CaseHouseholds =>
        householdsFromView(new HouseholdFactsQueries(store, ASSISTANCE_HOUSEHOLD_VIEW)),
      inject: [READ_STORE],
    },
    {
      // Each province's limits and elimination policy of a year, the national defaults where it set none.
      provide: CASE_POLICIES,
      useFactory: (store: EventStore, clock: Clock) => new ProvinceCasePolicies({ store, clock }),
      inject: [EVENT_STORE, ASSISTANCE_CLOCK],
    },
    {
      provide: CASE_SCHEDULE,
      useFactory: (policies: ProvinceCasePolicies) => new CaseSchedule(policies),
      inject: [CASE_POLICIES],
    },
    {
      provide: CASE_COMMANDS,
      useFactory: (store: EventStore, clock: Clock, schedule: CaseSchedule, households: CaseHouseholds) =>
        new CaseCommands({ store, clock, schedule, households }),
      inject: [EVENT_STORE, ASSISTANCE_CLOCK, CASE_SCHEDULE, CASE_HOUSEHOLDS],
    },
    {
      provide: PLAN_COMMANDS,
      useFactory: (store: EventStore, clock: Clock, schedule: CaseSchedule, households: CaseHouseholds) =>
        new PlanCommands({ store, clock, schedule, households }),
      inject: [EVENT_STORE, ASSISTANCE_CLOCK, CASE_SCHEDULE, CASE_HOUSEHOLDS],
    },
    {
      provide: CASE_LIST_QUERIES,
      useFactory: (reads: ReadStore) => new CaseListQueries(reads),
      inject: [READ_STORE],
    },
    {
      provide: WARNING_INTAKE,
      useFactory: (commands: CaseCommands, store: ReadStore, config: AssistanceConfig, clock: Clock) =>
        new WarningIntake({
          commands,
          residents: new HouseholdFactsQueries(store, ASSISTANCE_HOUSEHOLD_VIEW),
          salt: config.residentIdSalt,
          clock,
        }),
      inject: [CASE_COMMANDS, READ_STORE, ASSISTANCE_CONFIG, ASSISTANCE_CLOCK],
    },
    {
      provide: HOUSEHOLD_AUDIT_TRAIL,
      useFactory: (events: EventStore) => new HouseholdAuditTrail(events),
      inject: [EVENT_STORE],
    },
    {
      provide: CASE_QUERIES,
      useFactory: (store: EventStore, list: CaseListQueries, clock: Clock) => new CaseQueries({ store, list, clock }),
      inject: [EVENT_STORE, CASE_LIST_QUERIES, ASSISTANCE_CLOCK],
    },
    {
      provide: CASE_LIST_RUNNER,
      useFactory: (events: EventStore, reads: ReadStore, logger: Logger) =>
        new ProjectionRunner(caseListProjection, events, reads, {
          onError: (err) => logger.error({ err }, '读模型出错已停止 / read model stopped on an error'),
        }),
      inject: [EVENT_STORE, READ_STORE, RUNTIME_LOGGER],
    },
    {
      provide: DEADLINE_WATCHER,
      useFactory: (queries: CaseListQueries, commands: CaseCommands, clock: Clock) =>
        new DeadlineWatcher({ queries, commands, clock }),
      inject: [CASE_LIST_QUERIES, CASE_COMMANDS, ASSISTANCE_CLOCK],
    },
    AssistanceSubscribers,
  ],
  exports: [
    ASSISTANCE_CONFIG,
    ASSISTANCE_CLOCK,
    CASE_COMMANDS,
    PLAN_COMMANDS,
    CASE_LIST_QUERIES,
    CASE_POLICIES,
    DEADLINE_WATCHER,
  ],
})
export class AssistanceModule {}
