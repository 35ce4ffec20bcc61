import { assertNever, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { Decider, DomainEvent } from '@relapse-watch/event-store-core';

// A user's villages through each inspection team they are on: their area as a village
// inspector is the union (access rules of issue 10, design-11.md).

/** Record the villages a user holds through one team (none: they left it, or it was disbanded). */
export interface RecordTeamVillages {
  readonly type: 'RecordTeamVillages';
  readonly data: { readonly userId: string; readonly teamId: string; readonly villageCodes: readonly string[] };
}

/** The villages the user holds through the team changed. */
export type TeamVillagesRecorded = DomainEvent<'TeamVillagesRecorded', RecordTeamVillages['data']>;

/** By team id, the villages the user holds through it (teams giving none are dropped). */
export type InspectorCoverageState = Readonly<Record<string, readonly string[]>>;

/** The user's villages through all their teams: the union, sorted. */
export function coveredVillages(state: InspectorCoverageState): readonly string[] {
  return [...new Set(Object.values(state).flat())].sort();
}

function decide(command: RecordTeamVillages, state: InspectorCoverageState): readonly TeamVillagesRecorded[] {
  const { userId, teamId } = command.data;
  const problems: DomainProblem[] = [];
  for (const [field, value] of [
    ['userId', userId],
    ['teamId', teamId],
  ] as const)
    if (typeof value !== 'string' || value.trim() === '')
      problems.push({ code: 'inspector-coverage.id-required', field, message: 'ID不能为空 / The id is required' });
  throwIfAny(problems);
  const villageCodes = [...new Set(command.data.villageCodes)].sort();
  if ((state[teamId] ?? []).join() === villageCodes.join()) return [];
  return [{ type: 'TeamVillagesRecorded', data: { userId, teamId, villageCodes } }];
}

function evolve(state: InspectorCoverageState, event: TeamVillagesRecorded): InspectorCoverageState {
  switch (event.type) {
    case 'TeamVillagesRecorded': {
      const { [event.data.teamId]: _dropped, ...others } = state;
      return event.data.villageCodes.length === 0
        ? others
        : { ...others, [event.data.teamId]: event.data.villageCodes };
    }
    default:
      return assertNever(event.type, 'inspector coverage event');
  }
}

/** A user's coverage stream: `gateway-inspectorcoverage-<userId>`. */
export function inspectorCoverageStreamId(userId: string): string {
  return `gateway-inspectorcoverage-${userId}`;
}

/** A user's villages by team as a decider: the same villages again record nothing. */
export const inspectorCoverageDecider: Decider<RecordTeamVillages, TeamVillagesRecorded, InspectorCoverageState> = {
  decide,
  evolve,
  initialState: {},
};
