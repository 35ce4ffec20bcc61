import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { campaignDecider, campaignStreamId } from '../domain/campaign/campaign.decider';
import type { CampaignState } from '../domain/campaign/campaign.state';
import { parseCampaignId } from '../domain/campaign/campaign.values';
import type { CampaignStanding } from '../domain/team/team.values';

/** A campaign's state from its stream; a malformed id names no stream and reads as not launched. */
export function campaignState(store: EventStore, campaignId: string): Promise<CampaignState> {
  if (parseCampaignId(campaignId) === null) return Promise.resolve(campaignDecider.initialState);
  return foldStream(store, campaignStreamId(campaignId), campaignDecider);
}

/** Where a campaign stands, as a team command's fact. */
export async function campaignStanding(store: EventStore, campaignId: string): Promise<CampaignStanding> {
  const state = await campaignState(store, campaignId);
  return state.kind === 'none' ? 'not-launched' : state.kind;
}
