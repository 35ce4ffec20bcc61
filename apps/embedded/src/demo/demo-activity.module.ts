import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AssistanceModule,
  CASE_COMMANDS,
  CASE_LIST_QUERIES,
  DEADLINE_WATCHER,
  type CaseCommands,
  type CaseListQueries,
  type DeadlineWatcher,
} from '@relapse-watch/assistance';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import {
  DEMO_COUNTY_SEEDING,
  DemoSeedModule,
  REGISTRY_COMMANDS,
  RegistryModule,
  type DemoCountySeeding,
  type RegistryCommands,
} from '@relapse-watch/household-registry';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import {
  CAMPAIGN_COMMANDS,
  HOUSEHOLD_FACTS_QUERIES,
  HOUSEHOLD_INSPECTION_COMMANDS,
  InspectionModule,
  TEAM_COMMANDS,
  type CampaignCommands,
  type HouseholdInspectionCommands,
  type TeamCommands,
} from '@relapse-watch/inspection';
import {
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  runtimeClock,
  ShutdownSequence,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { seedDemoActivity } from './demo-activity';

/**
 * Seeds the demo county's activity once the registry's seed is done, in the background: the
 * server answers at once and the log says when each part is done. Only when the registry seeded
 * the county (an empty store at start); a shutdown stops it between steps.
 */
class DemoActivitySeeder implements OnApplicationBootstrap {
  private seeding: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(DEMO_COUNTY_SEEDING) private readonly county: DemoCountySeeding,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    @Inject(REGISTRY_COMMANDS) private readonly registry: RegistryCommands,
    @Inject(CAMPAIGN_COMMANDS) private readonly campaigns: CampaignCommands,
    @Inject(TEAM_COMMANDS) private readonly teams: TeamCommands,
    @Inject(HOUSEHOLD_INSPECTION_COMMANDS) private readonly inspections: HouseholdInspectionCommands,
    @Inject(HOUSEHOLD_FACTS_QUERIES) private readonly inspectionFacts: HouseholdFactsQueries,
    @Inject(CASE_COMMANDS) private readonly cases: CaseCommands,
    @Inject(CASE_LIST_QUERIES) private readonly caseList: CaseListQueries,
    @Inject(DEADLINE_WATCHER) private readonly deadlines: DeadlineWatcher,
    shutdown: ShutdownSequence,
  ) {
    shutdown.register('subscribers', 'demo activity', () => {
      this.stopping = true;
      return this.seeding;
    });
  }

  onApplicationBootstrap(): void {
    this.seeding = this.county.done.then(async (county) => {
      if (county === null || this.stopping) return;
      const started = performance.now();
      try {
        const summary = await seedDemoActivity({
          store: this.store,
          clock: runtimeClock(this.config),
          registry: this.registry,
          campaigns: this.campaigns,
          teams: this.teams,
          inspections: this.inspections,
          inspectionFacts: this.inspectionFacts,
          cases: this.cases,
          caseList: this.caseList,
          deadlines: this.deadlines,
          households: () => this.county.households(),
          householdsSeeded: county.households,
          stopping: () => this.stopping,
          onPart: (part, figures) =>
            this.logger.info(
              { demoPart: part, ...figures },
              `演示活动：${PART_LABELS[part] ?? part}已完成 / demo activity: ${part} done`,
            ),
        });
        const ms = Math.round(performance.now() - started);
        if (summary.stopped)
          this.logger.warn(
            { demoActivity: summary, ms },
            '演示活动因停止而中断 / demo activity interrupted by the shutdown',
          );
        else this.logger.info({ demoActivity: summary, ms }, '已载入演示活动（平昌县）/ demo activity seeded');
      } catch (err) {
        this.logger.error({ err }, '演示活动载入失败 / demo activity seeding failed');
      }
    });
  }
}

const PART_LABELS: Readonly<Record<string, string>> = {
  caseload: '监测对象台账导入',
  campaign: '排查部署与排查组',
  visits: '入户排查与处理',
  cases: '识别程序',
  'no-rule-set': '本年度无排查规则，未部署排查',
};

/**
 * The demo county's activity of `npm start` (the default `--demo=full`): the current year's
 * campaign, visits, findings and caseload, after the registry's demo county.
 */
@Module({
  imports: [DemoSeedModule, RegistryModule, InspectionModule, AssistanceModule],
  providers: [DemoActivitySeeder],
})
export class DemoActivityModule {}
