import { inArea } from '@relapse-watch/access';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { EventStore } from '@relapse-watch/event-store-core';
import { campaignDecider, campaignStreamId } from '../domain/campaign/campaign.decider';
import type { CampaignEvent } from '../domain/campaign/campaign.events';
import type { LaunchedCampaignState, WorkingGroup } from '../domain/campaign/campaign.state';
import { parseCampaignId } from '../domain/campaign/campaign.values';
import { teamDecider, teamStreamId } from '../domain/team/team.decider';
import type { TeamEvent } from '../domain/team/team.events';
import { teamView, type TeamView } from '../read-model/teams/team-list.projection';
import type { TeamListQueries } from '../read-model/teams/team-list.queries';
import { authorizeRead } from './area-reads';
import { areaOfCaller, authorizeCaller, type Caller } from '@relapse-watch/access';

/** A campaign as officials read it: its terms, the policy of its launch day, its working groups. */
export type CampaignView = LaunchedCampaignState['campaign'] & {
  readonly status: 'open' | 'closed';
  readonly closed: LaunchedCampaignState['closed'];
  /** By unit code. */
  readonly workingGroups: readonly WorkingGroup[];
  /** Revision of the campaign stream, for `If-Match`. */
  readonly revision: number;
};

/** Dependencies of {@link InspectionQueries}. */
export interface InspectionQueryDeps {
  readonly events: EventStore;
  readonly teams: TeamListQueries;
}

/**
 * Reads of campaigns and teams. One campaign or one team is folded from its stream (always what
 * was last written); lists come from the team read model (`X-Min-Position` to read one's write).
 */
export class InspectionQueries {
  constructor(private readonly deps: InspectionQueryDeps) {}

  /** The campaign, or null when it was never launched; the caller's area must meet its province. */
  async campaign(campaignId: string, caller: Caller): Promise<CampaignView | null> {
    const scope = parseCampaignId(campaignId);
    authorizeRead(caller, 'inspection.read', `${scope?.provinceCode ?? '00'}0000000000`, 'campaignId');
    if (scope === null) return null;
    const { state, revision } = await fold(this.deps.events, campaignStreamId(campaignId), campaignDecider);
    if (state.kind === 'none') return null;
    return {
      ...state.campaign,
      status: state.kind,
      closed: state.closed,
      workingGroups: Object.values(state.workingGroups).sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
      revision,
    };
  }

  /** The team, or null when it was never formed; the caller must reach its township or one of its villages. */
  async team(teamId: string, caller: Caller): Promise<TeamView | null> {
    authorizeCaller(caller, 'inspection.read', undefined, 'teamId');
    const { state, revision } = await fold(this.deps.events, teamStreamId(teamId), teamDecider);
    if (state.kind === 'none') return null;
    const view = teamView(state, revision);
    if (!visibleTo(caller, view)) authorizeCaller(caller, 'inspection.read', view.townshipCode, 'teamId');
    return view;
  }

  /** The teams of a campaign in a unit that the caller may see (an inspector: the teams of their villages). */
  async teams(campaignId: string, unitCode: string, caller: Caller): Promise<readonly TeamView[]> {
    authorizeRead(caller, 'inspection.read', unitCode, 'unitCode');
    const teams = await this.deps.teams.teamsIn(campaignId, unitCode);
    return teams.filter((team) => visibleTo(caller, team));
  }
}

function visibleTo(caller: Caller, team: TeamView): boolean {
  const area = areaOfCaller(caller);
  return inArea(area, team.townshipCode) || team.villageCodes.some((v) => inArea(area, v));
}

/** A stream's state and the revision of its last event (-1 for an empty stream). */
async function fold<Event extends CampaignEvent | TeamEvent, State>(
  store: EventStore,
  streamId: string,
  decider: { evolve(state: State, event: Event): State; readonly initialState: State },
): Promise<{ state: State; revision: number }> {
  let state = decider.initialState;
  let revision = -1;
  for await (const stored of store.readStream(streamId) as AsyncIterable<StoredEvent>) {
    state = decider.evolve(state, { type: stored.type, data: stored.data } as Event);
    revision = stored.revision;
  }
  return { state, revision };
}
