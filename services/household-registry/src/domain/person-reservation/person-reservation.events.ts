import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { PersonReservationData } from './person-reservation.commands';

// Internal events: pseudonymous (the key is a salted hash), no personal data.

/** The person now belongs to this household member; nobody else can add them. */
export type PersonReserved = DomainEvent<'PersonReserved', PersonReservationData>;

/** The person no longer belongs to the household member and can be added elsewhere. */
export type PersonReleased = DomainEvent<'PersonReleased', PersonReservationData>;

/** Every event of the person reservation. */
export type PersonReservationEvent = PersonReserved | PersonReleased;
