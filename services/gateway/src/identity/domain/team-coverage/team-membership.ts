import { assertNever, DomainError, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { Decider, DomainEvent } from '@relapse-watch/event-store-core';

// The gateway's memory of one inspection team: who was on it and what it covered, so that a
// member who leaves (the next team message no longer lists them) loses the team's villages.

/** Record a team as its latest message says. */
export interface RecordTeamMembership {
  readonly type: 'RecordTeamMembership';
  readonly data: {
    readonly teamId: string;
    readonly memberIds: readonly string[];
    readonly villageCodes: readonly string[];
    /** False once disbanded: its members keep no village through it. */
    readonly active: boolean;
  };
}

/** The team as recorded, with the members the previous record had and this one has not. */
export type TeamMembershipRecorded = DomainEvent<
  'TeamMembershipRecorded',
  RecordTeamMembership['data'] & { readonly formerMemberIds: readonly string[] }
>;

/** State: the team as last recorded, or nothing yet. */
export type TeamMembershipState = RecordTeamMembership['data'] | null;

/** The villages a user holds through the team as it stands: its villages for a member of an active team. */
export function villagesThrough(team: RecordTeamMembership['data'], userId: string): readonly string[] {
  return team.active && team.memberIds.includes(userId) ? team.villageCodes : [];
}

function decide(command: RecordTeamMembership, state: TeamMembershipState): readonly TeamMembershipRecorded[] {
  const { teamId, memberIds, villageCodes, active } = command.data;
  const problems: DomainProblem[] = [];
  if (typeof teamId !== 'string' || teamId.trim() === '')
    problems.push({
      code: 'team-membership.team-id-required',
      field: 'teamId',
      message: '工作队ID不能为空 / The team id is required',
    });
  throwIfAny(problems);
  const data = {
    teamId,
    memberIds: [...new Set(memberIds)].sort(),
    villageCodes: [...new Set(villageCodes)].sort(),
    active,
  };
  if (state !== null && state.teamId !== teamId)
    throw new DomainError({
      code: 'team-membership.team-mismatch',
      field: 'teamId',
      message: '工作队ID与记录不符 / The team id is not this record’s',
    });
  if (
    state !== null &&
    state.active === data.active &&
    state.memberIds.join() === data.memberIds.join() &&
    state.villageCodes.join() === data.villageCodes.join()
  )
    return [];
  const formerMemberIds = (state?.memberIds ?? []).filter((id) => !data.memberIds.includes(id));
  return [{ type: 'TeamMembershipRecorded', data: { ...data, formerMemberIds } }];
}

function evolve(_state: TeamMembershipState, event: TeamMembershipRecorded): TeamMembershipState {
  switch (event.type) {
    case 'TeamMembershipRecorded': {
      const { teamId, memberIds, villageCodes, active } = event.data;
      return { teamId, memberIds, villageCodes, active };
    }
    default:
      return assertNever(event.type, 'team membership event');
  }
}

/** The gateway's record of an inspection team: stream `gateway-teammembership-<teamId>`. */
export function teamMembershipStreamId(teamId: string): string {
  return `gateway-teammembership-${teamId}`;
}

/** The team membership record as a decider: a repeated message records nothing. */
export const teamMembershipDecider: Decider<RecordTeamMembership, TeamMembershipRecorded, TeamMembershipState> = {
  decide,
  evolve,
  initialState: null,
};
