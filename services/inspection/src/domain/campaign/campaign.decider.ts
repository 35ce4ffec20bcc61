import type { Decider } from '@relapse-watch/event-store-core';
import type { CampaignCommand } from './campaign.commands';
import { decide } from './campaign.decide';
import type { CampaignEvent } from './campaign.events';
import { evolve, initialState, type CampaignState } from './campaign.state';
import { campaignIdOf } from './campaign.values';

/** Prefix of a campaign stream: `inspection-campaign-<provinceCode>-<year>`. */
export const CAMPAIGN_STREAM_PREFIX = 'inspection-campaign-';

/** The stream of a campaign, by its id (`<provinceCode>-<year>`). */
export function campaignStreamId(campaignId: string): string {
  return `${CAMPAIGN_STREAM_PREFIX}${campaignId}`;
}

/** The stream of the campaign of a province and year. */
export function campaignStreamOf(provinceCode: string, year: number): string {
  return campaignStreamId(campaignIdOf(provinceCode, year));
}

/** The campaign aggregate (a province's concentrated inspection of a year, its working groups) as a decider. */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = { decide, evolve, initialState };
