import { INSPECTION_METHODS } from '@relapse-watch/contracts';
import type { Counters } from '../counters';
import type { CampaignContext } from '../reporting-context';

/** Report 1: the campaign's progress in a unit against its two deadlines, and by method. */
export interface CampaignProgress {
  readonly campaignId: string;
  readonly teamsInPlaceBy: string;
  readonly inspectBy: string;
  /** Villages with households, and those a team covers (by the deadline, and now). */
  readonly villages: number;
  readonly villagesCovered: number;
  readonly villagesCoveredByDeadline: number;
  /** Households in scope (every registered rural household) and inspected (by the deadline, and now). */
  readonly inScope: number;
  readonly inspected: number;
  readonly inspectedByDeadline: number;
  readonly inspectedShare: number | null;
  readonly visited: number;
  readonly byMethod: Readonly<Record<string, number>>;
  /** Whether the "inspect every household" deadline has passed on the report's day. */
  readonly deadlinePassed: boolean;
  /** The days anything happened, in date order: the progress over time (the overview's chart). */
  readonly daily: readonly CampaignDay[];
}

/**
 * One day of a campaign in a unit: households whose inspection (its latest round) completed that
 * day and villages a team first covered that day, and both summed up to the day. At the
 * `inspectBy` day `inspectedToDate` equals `inspectedByDeadline`, at `teamsInPlaceBy`
 * `villagesCoveredToDate` equals `villagesCoveredByDeadline`, and on the last day they equal the
 * totals: read from the unit's counts like every other figure, never from a scan of households.
 */
export interface CampaignDay {
  readonly date: string;
  readonly inspected: number;
  readonly villagesCovered: number;
  readonly inspectedToDate: number;
  readonly villagesCoveredToDate: number;
}

/** `part ÷ whole` rounded to four decimals (the same in every run and mode). */
export function ratio(part: number, whole: number): number {
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The counts whose key starts with `prefix`, keyed by the rest, in key order. */
export function countsUnder(counts: Counters, prefix: string): Readonly<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const key of Object.keys(counts).sort())
    if (key.startsWith(prefix)) found[key.slice(prefix.length)] = counts[key];
  return found;
}

/** The sum of the counts whose key matches. */
export function sumWhere(counts: Counters, pattern: RegExp): number {
  let sum = 0;
  for (const [key, value] of Object.entries(counts)) if (pattern.test(key)) sum += value;
  return sum;
}

/** The campaign's days from the per-day counts (`inspection:<c>:on:<day>`, `teams:<c>:covered-on:<day>`). */
export function campaignDays(counts: Counters, campaignId: string): CampaignDay[] {
  const inspected = countsUnder(counts, `inspection:${campaignId}:on:`);
  const covered = countsUnder(counts, `teams:${campaignId}:covered-on:`);
  const days = [...new Set([...Object.keys(inspected), ...Object.keys(covered)])].sort();
  let inspectedToDate = 0;
  let villagesCoveredToDate = 0;
  return days.map((date) => {
    inspectedToDate += inspected[date] ?? 0;
    villagesCoveredToDate += covered[date] ?? 0;
    return {
      date,
      inspected: inspected[date] ?? 0,
      villagesCovered: covered[date] ?? 0,
      inspectedToDate,
      villagesCoveredToDate,
    };
  });
}

/** Campaign progress from a unit's counts. */
export function campaignProgress(counts: Counters, campaign: CampaignContext, asOfDate: string): CampaignProgress {
  const prefix = `inspection:${campaign.campaignId}`;
  const inScope = counts['households'] ?? 0;
  const inspected = counts[`${prefix}:inspected`] ?? 0;
  return {
    campaignId: campaign.campaignId,
    teamsInPlaceBy: campaign.teamsInPlaceBy,
    inspectBy: campaign.inspectBy,
    villages: counts['villages'] ?? 0,
    villagesCovered: counts[`teams:${campaign.campaignId}:covered`] ?? 0,
    villagesCoveredByDeadline: counts[`teams:${campaign.campaignId}:in-place-by-deadline`] ?? 0,
    inScope,
    inspected,
    inspectedByDeadline: counts[`${prefix}:by-deadline`] ?? 0,
    inspectedShare: inScope === 0 ? null : ratio(inspected, inScope),
    visited: counts[`${prefix}:visited`] ?? 0,
    byMethod: Object.fromEntries(
      INSPECTION_METHODS.map((method) => [method, counts[`${prefix}:method:${method}`] ?? 0]),
    ),
    deadlinePassed: asOfDate > campaign.inspectBy,
    daily: campaignDays(counts, campaign.campaignId),
  };
}
