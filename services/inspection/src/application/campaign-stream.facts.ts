import type { EventStore } from '@relapse-watch/event-store-core';
import type { CampaignFacts, CampaignKeyRegion, CampaignView } from './household-inspection.ports';

// Interim: reads the campaign decider's stream (`inspection-campaign-<campaignId>`) by the
// event shapes the campaign's design names (CampaignLaunched with the dates, versions and the
// key regions in force; CampaignClosed), until the campaign decider's own fold is wired here.

interface LaunchedData {
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: string;
  readonly teamsInPlaceBy: string;
  readonly inspectBy: string;
  readonly checklistVersion: string;
  readonly ruleSetVersion: string;
  readonly keyGroupRuleIds?: readonly string[];
  readonly keyRegions?: readonly CampaignKeyRegion[];
}

/** How long a campaign read is reused: every visit needs it, and it changes a few times a year. */
const FRESH_MS = 1_000;

/**
 * The campaign facts from the campaign's stream, each kept for a second so the visit path reads
 * one stream (the household's), not two; a closure reaches the visits within that second.
 */
export class CampaignStreamFacts implements CampaignFacts {
  private readonly cache = new Map<string, { readonly view: CampaignView | null; readonly readAt: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async get(campaignId: string): Promise<CampaignView | null> {
    const cached = this.cache.get(campaignId);
    if (cached !== undefined && this.nowMs() - cached.readAt < FRESH_MS) return cached.view;
    const view = await this.read(campaignId);
    this.cache.set(campaignId, { view, readAt: this.nowMs() });
    return view;
  }

  private async read(campaignId: string): Promise<CampaignView | null> {
    let view: CampaignView | null = null;
    for await (const event of this.store.readStream(`inspection-campaign-${campaignId}`)) {
      if (event.type === 'CampaignLaunched') {
        const d = event.data as LaunchedData;
        view = {
          campaignId,
          provinceCode: d.provinceCode,
          year: d.year,
          launchedOn: d.launchedOn,
          teamsInPlaceBy: d.teamsInPlaceBy,
          inspectBy: d.inspectBy,
          checklistVersion: d.checklistVersion,
          ruleSetVersion: d.ruleSetVersion,
          keyGroupRuleIds: d.keyGroupRuleIds ?? [],
          keyRegions: d.keyRegions ?? [],
          closed: false,
        };
      }
      if (event.type === 'CampaignClosed' && view !== null) view = { ...view, closed: true };
    }
    return view;
  }
}
