import type { EventStore } from '@relapse-watch/event-store-core';
import type { InspectionArea } from '@relapse-watch/inspection-rules';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import { evolve, initialState, type OpenedInspection } from '../domain/household-inspection/household-inspection.state';
import { authorizeCaller, type Caller } from '@relapse-watch/access';
import type { CampaignFacts, HouseholdFactsSource, InspectionRules } from './household-inspection.ports';
import type { InspectionAddress } from './household-inspection.placement';

/** One household's inspection as an official reads it: the state, with the answered areas and the revision. */
export type HouseholdInspectionView = Omit<OpenedInspection, 'kind'> & {
  readonly status: 'open' | 'completed';
  /** The revision of the stream, for `If-Match`. */
  readonly revision: number;
  readonly answeredAreas: readonly InspectionArea[];
};

/**
 * Reads a household inspection from its stream (no read model, so no `X-Min-Position`: a read
 * after a write sees it). The caller must reach the household's village.
 */
export class HouseholdInspectionQueries {
  constructor(
    private readonly deps: {
      readonly store: EventStore;
      readonly campaigns: CampaignFacts;
      readonly households: HouseholdFactsSource;
      readonly rules: InspectionRules;
    },
  ) {}

  /** The inspection, or null when it has no record yet (or the campaign is unknown). */
  async inspection(address: InspectionAddress, caller: Caller): Promise<HouseholdInspectionView | null> {
    let state = initialState;
    let revision = -1;
    const streamId = householdInspectionStreamId(address.campaignId, address.householdId);
    for await (const stored of this.deps.store.readStream(streamId)) {
      state = evolve(state, { type: stored.type, data: stored.data } as HouseholdInspectionEvent);
      revision = stored.revision;
    }
    if (state.kind === 'none') {
      const household = await this.deps.households.get(address.householdId);
      authorizeCaller(caller, 'inspection.read', household?.villageCode, 'householdId');
      return null;
    }
    authorizeCaller(caller, 'inspection.read', state.villageCode, 'householdId');
    const campaign = await this.deps.campaigns.get(address.campaignId);
    const checklist = campaign === null ? null : this.deps.rules.checklistOf(campaign.checklistVersion);
    const { kind: _kind, ...inspection } = state;
    return {
      ...inspection,
      status: state.completion === null ? 'open' : 'completed',
      revision,
      answeredAreas: checklist === null ? [] : this.deps.rules.answeredAreas(checklist, state.answers),
    };
  }
}
