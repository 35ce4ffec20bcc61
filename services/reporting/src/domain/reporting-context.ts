import type {
  CampaignLaunchedV1,
  InspectionTeamV1,
  KeyRegionDesignatedV1,
  ThresholdPublishedV1,
} from '@relapse-watch/contracts';
import type { Counters } from './counters';

/** A campaign as the reports need it: its province-year and its two deadlines. */
export interface CampaignContext {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: string;
  readonly teamsInPlaceBy: string;
  readonly inspectBy: string;
}

/** A province-year's published lines (latest revision of each) and key regions. */
export interface ProvinceYearContext {
  readonly provinceCode: string;
  readonly year: number;
  /** Line name → amount in fen, and the revision it is at. */
  readonly lines: Readonly<Record<string, { readonly amountFen: number; readonly revision: number }>>;
  /** Campaigns launched for the province-year, in launch order (the last one is reported). */
  readonly campaignIds?: readonly string[];
  readonly keyRegions: readonly {
    readonly regionId: string;
    readonly kind: string;
    readonly divisionCodes: readonly string[];
  }[];
}

/** A village's place in the campaigns: whether it has households and when a team first covered it. */
export interface VillageContext {
  readonly villageCode: string;
  readonly hasHouseholds: boolean;
  /** Campaign → team id → the day the team covered the village (a disbanded team or a dropped village leaves). */
  readonly teams: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly contribution: Counters;
}

/** Ids of the context documents. */
export const contextIds = {
  campaign: (campaignId: string) => `campaign:${campaignId}`,
  /**
   * The contracts name a province by its 2-digit code ('51'), the reports by its 12-digit unit
   * code: both give the same document.
   */
  provinceYear: (provinceCode: string, year: number) =>
    `province-year:${provinceCode.slice(0, 2).padEnd(12, '0')}:${year}`,
  village: (villageCode: string) => `village:${villageCode}`,
  /** Which villages each team of a campaign covers, so a change can tell the villages it left. */
  team: (campaignId: string, teamId: string) => `team:${campaignId}:${teamId}`,
};

/** A campaign from its launch event. */
export function campaignOf(event: CampaignLaunchedV1): CampaignContext {
  return {
    campaignId: event.campaignId,
    provinceCode: event.provinceCode,
    year: event.year,
    launchedOn: event.launchedOn,
    teamsInPlaceBy: event.teamsInPlaceBy,
    inspectBy: event.inspectBy,
  };
}

/** A province-year nothing was published for yet. */
export function newProvinceYear(provinceCode: string, year: number): ProvinceYearContext {
  return { provinceCode, year, lines: {}, keyRegions: [] };
}

/** The province-year after a line was published; an older revision than the one kept changes nothing. */
export function withThreshold(context: ProvinceYearContext, event: ThresholdPublishedV1): ProvinceYearContext {
  const kept = context.lines[event.line];
  if (kept !== undefined && kept.revision >= event.revision) return context;
  return {
    ...context,
    lines: { ...context.lines, [event.line]: { amountFen: event.amountFen, revision: event.revision } },
  };
}

/** The province-year after a key region was designated (a region designated again is replaced). */
export function withKeyRegion(context: ProvinceYearContext, event: KeyRegionDesignatedV1): ProvinceYearContext {
  const region = { regionId: event.regionId, kind: event.kind, divisionCodes: [...event.divisionCodes].sort() };
  const keyRegions = [...context.keyRegions.filter((r) => r.regionId !== event.regionId), region].sort((a, b) =>
    a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0,
  );
  return { ...context, keyRegions };
}

/** A village the reporting has not heard of yet. */
export function newVillage(villageCode: string): VillageContext {
  return { villageCode, hasHouseholds: false, teams: {}, contribution: {} };
}

/**
 * The village after a team event: the team now covers it (from `on`, or since it first did) or
 * no longer does (disbanded, or the village dropped from the team).
 */
export function withTeam(village: VillageContext, team: InspectionTeamV1, on: string): VillageContext {
  const covers = !team.disbanded && team.villageCodes.includes(village.villageCode);
  const campaignTeams = { ...(village.teams[team.campaignId] ?? {}) };
  if (covers) campaignTeams[team.teamId] ??= on;
  else delete campaignTeams[team.teamId];
  return { ...village, teams: { ...village.teams, [team.campaignId]: campaignTeams } };
}

/**
 * What a village adds to its units: 1 village in scope once it has households, and per campaign
 * whether a team covers it, the day one first did, and whether that was by the campaign's "teams
 * in place" deadline.
 */
export function villageContribution(
  village: VillageContext,
  campaigns: (campaignId: string) => CampaignContext | null,
): Counters {
  const counts: Record<string, number> = {};
  if (village.hasHouseholds) counts['villages'] = 1;
  for (const [campaignId, teams] of Object.entries(village.teams)) {
    const days = Object.values(teams).sort();
    if (days.length === 0) continue;
    counts[`teams:${campaignId}:covered`] = 1;
    counts[`teams:${campaignId}:covered-on:${days[0]}`] = 1;
    const deadline = campaigns(campaignId)?.teamsInPlaceBy;
    if (deadline !== undefined && days[0] <= deadline) counts[`teams:${campaignId}:in-place-by-deadline`] = 1;
  }
  return counts;
}
