import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { CampaignEvent, CampaignLaunched } from './campaign.events';
import type { WorkingGroupMember, WorkingGroupTier } from './campaign.values';

/** A working group as formed or last changed. */
export interface WorkingGroup {
  readonly unitCode: string;
  readonly tier: WorkingGroupTier;
  readonly members: readonly WorkingGroupMember[];
}

/** The campaign as launched (the launch event's data). */
export type LaunchedCampaign = CampaignLaunched['data'];

/** A launched campaign, open or closed (kept for reads). */
export interface LaunchedCampaignState {
  readonly kind: 'open' | 'closed';
  readonly campaign: LaunchedCampaign;
  /** By unit code. */
  readonly workingGroups: Readonly<Record<string, WorkingGroup>>;
  readonly closed: { readonly closedOn: IsoDate; readonly reason: string } | null;
}

/** State of one campaign: not launched, or launched (open or closed). */
export type CampaignState = { readonly kind: 'none' } | LaunchedCampaignState;

/** The state of an empty stream. */
export const initialState: CampaignState = { kind: 'none' };

/** Folds one event into the state. */
export function evolve(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignLaunched':
      return { kind: 'open', campaign: event.data, workingGroups: {}, closed: null };
    case 'WorkingGroupFormed':
    case 'WorkingGroupMembersChanged': {
      if (state.kind === 'none') return state;
      const { unitCode, tier, members } = event.data;
      return { ...state, workingGroups: { ...state.workingGroups, [unitCode]: { unitCode, tier, members } } };
    }
    case 'CampaignClosed':
      if (state.kind === 'none') return state;
      return { ...state, kind: 'closed', closed: { closedOn: event.data.closedOn, reason: event.data.reason } };
    default:
      return assertNever(event, 'campaign event');
  }
}
