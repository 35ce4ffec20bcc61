import { assertNever } from '@relapse-watch/domain-kernel';
import type { PersonReservationHolder } from './person-reservation.commands';
import type { PersonReservationEvent } from './person-reservation.events';

/**
 * State of one person's reservation. `lastHolder` of a free person lets the holder's release be
 * repeated as a no-op (a retried compensation) while anyone else's release is refused.
 */
export type PersonReservationState =
  | { readonly kind: 'free'; readonly lastHolder: PersonReservationHolder | null }
  | { readonly kind: 'held'; readonly holder: PersonReservationHolder };

/** The state of an empty stream: nobody ever held the person. */
export const initialState: PersonReservationState = { kind: 'free', lastHolder: null };

/** Folds one event into the state. */
export function evolve(state: PersonReservationState, event: PersonReservationEvent): PersonReservationState {
  switch (event.type) {
    case 'PersonReserved':
      return { kind: 'held', holder: { householdId: event.data.householdId, memberId: event.data.memberId } };
    case 'PersonReleased':
      return { kind: 'free', lastHolder: { householdId: event.data.householdId, memberId: event.data.memberId } };
    default:
      return assertNever(event, 'person reservation event');
  }
}

/** Whether the household member is the one holding the person. */
export function isHeldBy(state: PersonReservationState, holder: PersonReservationHolder): boolean {
  return state.kind === 'held' && sameHolder(state.holder, holder);
}

/** Whether two holders are the same household member. */
export function sameHolder(a: PersonReservationHolder | null, b: PersonReservationHolder): boolean {
  return a !== null && a.householdId === b.householdId && a.memberId === b.memberId;
}
