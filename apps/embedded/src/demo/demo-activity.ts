import { randomUUID } from 'node:crypto';
import type { CaseCommands, CaseListQueries, DeadlineWatcher } from '@relapse-watch/assistance';
import type { Clock } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SeededRandom, type RegistryCommands, type SheetHousehold } from '@relapse-watch/household-registry';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import type { CampaignCommands, HouseholdInspectionCommands, TeamCommands } from '@relapse-watch/inspection';
import { RULE_SET_VERSIONS, type HouseholdFacts } from '@relapse-watch/inspection-rules';
import { demoCampaignDays, type DemoCampaignDays } from './demo-calendar';
import { DEMO_COUNTY, DEMO_PROVINCE, publishDemoPolicy, seedDemoCampaign } from './demo-campaign.seed';
import { seedDemoCaseload, seedDemoProcedures } from './demo-cases.seed';
import { seedDemoVisits } from './demo-visits.seed';

/** The fixed seed of the demo's activity: the same campaign, visits and cases on every new installation (for a given today). */
export const DEMO_ACTIVITY_SEED = 'relapse-watch-demo-activity';

/** What the demo activity needs: each context's use cases, as the composition root holds them. */
export interface DemoActivityDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly registry: RegistryCommands;
  readonly campaigns: CampaignCommands;
  readonly teams: TeamCommands;
  readonly inspections: HouseholdInspectionCommands;
  /** The inspection's own view of households (from the registry's integration events). */
  readonly inspectionFacts: HouseholdFactsQueries;
  readonly cases: CaseCommands;
  readonly caseList: CaseListQueries;
  readonly deadlines: Pick<DeadlineWatcher, 'runOnce'>;
  /** The demo county's households as the registry's seed imported them. */
  readonly households: () => Iterable<SheetHousehold>;
  /** How many households the registry's seed imported (what the inspection's view waits for). */
  readonly householdsSeeded: number;
  readonly stopping: () => boolean;
  /** Each part's end, for the log (counts only: no personal data). */
  readonly onPart: (part: string, figures: Record<string, unknown>) => void;
  /** Waits between looks at a read model that is catching up; 200 ms by default. */
  readonly pause?: () => Promise<void>;
}

/** What the demo activity created, as the log line and the specs read it. */
export interface DemoActivitySummary {
  readonly today: string;
  readonly campaignId: string | null;
  readonly launchedOn: string | null;
  readonly teamsInPlaceBy: string | null;
  readonly inspectBy: string | null;
  readonly policyPublished: boolean;
  readonly workingGroups: number;
  readonly teams: number;
  readonly villages: {
    readonly inScope: number;
    readonly onTime: number;
    readonly late: number;
    readonly uncovered: number;
  };
  readonly caseload: { readonly cases: number; readonly measures: number; readonly rejectedRows: number };
  readonly visits: Omit<Awaited<ReturnType<typeof seedDemoVisits>>, 'flagged'> & { readonly flagged: number };
  readonly procedures: Awaited<ReturnType<typeof seedDemoProcedures>>;
  readonly stopped: boolean;
}

class Stopped extends Error {}

/**
 * The demo county's year so far, after the registry's seed (issue 14's pages need something to
 * show): the province's lines for the year, the existing caseload, the year's campaign with its
 * working groups and teams, visits with findings and the officials' decisions, and a few cases
 * taken down the identification procedure — every write through a context's own use case or
 * import, as the demo actor, on the day it happened relative to the clock's today.
 */
export async function seedDemoActivity(deps: DemoActivityDeps): Promise<DemoActivitySummary> {
  const pause = deps.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 200)));
  const check = () => {
    if (deps.stopping()) throw new Stopped();
  };
  const days = demoCampaignDays(deps.clock.dateAt(deps.clock.now()));
  const random = new SeededRandom(`${DEMO_ACTIVITY_SEED}\n${days.today}`);
  const correlationId = randomUUID();
  const campaignDeps = { ...deps, correlationId };
  const hasRules = RULE_SET_VERSIONS.includes(`${DEMO_PROVINCE}-${days.year}.1`);
  let summary = emptySummary(days);
  try {
    const caseload = await seedDemoCaseload(deps, days, deps.households);
    summary = {
      ...summary,
      caseload: {
        cases: caseload.imported.cases,
        measures: caseload.imported.measures,
        rejectedRows: caseload.imported.rejectedRows,
      },
    };
    deps.onPart('caseload', summary.caseload);
    check();
    if (!hasRules) {
      summary = { ...summary, policyPublished: await publishDemoPolicy(campaignDeps, days.year) };
      deps.onPart('no-rule-set', { year: days.year });
      return summary;
    }
    const households = await inspectionHouseholds(deps, pause, check);
    const published = await publishDemoPolicy(campaignDeps, days.year);
    await policyKnown(deps, days, pause, check);
    const campaign = await seedDemoCampaign(
      campaignDeps,
      days,
      households.map((h) => h.villageCode),
      random.fork('campaign'),
    );
    summary = {
      ...summary,
      campaignId: campaign.campaignId,
      policyPublished: published || campaign.policyPublished,
      workingGroups: campaign.workingGroups,
      teams: campaign.teams,
      villages: campaign.villages,
    };
    deps.onPart('campaign', { campaignId: campaign.campaignId, teams: campaign.teams, villages: campaign.villages });
    check();
    const monitoringOf = (id: string) => caseload.monitoring.get(id) ?? 'not-monitored';
    const visits = await seedDemoVisits(
      { ...deps, correlationId },
      days,
      campaign.campaignId,
      households,
      campaign.coveredOn,
      monitoringOf,
      random.fork('visits'),
    );
    const { flagged, ...visitFigures } = visits;
    summary = { ...summary, visits: { ...visitFigures, flagged: flagged.size } };
    deps.onPart('visits', summary.visits);
    check();
    // A flagged household under a running imported case adds a lead to it; the others open a case.
    const expectedLeads = [...flagged.keys()].filter((id) => monitoringOf(id) !== 'monitored').length;
    const procedures = await seedDemoProcedures(
      { ...deps, correlationId, pause },
      days,
      expectedLeads,
      random.fork('procedures'),
    );
    summary = { ...summary, procedures };
    deps.onPart('cases', { ...procedures });
    return { ...summary, stopped: deps.stopping() };
  } catch (error) {
    if (error instanceof Stopped) return { ...summary, stopped: true };
    throw error;
  }
}

function emptySummary(days: DemoCampaignDays): DemoActivitySummary {
  return {
    today: days.today,
    campaignId: null,
    launchedOn: days.launchedOn,
    teamsInPlaceBy: days.teamsInPlaceBy,
    inspectBy: days.inspectBy,
    policyPublished: false,
    workingGroups: 0,
    teams: 0,
    villages: { inScope: 0, onTime: 0, late: 0, uncovered: 0 },
    caseload: { cases: 0, measures: 0, rejectedRows: 0 },
    visits: {
      householdsVisited: 0,
      completed: 0,
      completedLate: 0,
      contacts: 0,
      suggestions: { atRisk: 0, dataQuality: 0, rectification: 0 },
      accepted: { atRisk: 0, dataQuality: 0, rectification: 0 },
      dismissed: 0,
      dataQualityIssuesOpened: 0,
      dataQualityIssuesResolved: 0,
      rectificationItemsOpened: 0,
      rectificationItemsClosed: 0,
      flagged: 0,
    },
    procedures: { leadCases: 0, byPhase: {}, overdueMarked: 0 },
    stopped: false,
  };
}

/** Every household of the demo county in the inspection's view, once the registry's events have all reached it. */
async function inspectionHouseholds(
  deps: DemoActivityDeps,
  pause: () => Promise<void>,
  check: () => void,
): Promise<HouseholdFacts[]> {
  while ((await deps.inspectionFacts.ofUnit(DEMO_COUNTY, { limit: 1 })).total < deps.householdsSeeded) {
    check();
    await pause();
  }
  const households: HouseholdFacts[] = [];
  for await (const facts of deps.inspectionFacts.ofProvince(DEMO_PROVINCE))
    if (facts.villageCode.startsWith(DEMO_COUNTY.slice(0, 6))) households.push(facts);
  return households.sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
}

/** Waits until the inspection's view holds the year's monitoring threshold (the launch copies it). */
async function policyKnown(
  deps: DemoActivityDeps,
  days: DemoCampaignDays,
  pause: () => Promise<void>,
  check: () => void,
): Promise<void> {
  for (;;) {
    const policy = await deps.inspectionFacts.policyInForce(DEMO_PROVINCE, days.year, days.launchedOn);
    if (policy.lines['monitoring-threshold'] !== null) return;
    check();
    await pause();
  }
}
