import { residentIdHash } from '@relapse-watch/domain-kernel';
import { foldStream, handleCommand, type CommandContext, type CommandResult } from '@relapse-watch/event-store-core';
import type { RemoveMember, UpdateMember } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import { residentIdOf } from '../domain/household/member.values';
import {
  personReservationDecider,
  personReservationStreamId,
} from '../domain/person-reservation/person-reservation.decider';
import { isHeldBy } from '../domain/person-reservation/person-reservation.state';
import { addMember, type RegistryHandlerDeps } from './add-member.handler';

type HouseholdResult = CommandResult<HouseholdEvent, HouseholdState>;

/**
 * Updates a member. When the resident ID changes (a typing error corrected in the field), the
 * new person is reserved first, exactly as for an added member — so a correction cannot give
 * one person two households — and the old person's reservation is released once the household
 * shows the new ID. The release is by state: repeating it is a no-op, and a crash before it
 * leaves the old ID reserved for this member until the same command is sent again.
 */
export async function updateMember(
  deps: RegistryHandlerDeps,
  householdId: string,
  command: UpdateMember,
  ctx: CommandContext,
): Promise<HouseholdResult> {
  const before = await currentResidentId(deps, householdId, command.data.memberId);
  // Both spellings of the check character X name one person (the state keeps it upper-case).
  const after = command.data.personal.residentId.toUpperCase();
  if (before === null || before === after) {
    return handleCommand(deps.store, householdStreamId(householdId), householdDecider, command, ctx);
  }
  // The reservation step of addMember, then the update instead of the add.
  const result = await addMember(deps, householdId, command, ctx);
  await releasePerson(deps, householdId, command.data.memberId, before, ctx);
  return result;
}

/**
 * Removes a member and then frees the person for another household (a daughter married out is
 * registered in her new household next). The household is changed first: releasing first would
 * let another household take the person while this one still lists them.
 */
export async function removeMember(
  deps: RegistryHandlerDeps,
  householdId: string,
  command: RemoveMember,
  ctx: CommandContext,
): Promise<HouseholdResult> {
  const residentId = await currentResidentId(deps, householdId, command.data.memberId);
  const result = await handleCommand(deps.store, householdStreamId(householdId), householdDecider, command, ctx);
  if (residentId !== null) await releasePerson(deps, householdId, command.data.memberId, residentId, ctx);
  return result;
}

async function currentResidentId(
  deps: RegistryHandlerDeps,
  householdId: string,
  memberId: string,
): Promise<string | null> {
  const state = await foldStream(deps.store, householdStreamId(householdId), householdDecider);
  if (state.kind !== 'registered') return null;
  const member = state.members.find((m) => m.memberId === memberId);
  return member === undefined ? null : residentIdOf(member.personal);
}

async function releasePerson(
  deps: RegistryHandlerDeps,
  householdId: string,
  memberId: string,
  residentId: string,
  ctx: CommandContext,
): Promise<void> {
  const personKey = residentIdHash(residentId, deps.residentIdSalt);
  const streamId = personReservationStreamId(personKey);
  const release = { type: 'ReleasePerson' as const, data: { personKey, householdId, memberId } };
  // Without the idempotency key: its event ids on this stream belong to a reservation, and a
  // release is idempotent by state. Only the holder may release; anyone else's hold stays.
  const state = await foldStream(deps.store, streamId, personReservationDecider);
  if (!isHeldBy(state, { householdId, memberId })) return;
  await handleCommand(deps.store, streamId, personReservationDecider, release, { ...ctx, idempotencyKey: undefined });
}
