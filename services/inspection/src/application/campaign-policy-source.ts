import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { KeyRegionInForce, LinesInForce } from '../domain/campaign/campaign.values';

/** Injection token of the {@link CampaignPolicySource}. */
export const CAMPAIGN_POLICY_SOURCE = Symbol.for('relapse-watch.inspection.campaign-policy-source');

/** The province's policy of a year in force on a day, as the inspection learnt it from the registry's events. */
export interface PolicyInForce {
  readonly lines: LinesInForce;
  readonly keyRegions: readonly KeyRegionInForce[];
}

/**
 * Where a campaign's launch looks up the lines and key regions in force on the launch date. The
 * inspection's own policy view (built from the registry's policy events, never the registry's
 * database) implements it; the launch copies what it answers into the campaign, so a later
 * revision of the policy does not change a campaign under way.
 */
export interface CampaignPolicySource {
  /** The lines and key regions of `provinceCode`'s policy for `year` in force on `on`; no lines published is null lines, not an error. */
  inForce(provinceCode: string, year: number, on: IsoDate): Promise<PolicyInForce>;
}
