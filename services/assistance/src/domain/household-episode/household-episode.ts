import { assertNever, DomainError, type IsoDate } from '@relapse-watch/domain-kernel';
import type { Decider } from '@relapse-watch/event-store-core';

/**
 * The household's episodes of monitoring, one case at a time (stream `assistance-household-<householdId>`):
 * the one place that says which case a new lead belongs to. Two leads for one household that arrive
 * together (a warning and an inspection finding) both read the stream; only one append wins at its
 * revision, and the other, retried, finds the new case and adds its lead to it.
 */
export const HOUSEHOLD_EPISODE_STREAM_PREFIX = 'assistance-household-';

/** The episode stream of a household. */
export function householdEpisodeStreamId(householdId: string): string {
  return `${HOUSEHOLD_EPISODE_STREAM_PREFIX}${householdId}`;
}

/** A new case becomes the household's current one; the previous one, if any, has ended. */
export interface HouseholdCaseAssigned {
  readonly type: 'HouseholdCaseAssigned';
  readonly data: {
    readonly householdId: string;
    readonly caseId: string;
    readonly previousCaseId: string | null;
    readonly on: IsoDate;
  };
}

/** The events of a household's episodes. */
export type HouseholdEpisodeEvent = HouseholdCaseAssigned;

/** Make `caseId` the household's current case. */
export interface AssignCase {
  readonly type: 'AssignCase';
  readonly data: { readonly householdId: string; readonly caseId: string; readonly on: IsoDate };
  /** Whether the current case still runs (the handler read it): a running case takes the lead itself. */
  readonly facts: { readonly currentCaseRunning: boolean };
}

/**
 * Make an imported case (its history in the national system) the household's first episode.
 * Only a household without any case here takes one: a case opened here is newer than the
 * national record, and the import must not put an older history behind it.
 */
export interface AssignImportedCase {
  readonly type: 'AssignImportedCase';
  /** `on`: the day the national system identified the household. */
  readonly data: { readonly householdId: string; readonly caseId: string; readonly on: IsoDate };
}

/** The commands of a household's episodes. */
export type HouseholdEpisodeCommand = AssignCase | AssignImportedCase;

/** The household's current case and every case it had, oldest first. */
export interface HouseholdEpisodeState {
  readonly currentCaseId: string | null;
  readonly caseIds: readonly string[];
}

const initialState: HouseholdEpisodeState = { currentCaseId: null, caseIds: [] };

function decide(command: HouseholdEpisodeCommand, state: HouseholdEpisodeState): readonly HouseholdEpisodeEvent[] {
  switch (command.type) {
    case 'AssignCase':
      return assignCase(command, state);
    case 'AssignImportedCase':
      return assignImportedCase(command, state);
    default:
      return assertNever(command, 'household episode command');
  }
}

function assignCase(command: AssignCase, state: HouseholdEpisodeState): readonly HouseholdEpisodeEvent[] {
  const { householdId, caseId, on } = command.data;
  if (state.currentCaseId === caseId) return [];
  if (state.currentCaseId !== null && command.facts.currentCaseRunning)
    throw new DomainError({
      code: 'household-episode.case-running',
      field: 'householdId',
      message: `该户已有进行中的监测案件 ${state.currentCaseId} / the household already has a running case, ${state.currentCaseId}`,
    });
  return [{ type: 'HouseholdCaseAssigned', data: { householdId, caseId, previousCaseId: state.currentCaseId, on } }];
}

function assignImportedCase(
  command: AssignImportedCase,
  state: HouseholdEpisodeState,
): readonly HouseholdEpisodeEvent[] {
  const { householdId, caseId, on } = command.data;
  if (state.caseIds.includes(caseId)) return [];
  if (state.currentCaseId !== null)
    throw new DomainError({
      code: 'household-episode.has-case',
      field: 'householdId',
      message: `该户在本系统已有监测案件 ${state.currentCaseId}，不能再导入国家系统的记录 / the household already has a case in this system, ${state.currentCaseId}; the national record cannot be imported behind it`,
    });
  return [{ type: 'HouseholdCaseAssigned', data: { householdId, caseId, previousCaseId: null, on } }];
}

function evolve(state: HouseholdEpisodeState, event: HouseholdEpisodeEvent): HouseholdEpisodeState {
  return { currentCaseId: event.data.caseId, caseIds: [...state.caseIds, event.data.caseId] };
}

/** A household's episodes as a decider. */
export const householdEpisodeDecider: Decider<HouseholdEpisodeCommand, HouseholdEpisodeEvent, HouseholdEpisodeState> = {
  decide,
  evolve,
  initialState,
};
