import type { Decider } from '@relapse-watch/event-store-core';
import type { PersonReservationCommand } from './person-reservation.commands';
import { decide } from './person-reservation.decide';
import type { PersonReservationEvent } from './person-reservation.events';
import { evolve, initialState, type PersonReservationState } from './person-reservation.state';

/** Prefix of a person's reservation stream: `registry-person-<personKey>`. */
export const PERSON_RESERVATION_STREAM_PREFIX = 'registry-person-';

/** The reservation stream of a person, by the salted hash of their resident ID (`residentIdHash`). */
export function personReservationStreamId(personKey: string): string {
  return `${PERSON_RESERVATION_STREAM_PREFIX}${personKey}`;
}

/**
 * The person reservation as a decider: one stream per person, so two households adding the same
 * person race on one stream and the event store's expected revision lets exactly one win.
 */
export const personReservationDecider: Decider<
  PersonReservationCommand,
  PersonReservationEvent,
  PersonReservationState
> = {
  decide,
  evolve,
  initialState,
};
