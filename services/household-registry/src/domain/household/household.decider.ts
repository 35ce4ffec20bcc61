import type { Decider } from '@relapse-watch/event-store-core';
import type { HouseholdCommand } from './household.commands';
import { decide } from './household.decide';
import type { HouseholdEvent } from './household.events';
import { evolve, initialState, type HouseholdState } from './household.state';

/** Prefix of a household's stream name: `registry-household-<householdId>` (DESIGN.md "Event sourcing"). */
export const HOUSEHOLD_STREAM_PREFIX = 'registry-household-';

/** The stream of one household. */
export function householdStreamId(householdId: string): string {
  return `${HOUSEHOLD_STREAM_PREFIX}${householdId}`;
}

/**
 * The Household aggregate as a decider, for `handleCommand`. Not its job, and so the command
 * handler's: turning `now` into `facts.today`, looking up whether a household number is taken in
 * the village and whether an ID's division prefix is known, and reserving each resident ID in
 * its own stream (keyed by `residentIdHash`) so one person is in one household at a time.
 */
export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  decide,
  evolve,
  initialState,
};
