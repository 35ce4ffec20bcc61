import { assertNever, DomainError, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { Decider, DomainEvent } from '@relapse-watch/event-store-core';
import { teamProblem } from '../team/team.errors';

// One small aggregate in one file: two commands, two events, a two-state fold.

/** A village of a campaign held by a team. */
export interface VillageReservationData {
  readonly campaignId: string;
  readonly villageCode: string;
  readonly teamId: string;
}

/** Reserve a village of a campaign for a team, before the team shows it. */
export interface ReserveVillage {
  readonly type: 'ReserveVillage';
  readonly data: VillageReservationData;
}

/** Release it: the team no longer covers it (changed, disbanded) or taking it failed after the reservation. */
export interface ReleaseVillage {
  readonly type: 'ReleaseVillage';
  readonly data: VillageReservationData;
}

/** Every command of the village reservation. */
export type VillageReservationCommand = ReserveVillage | ReleaseVillage;

/** Internal events of the village reservation; its stream is never published. */
export type VillageReservationEvent =
  DomainEvent<'VillageReserved', VillageReservationData> | DomainEvent<'VillageReleased', VillageReservationData>;

/** State of one village of a campaign; `lastHolder` makes the holder's repeated release a no-op. */
export type VillageReservationState =
  { readonly kind: 'free'; readonly lastHolder: string | null } | { readonly kind: 'held'; readonly teamId: string };

/** Who holds the village: the team id, an internal id an official needs to resolve the clash. */
export class VillageHeldByAnotherTeam extends DomainError {
  constructor(
    problem: DomainProblem,
    /** The team that covers the village. */
    readonly holderTeamId: string,
  ) {
    super(problem);
    this.name = 'VillageHeldByAnotherTeam';
  }
}

const MESSAGES = {
  'village-reservation.not-holder':
    '只有负责该村的工作队才能释放该村 / Only the team covering a village can release it',
  'village-reservation.input':
    '村预留须有排查ID、村级代码和工作队ID / A village reservation needs a campaign id, a village code and a team id',
} as const;

function checked(data: VillageReservationData): VillageReservationData {
  const problems: DomainProblem[] = [];
  for (const field of ['campaignId', 'villageCode', 'teamId'] as const)
    if (typeof data[field] !== 'string' || data[field].trim() === '')
      problems.push({ code: 'village-reservation.input', field, message: MESSAGES['village-reservation.input'] });
  throwIfAny(problems);
  return { campaignId: data.campaignId, villageCode: data.villageCode, teamId: data.teamId };
}

/**
 * One team per village per campaign (issue 11: a village without a team is overdue, a village
 * with two has no one answerable): reserving for the holder again is a no-op, for another team it
 * is refused naming the holder; only the holder releases, and repeating that is a no-op.
 */
function decide(
  command: VillageReservationCommand,
  state: VillageReservationState,
): readonly VillageReservationEvent[] {
  const data = checked(command.data);
  switch (command.type) {
    case 'ReserveVillage':
      if (state.kind === 'free') return [{ type: 'VillageReserved', data }];
      if (state.teamId === data.teamId) return [];
      throw new VillageHeldByAnotherTeam(teamProblem('team.village-covered', 'villageCodes'), state.teamId);
    case 'ReleaseVillage':
      if (state.kind === 'held' && state.teamId === data.teamId) return [{ type: 'VillageReleased', data }];
      if (state.kind === 'free' && state.lastHolder === data.teamId) return [];
      throw new DomainError({
        code: 'village-reservation.not-holder',
        field: 'teamId',
        message: MESSAGES['village-reservation.not-holder'],
      });
    default:
      return assertNever(command, 'village reservation command');
  }
}

function evolve(state: VillageReservationState, event: VillageReservationEvent): VillageReservationState {
  switch (event.type) {
    case 'VillageReserved':
      return { kind: 'held', teamId: event.data.teamId };
    case 'VillageReleased':
      return { kind: 'free', lastHolder: event.data.teamId };
    default:
      return assertNever(event, 'village reservation event');
  }
}

/** Prefix of a village reservation stream: private, never published by the relay. */
export const VILLAGE_RESERVATION_STREAM_PREFIX = 'inspection-village-';

/** The reservation stream of a village in a campaign: `inspection-village-<campaignId>-<villageCode>`. */
export function villageReservationStreamId(campaignId: string, villageCode: string): string {
  return `${VILLAGE_RESERVATION_STREAM_PREFIX}${campaignId}-${villageCode}`;
}

/** The village reservation as a decider: two teams claiming one village race on one stream, one wins. */
export const villageReservationDecider: Decider<
  VillageReservationCommand,
  VillageReservationEvent,
  VillageReservationState
> = { decide, evolve, initialState: { kind: 'free', lastHolder: null } };
