import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';

/**
 * The four tiers with a working group of the concentrated inspection (DOMAIN.md "The
 * concentrated inspection": province, city, county and township each run the campaign in
 * their unit; villages have teams, not working groups).
 */
export const WORKING_GROUP_TIERS = ['province', 'city', 'county', 'township'] as const;

/** One of {@link WORKING_GROUP_TIERS}. */
export type WorkingGroupTier = (typeof WORKING_GROUP_TIERS)[number];

/** What a member does in a working group: a group has at least one leader (组长). */
export const WORKING_GROUP_DUTIES = ['leader', 'deputy', 'member'] as const;

/** One of {@link WORKING_GROUP_DUTIES}. */
export type WorkingGroupDuty = (typeof WORKING_GROUP_DUTIES)[number];

/** A member of a working group, by user id (never a name). */
export interface WorkingGroupMember {
  readonly userId: string;
  readonly duty: WorkingGroupDuty;
}

/** The province's income lines in force on the launch date, in fen (null: none published for the year). */
export interface LinesInForce {
  readonly monitoringThresholdFen: Fen | null;
  readonly inspectionFilterLineFen: Fen | null;
}

/** A key region in force on the launch date, as the province designated it. */
export interface KeyRegionInForce {
  readonly regionId: string;
  readonly kind: string;
  /** 12-digit codes of the units it covers, sorted. */
  readonly divisionCodes: readonly string[];
}

/** The dates and versions a campaign is launched with. */
export interface CampaignTerms {
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: IsoDate;
  /** Last day for every village to have a team (inclusive); a village without one after it is overdue. */
  readonly teamsInPlaceBy: IsoDate;
  /** Last day of the inspection (inclusive); a completion after it is accepted and marked late. */
  readonly inspectBy: IsoDate;
  readonly checklistVersion: string;
  readonly ruleSetVersion: string;
  /** The key-group rules the campaign selects households with (ids of the rule set's rules), sorted. */
  readonly keyGroupRuleIds: readonly string[];
}

/** The campaign id of a province and year: one concentrated inspection per province and year. */
export function campaignIdOf(provinceCode: string, year: number): string {
  return `${provinceCode}-${year}`;
}

/** Province and year of a campaign id, or null when it is not `<two digits>-<four digits>`. */
export function parseCampaignId(campaignId: string): { provinceCode: string; year: number } | null {
  const match = /^([1-9]\d)-(\d{4})$/.exec(campaignId);
  return match === null ? null : { provinceCode: match[1], year: Number(match[2]) };
}
