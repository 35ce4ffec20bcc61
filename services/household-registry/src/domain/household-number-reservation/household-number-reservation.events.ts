import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { HouseholdNumberReservationData } from './household-number-reservation.commands';

/** The village's household number now belongs to the household. */
export type HouseholdNumberReserved = DomainEvent<'HouseholdNumberReserved', HouseholdNumberReservationData>;

/** The village's household number is free again. */
export type HouseholdNumberReleased = DomainEvent<'HouseholdNumberReleased', HouseholdNumberReservationData>;

/** Every event of the household-number reservation. */
export type HouseholdNumberReservationEvent = HouseholdNumberReserved | HouseholdNumberReleased;
