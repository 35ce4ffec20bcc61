import type { Decider } from '@relapse-watch/event-store-core';
import type { HouseholdNumberReservationCommand } from './household-number-reservation.commands';
import { decide } from './household-number-reservation.decide';
import type { HouseholdNumberReservationEvent } from './household-number-reservation.events';
import { evolve, initialState, type HouseholdNumberReservationState } from './household-number-reservation.state';

/** Prefix of a household number's reservation stream: `registry-household-number-<village>-<number>`. */
export const HOUSEHOLD_NUMBER_STREAM_PREFIX = 'registry-household-number-';

/**
 * The reservation stream of a household number in a village. The village code has a fixed 12
 * digits, so the name is unambiguous whatever the number holds; household numbers are register
 * numbers, not personal data, so they may appear in stream names.
 */
export function householdNumberStreamId(villageCode: string, householdNumber: string): string {
  return `${HOUSEHOLD_NUMBER_STREAM_PREFIX}${villageCode}-${householdNumber}`;
}

/** The household-number reservation as a decider: two concurrent registrations of one number race on one stream. */
export const householdNumberReservationDecider: Decider<
  HouseholdNumberReservationCommand,
  HouseholdNumberReservationEvent,
  HouseholdNumberReservationState
> = {
  decide,
  evolve,
  initialState,
};
