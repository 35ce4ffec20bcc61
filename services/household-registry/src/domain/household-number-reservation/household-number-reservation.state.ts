import { assertNever } from '@relapse-watch/domain-kernel';
import type { HouseholdNumberReservationEvent } from './household-number-reservation.events';

/** State of one (village, number) pair; `lastHolder` makes the holder's repeated release a no-op. */
export type HouseholdNumberReservationState =
  | { readonly kind: 'free'; readonly lastHolder: string | null }
  | { readonly kind: 'held'; readonly householdId: string };

/** The state of an empty stream. */
export const initialState: HouseholdNumberReservationState = { kind: 'free', lastHolder: null };

/** Folds one event into the state. */
export function evolve(
  state: HouseholdNumberReservationState,
  event: HouseholdNumberReservationEvent,
): HouseholdNumberReservationState {
  switch (event.type) {
    case 'HouseholdNumberReserved':
      return { kind: 'held', householdId: event.data.householdId };
    case 'HouseholdNumberReleased':
      return { kind: 'free', lastHolder: event.data.householdId };
    default:
      return assertNever(event, 'household number reservation event');
  }
}
