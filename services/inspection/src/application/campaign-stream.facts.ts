import type { EventStore } from '@relapse-watch/event-store-core';
import { campaignState } from './campaign-standing';
import type { CampaignFacts, CampaignView } from './household-inspection.ports';

/** How long a campaign read is reused: every visit needs it, and it changes a few times a year. */
const FRESH_MS = 1_000;

/**
 * The campaign facts from the campaign decider's stream (folded), each kept for a second so the visit path reads
 * one stream (the household's), not two; a closure reaches the visits within that second.
 */
export class CampaignStreamFacts implements CampaignFacts {
  private readonly cache = new Map<string, { readonly view: CampaignView; readonly readAt: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async get(campaignId: string): Promise<CampaignView | null> {
    const cached = this.cache.get(campaignId);
    if (cached !== undefined && this.nowMs() - cached.readAt < FRESH_MS) return cached.view;
    const view = await this.read(campaignId);
    // A campaign not launched yet is not remembered: its launch must be seen at once.
    if (view !== null) this.cache.set(campaignId, { view, readAt: this.nowMs() });
    return view;
  }

  private async read(campaignId: string): Promise<CampaignView | null> {
    const state = await campaignState(this.store, campaignId);
    if (state.kind === 'none') return null;
    const c = state.campaign;
    return {
      campaignId,
      provinceCode: c.provinceCode,
      year: c.year,
      launchedOn: c.launchedOn,
      teamsInPlaceBy: c.teamsInPlaceBy,
      inspectBy: c.inspectBy,
      checklistVersion: c.checklistVersion,
      ruleSetVersion: c.ruleSetVersion,
      keyGroupRuleIds: c.keyGroupRuleIds,
      keyRegions: c.keyRegions.map((r) => ({ regionId: r.regionId, divisionCodes: r.divisionCodes })),
      lines: {
        monitoringLineFen: c.lines.monitoringThresholdFen,
        inspectionFilterLineFen: c.lines.inspectionFilterLineFen,
      },
      closed: state.kind === 'closed',
    };
  }
}
