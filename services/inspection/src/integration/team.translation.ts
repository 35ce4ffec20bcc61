import { assertNever } from '@relapse-watch/domain-kernel';
import type { TeamEvent } from '../domain/team/team.events';
import type { TeamState } from '../domain/team/team.state';

/** The whole team, as `InspectionTeamFormed.v1` and `InspectionTeamChanged.v1` carry it. */
export interface InspectionTeamData {
  readonly campaignId: string;
  readonly teamId: string;
  readonly name: string;
  readonly townshipCode: string | null;
  readonly villageCodes: readonly string[];
  readonly members: readonly { readonly userId: string; readonly role: string }[];
  readonly disbanded: boolean;
}

/** What an `InspectionTeamChanged` changed. */
export type TeamChange = 'members' | 'coverage' | 'disbanded';

/** A team event as published. */
export type TeamIntegrationEvent =
  | { readonly event: 'InspectionTeamFormed'; readonly data: InspectionTeamData }
  | { readonly event: 'InspectionTeamChanged'; readonly data: InspectionTeamData & { readonly changed: TeamChange } };

/**
 * The integration event a team event becomes, given the team *after* it (`teamDecider.evolve`):
 * always the whole team, so a subscriber (the gateway, for an inspector's villages) replaces what
 * it holds without history. Member ids are user ids, never names.
 */
export function translateTeamEvent(state: TeamState, event: TeamEvent): TeamIntegrationEvent | null {
  if (state.kind !== 'formed') return null;
  const team: InspectionTeamData = {
    campaignId: state.campaignId,
    teamId: state.teamId,
    name: state.name,
    townshipCode: state.townshipCode,
    villageCodes: state.villageCodes,
    members: state.members.map((m) => ({ userId: m.userId, role: m.role })),
    disbanded: state.disbanded !== null,
  };
  switch (event.type) {
    case 'TeamFormed':
      return { event: 'InspectionTeamFormed', data: team };
    case 'TeamMembersChanged':
      return { event: 'InspectionTeamChanged', data: { ...team, changed: 'members' } };
    case 'TeamCoverageChanged':
      return { event: 'InspectionTeamChanged', data: { ...team, changed: 'coverage' } };
    case 'TeamDisbanded':
      return { event: 'InspectionTeamChanged', data: { ...team, changed: 'disbanded' } };
    default:
      return assertNever(event, 'team event');
  }
}
