import {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { RegisterHousehold } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import {
  householdNumberReservationDecider,
  householdNumberStreamId,
} from '../domain/household-number-reservation/household-number-reservation.decider';
import { reserveThen } from './reserve-then';

/**
 * Registers a household with a number unique in its village: reserves (village, number) on
 * `registry-household-number-<village>-<number>`, then appends `HouseholdRegistered`, releasing
 * the number if the household refuses (see {@link reserveThen}). The reservation is the
 * uniqueness check, so `facts.householdNumberInUse` is passed on as given (false once reserved
 * unless the caller knows better, e.g. from an index of numbers registered before reservations).
 */
export async function registerHousehold(
  store: EventStore,
  command: RegisterHousehold,
  ctx: CommandContext,
): Promise<CommandResult<HouseholdEvent, HouseholdState>> {
  const { villageCode, householdNumber, householdId } = command.data;
  const data = { villageCode, householdNumber, householdId };
  return reserveThen(
    store,
    {
      streamId: householdNumberStreamId(villageCode, householdNumber),
      decider: householdNumberReservationDecider,
      reserve: { type: 'ReserveHouseholdNumber', data },
      release: { type: 'ReleaseHouseholdNumber', data },
      isHeld: (state) => state.kind === 'held' && state.householdId === householdId,
    },
    ctx,
    () => handleCommand(store, householdStreamId(householdId), householdDecider, command, ctx),
  );
}
