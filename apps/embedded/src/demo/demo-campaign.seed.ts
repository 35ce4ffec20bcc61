import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import type { Clock, IsoDate } from '@relapse-watch/domain-kernel';
import {
  provincePolicyDecider,
  provincePolicyStreamId,
  SeededRandom,
  type RegistryCommands,
} from '@relapse-watch/household-registry';
import { campaignIdOf, type CampaignCommands, type TeamCommands } from '@relapse-watch/inspection';
import { ruleSetOf } from '@relapse-watch/inspection-rules';
import { addDays } from '@relapse-watch/domain-kernel';
import { demoContext } from './demo-actor';
import { earlier, instantOn, type DemoCampaignDays } from './demo-calendar';

/** The demo's province and county (平昌县, Bazhong, Sichuan). */
export const DEMO_PROVINCE = '51';
export const DEMO_COUNTY = '511923000000';
const DEMO_CITY = '511900000000';

/** The lines the demo publishes when the year has none, in yuan: this build's configuration (see SICHUAN_2026). */
const DEMO_LINES = { monitoringThresholdYuan: '7600', inspectionFilterLineYuan: '10500' };
const DEMO_DOCUMENT = '川乡振发〔演示〕1号 / demo policy document';

/** What happened to a village's team coverage in the demo. */
export type VillageCoverage = 'on-time' | 'late' | 'uncovered';

/** What the campaign part created. */
export interface DemoCampaignOutcome {
  readonly campaignId: string;
  readonly policyPublished: boolean;
  readonly workingGroups: number;
  readonly teams: number;
  readonly villages: {
    readonly inScope: number;
    readonly onTime: number;
    readonly late: number;
    readonly uncovered: number;
  };
  /** Each covered village and the day its team was formed. */
  readonly coveredOn: ReadonlyMap<string, IsoDate>;
}

/** Dependencies of the campaign part. */
export interface DemoCampaignDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly registry: RegistryCommands;
  readonly campaigns: CampaignCommands;
  readonly teams: TeamCommands;
  readonly correlationId: string;
}

/**
 * Publishes the year's monitoring threshold and inspection filter line when the registry holds
 * none for the year, as a province official would (effective 1 January).
 * @returns whether it published them.
 */
export async function publishDemoPolicy(deps: DemoCampaignDeps, year: number): Promise<boolean> {
  const state = await foldStream(deps.store, provincePolicyStreamId(DEMO_PROVINCE, year), provincePolicyDecider);
  if (state.lines['monitoring-threshold'].length > 0) return false;
  const effectiveFrom = `${year}-01-01`;
  const ctx = demoContext(deps.correlationId, instantOn(effectiveFrom, deps.clock, 9), `demo-policy-${year}`);
  const scope = { provinceCode: DEMO_PROVINCE, year, effectiveFrom, sourceDocument: DEMO_DOCUMENT };
  await deps.registry.policy(
    { type: 'PublishMonitoringThreshold', data: { ...scope, amountYuan: DEMO_LINES.monitoringThresholdYuan } },
    ctx,
  );
  if (state.lines['inspection-filter'].length === 0)
    await deps.registry.policy(
      { type: 'PublishInspectionFilterLine', data: { ...scope, amountYuan: DEMO_LINES.inspectionFilterLineYuan } },
      { ...ctx, idempotencyKey: `demo-filter-line-${year}` },
    );
  return true;
}

/** The villages (with households) of each township, both sorted. */
export function villagesByTownship(villageCodes: Iterable<string>): Map<string, string[]> {
  const townships = new Map<string, string[]>();
  for (const village of [...new Set(villageCodes)].sort()) {
    const township = `${village.slice(0, 9)}000`;
    townships.set(township, [...(townships.get(township) ?? []), village]);
  }
  return townships;
}

/**
 * Which villages got their team on time, late or not yet: about 88 % on time, 7 % late, 5 % not
 * yet, from the seed — at least one of each when the county has three villages or more, so no
 * deadline figure is a plain 100 %.
 */
export function planCoverage(villages: readonly string[], random: SeededRandom): Map<string, VillageCoverage> {
  const plan = new Map<string, VillageCoverage>();
  for (const village of villages) {
    const draw = random.fork(village).next();
    plan.set(village, draw < 0.05 ? 'uncovered' : draw < 0.12 ? 'late' : 'on-time');
  }
  const count = (kind: VillageCoverage) => [...plan.values()].filter((v) => v === kind).length;
  if (villages.length >= 3) {
    if (count('uncovered') === 0) plan.set(villages[villages.length - 1], 'uncovered');
    if (count('late') === 0) plan.set(villages[villages.length - 2], 'late');
  }
  return plan;
}

/**
 * Launches the year's campaign of province 51 on its launch day, forms the working groups of the
 * province, the city, the county and each township, and the teams: one per township on time for
 * its villages planned on time (formed a day or three after the launch), one more per township
 * after the deadline for its late villages (when today is far enough), none for the others.
 */
export async function seedDemoCampaign(
  deps: DemoCampaignDeps,
  days: DemoCampaignDays,
  villageCodes: Iterable<string>,
  random: SeededRandom,
): Promise<DemoCampaignOutcome> {
  const { year, launchedOn } = days;
  const campaignId = campaignIdOf(DEMO_PROVINCE, year);
  const policyPublished = await publishDemoPolicy(deps, year);
  const ruleSet = ruleSetOf(DEMO_PROVINCE, year);
  const at = (day: IsoDate, key: string) => demoContext(deps.correlationId, instantOn(day, deps.clock), key);
  await deps.campaigns.launch(
    {
      provinceCode: DEMO_PROVINCE,
      year,
      launchedOn,
      teamsInPlaceBy: days.teamsInPlaceBy,
      inspectBy: days.inspectBy,
      checklistVersion: ruleSet.checklistVersion,
      ruleSetVersion: ruleSet.version,
      keyGroupRuleIds: ruleSet.keyGroupRules.map((rule) => rule.id).sort(),
    },
    at(launchedOn, `demo-campaign-${campaignId}`),
  );
  const townships = villagesByTownship(villageCodes);
  const groupUnits = [`${DEMO_PROVINCE}0000000000`, DEMO_CITY, DEMO_COUNTY, ...townships.keys()];
  for (const unitCode of groupUnits)
    await deps.campaigns.formWorkingGroup(
      {
        provinceCode: DEMO_PROVINCE,
        year,
        unitCode,
        members: [
          { userId: `demo.${unitCode}.leader`, duty: 'leader' },
          { userId: `demo.${unitCode}.deputy`, duty: 'deputy' },
          { userId: `demo.${unitCode}.member`, duty: 'member' },
        ],
      },
      at(launchedOn, `demo-working-group-${campaignId}-${unitCode}`),
    );

  const coveredOn = new Map<string, IsoDate>();
  const tally = { onTime: 0, late: 0, uncovered: 0 };
  let teams = 0;
  const allVillages = [...townships.values()].flat();
  const coverage = planCoverage(allVillages, random.fork('coverage'));
  for (const [townshipCode, villages] of townships) {
    const pick = random.fork(townshipCode);
    const onTimeDay = earlier(addDays(launchedOn, pick.int(1, 3)), earlier(days.teamsInPlaceBy, days.today));
    const lateDay = addDays(days.teamsInPlaceBy, pick.int(2, 5));
    const groups: [VillageCoverage, IsoDate, string[]][] = [
      ['on-time', onTimeDay, villages.filter((v) => coverage.get(v) === 'on-time')],
      ['late', lateDay, lateDay <= days.today ? villages.filter((v) => coverage.get(v) === 'late') : []],
    ];
    for (const [kind, day, covered] of groups) {
      if (covered.length === 0) continue;
      teams += 1;
      await deps.teams.form(
        {
          campaignId,
          name: `${townshipCode.slice(6, 9)}乡镇排查${kind === 'on-time' ? '一' : '二'}组 / township ${townshipCode.slice(6, 9)} team ${kind === 'on-time' ? 1 : 2}`,
          townshipCode,
          villageCodes: covered,
          members: [
            { userId: `demo.${townshipCode}.team${teams}.official`, role: 'official' },
            { userId: `demo.${townshipCode}.team${teams}.work-team`, role: 'resident-work-team' },
            { userId: `demo.${townshipCode}.team${teams}.grid`, role: 'grid-worker' },
            { userId: `demo.${townshipCode}.team${teams}.contact`, role: 'monitoring-contact' },
          ],
        },
        at(day, `demo-team-${campaignId}-${townshipCode}-${kind}`),
      );
      for (const village of covered) coveredOn.set(village, day);
      if (kind === 'on-time') tally.onTime += covered.length;
      else tally.late += covered.length;
    }
  }
  tally.uncovered = allVillages.length - tally.onTime - tally.late;
  return {
    campaignId,
    policyPublished,
    workingGroups: groupUnits.length,
    teams,
    villages: { inScope: allVillages.length, ...tally },
    coveredOn,
  };
}
