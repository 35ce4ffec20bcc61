import {
  inspectionTeamChangedV1,
  inspectionTeamFormedV1,
  type InspectionTeamChangedV1,
  type InspectionTeamFormedV1,
  type InspectionTeamV1,
} from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { TeamEvent } from '../domain/team/team.events';
import type { TeamState } from '../domain/team/team.state';
import type { IntegrationEvent } from './integration-event';

/** A team event as published. */
export type TeamIntegrationEvent = IntegrationEvent<InspectionTeamFormedV1> | IntegrationEvent<InspectionTeamChangedV1>;

/**
 * The integration event a team event becomes, given the team *after* it (`teamDecider.evolve`):
 * always the whole team, so a subscriber (the gateway, for an inspector's villages) replaces what
 * it holds without history. Member ids are user ids, never names.
 */
export function translateTeamEvent(state: TeamState, event: TeamEvent): TeamIntegrationEvent | null {
  if (state.kind !== 'formed') return null;
  const team: InspectionTeamV1 = {
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
      return { contract: inspectionTeamFormedV1, data: team };
    case 'TeamMembersChanged':
      return { contract: inspectionTeamChangedV1, data: { ...team, changed: 'members' } };
    case 'TeamCoverageChanged':
      return { contract: inspectionTeamChangedV1, data: { ...team, changed: 'coverage' } };
    case 'TeamDisbanded':
      return { contract: inspectionTeamChangedV1, data: { ...team, changed: 'disbanded' } };
    default:
      return assertNever(event, 'team event');
  }
}
