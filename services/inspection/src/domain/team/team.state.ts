import { assertNever } from '@relapse-watch/domain-kernel';
import type { TeamEvent } from './team.events';
import type { TeamMember } from './team.values';

/** A formed team as it stands. */
export interface Team {
  readonly teamId: string;
  readonly campaignId: string;
  readonly name: string;
  readonly townshipCode: string;
  readonly villageCodes: readonly string[];
  readonly members: readonly TeamMember[];
  /** The reason it was disbanded; null while active. */
  readonly disbanded: { readonly reason: string } | null;
}

/** State of one team stream. */
export type TeamState = { readonly kind: 'none' } | ({ readonly kind: 'formed' } & Team);

/** The state of an empty stream. */
export const initialState: TeamState = { kind: 'none' };

/** Folds one event into the state. */
export function evolve(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamFormed': {
      const { teamId, campaignId, name, townshipCode, villageCodes, members } = event.data;
      return { kind: 'formed', teamId, campaignId, name, townshipCode, villageCodes, members, disbanded: null };
    }
    case 'TeamMembersChanged':
      return state.kind === 'formed' ? { ...state, members: event.data.members } : state;
    case 'TeamCoverageChanged':
      return state.kind === 'formed' ? { ...state, villageCodes: event.data.villageCodes } : state;
    case 'TeamDisbanded':
      return state.kind === 'formed' ? { ...state, disbanded: { reason: event.data.reason } } : state;
    default:
      return assertNever(event, 'team event');
  }
}
