import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { Projection } from '@relapse-watch/read-store-core';
import { TEAM_EVENT_TYPES, type TeamEvent } from '../../domain/team/team.events';
import { evolve, initialState, type Team, type TeamState } from '../../domain/team/team.state';

/** Collection of the team list read model. */
export const TEAMS_COLLECTION = 'inspection-teams';

/**
 * One team as the lists read it: the aggregate's state, its stream revision (for `If-Match`) and
 * the codes of its township's tiers, flat so every read store can filter on them.
 */
export interface TeamView extends Team {
  readonly revision: number;
  readonly provinceCode: string;
  readonly cityCode: string;
  readonly countyCode: string;
  readonly status: 'active' | 'disbanded';
}

/** The view of a formed team at a revision. */
export function teamView(team: Team, revision: number): TeamView {
  const { teamId, campaignId, name, townshipCode, villageCodes, members, disbanded } = team;
  return {
    teamId,
    campaignId,
    name,
    townshipCode,
    villageCodes,
    members,
    disbanded,
    revision,
    provinceCode: `${townshipCode.slice(0, 2)}0000000000`,
    cityCode: `${townshipCode.slice(0, 4)}00000000`,
    countyCode: `${townshipCode.slice(0, 6)}000000`,
    status: disbanded === null ? 'active' : 'disbanded',
  };
}

function stateOf(view: TeamView | null): TeamState {
  if (view === null) return initialState;
  const { teamId, campaignId, name, townshipCode, villageCodes, members, disbanded } = view;
  return { kind: 'formed', teamId, campaignId, name, townshipCode, villageCodes, members, disbanded };
}

/** The teams of every campaign, one document per team, folded with the decider's own `evolve`. */
export const teamListProjection: Projection<TeamView> = {
  name: 'inspection.team-list',
  collection: TEAMS_COLLECTION,
  handles: Object.keys(TEAM_EVENT_TYPES),
  documentId: (event: StoredEvent) => (event.data as TeamEvent['data']).teamId,
  evolve(doc, event) {
    const state = evolve(stateOf(doc), { type: event.type, data: event.data } as TeamEvent);
    return state.kind === 'formed' ? teamView(state, event.revision) : null;
  },
  indexes: [
    ['campaignId', 'townshipCode'],
    ['campaignId', 'countyCode'],
    ['campaignId', 'cityCode'],
    ['campaignId', 'provinceCode'],
  ],
};
