import type { Decider } from '@relapse-watch/event-store-core';
import type { TeamCommand } from './team.commands';
import { decide } from './team.decide';
import type { TeamEvent } from './team.events';
import { evolve, initialState, type TeamState } from './team.state';

/** Prefix of a team stream: `inspection-team-<teamId>`. */
export const TEAM_STREAM_PREFIX = 'inspection-team-';

/** The stream of a team. */
export function teamStreamId(teamId: string): string {
  return `${TEAM_STREAM_PREFIX}${teamId}`;
}

/** The team aggregate (members in four roles covering villages of a township) as a decider. */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = { decide, evolve, initialState };
