import { atField, DomainError, parseResidentId, residentIdHash } from '@relapse-watch/domain-kernel';
import {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { AddMember, UpdateMember } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import {
  personReservationDecider,
  personReservationStreamId,
} from '../domain/person-reservation/person-reservation.decider';
import { isHeldBy } from '../domain/person-reservation/person-reservation.state';
import { reserveThen } from './reserve-then';

/** What the registry's command handlers need besides the command. */
export interface RegistryHandlerDeps {
  readonly store: EventStore;
  /** Deployment secret from configuration: the key of `residentIdHash` for reservation streams. */
  readonly residentIdSalt: string;
}

/**
 * Adds a member to a household, one person in one household at a time: reserves the person
 * (stream `registry-person-<residentIdHash>`), then appends to the household, releasing the
 * person if the household refuses (see {@link reserveThen} for the crash window). A person held
 * elsewhere is refused with `member.id-already-in-household` (a `ReservationConflict` naming the
 * holding household). An `UpdateMember` that changes the ID goes the same way (see `updateMember`).
 */
export async function addMember(
  deps: RegistryHandlerDeps,
  householdId: string,
  command: AddMember | UpdateMember,
  ctx: CommandContext,
): Promise<CommandResult<HouseholdEvent, HouseholdState>> {
  // The hash needs a valid, normalised ID (both spellings of X reserve one person); the
  // household decider would refuse the same problems, only after a needless reservation.
  const parsed = parseResidentId(command.data.personal.residentId, { today: command.facts.today });
  if (!parsed.ok) throw DomainError.of(mapProblems(parsed.problems));
  const holder = { householdId, memberId: command.data.memberId };
  const data = { personKey: residentIdHash(parsed.residentId.value, deps.residentIdSalt), ...holder };
  return reserveThen(
    deps.store,
    {
      streamId: personReservationStreamId(data.personKey),
      decider: personReservationDecider,
      reserve: { type: 'ReservePerson', data },
      release: { type: 'ReleasePerson', data },
      isHeld: (state) => isHeldBy(state, holder),
    },
    ctx,
    () => handleCommand(deps.store, householdStreamId(householdId), householdDecider, command, ctx),
  );
}

function mapProblems<P extends { code: string; message: string }>(problems: readonly [P, ...P[]]) {
  const [first, ...rest] = problems;
  return [atField(first, 'personal.residentId'), ...rest.map((p) => atField(p, 'personal.residentId'))] as const;
}
