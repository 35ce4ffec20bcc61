import { assertNever, DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { PersonReservationCommand, PersonReservationData } from './person-reservation.commands';
import { personHeldElsewhere, personReservationError, personReservationProblem } from './person-reservation.errors';
import type { PersonReservationEvent } from './person-reservation.events';
import { sameHolder, type PersonReservationState } from './person-reservation.state';

/** A hex HMAC-SHA256 as `residentIdHash` makes it; refusing anything else keeps raw IDs out of stream names. */
const PERSON_KEY = /^[0-9a-f]{64}$/;

function checked(data: PersonReservationData): PersonReservationData {
  const problems: DomainProblem[] = [];
  if (typeof data.personKey !== 'string' || !PERSON_KEY.test(data.personKey))
    problems.push(personReservationProblem('person-reservation.key-format', 'personKey'));
  if (typeof data.householdId !== 'string' || data.householdId.trim() === '')
    problems.push(personReservationProblem('person-reservation.household-id-required', 'householdId'));
  if (typeof data.memberId !== 'string' || data.memberId.trim() === '')
    problems.push(personReservationProblem('person-reservation.member-id-required', 'memberId'));
  const [first, ...rest] = problems;
  if (first !== undefined) throw DomainError.of([first, ...rest]);
  // Field by field, so nothing else a caller adds to the command reaches the event.
  return { personKey: data.personKey, householdId: data.householdId, memberId: data.memberId };
}

/**
 * Decides a reservation command. One person is in one household at a time (issue 4): reserving
 * for the holder again is a no-op, for anyone else it is refused with the holder attached;
 * releasing is the holder's alone, and repeating the holder's release is a no-op.
 */
export function decide(
  command: PersonReservationCommand,
  state: PersonReservationState,
): readonly PersonReservationEvent[] {
  const data = checked(command.data);
  switch (command.type) {
    case 'ReservePerson':
      if (state.kind === 'free') return [{ type: 'PersonReserved', data }];
      if (sameHolder(state.holder, data)) return [];
      throw personHeldElsewhere({ householdId: state.holder.householdId, memberId: state.holder.memberId });
    case 'ReleasePerson':
      if (state.kind === 'held' && sameHolder(state.holder, data)) return [{ type: 'PersonReleased', data }];
      if (state.kind === 'free' && sameHolder(state.lastHolder, data)) return [];
      throw personReservationError('person-reservation.not-holder', 'householdId');
    default:
      return assertNever(command, 'person reservation command');
  }
}
