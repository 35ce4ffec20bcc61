import { assertNever, atField, parseDivisionCode, type DomainProblem } from '@relapse-watch/domain-kernel';
import { householdProblem, throwIfAny } from '../household/household.errors';
import { checkId, checkText } from '../household/household.validation';
import type {
  HouseholdNumberReservationCommand,
  HouseholdNumberReservationData,
} from './household-number-reservation.commands';
import { notHolderError, numberHeldElsewhere } from './household-number-reservation.errors';
import type { HouseholdNumberReservationEvent } from './household-number-reservation.events';
import type { HouseholdNumberReservationState } from './household-number-reservation.state';

// The same input rules as RegisterHousehold, so a pair that reserves is one the household accepts.
function checked(data: HouseholdNumberReservationData): HouseholdNumberReservationData {
  const problems: DomainProblem[] = [];
  checkId(data.householdId, 'household.id-required', 'householdId', problems);
  const village = parseDivisionCode(data.villageCode);
  if (!village.ok) problems.push(atField(village.problem, 'villageCode'));
  else if (village.tier !== 'village') problems.push(householdProblem('household.village-code-tier', 'villageCode'));
  checkText(
    data.householdNumber,
    { required: 'household.number-required', format: 'household.number-format' },
    'householdNumber',
    problems,
  );
  throwIfAny(problems);
  return { villageCode: data.villageCode, householdNumber: data.householdNumber, householdId: data.householdId };
}

/**
 * Decides a household-number reservation: a number is unique within its village (issue 4),
 * reserving it for its holder again is a no-op, for another household it is refused; only the
 * holder releases it, and repeating that release is a no-op.
 */
export function decide(
  command: HouseholdNumberReservationCommand,
  state: HouseholdNumberReservationState,
): readonly HouseholdNumberReservationEvent[] {
  const data = checked(command.data);
  switch (command.type) {
    case 'ReserveHouseholdNumber':
      if (state.kind === 'free') return [{ type: 'HouseholdNumberReserved', data }];
      if (state.householdId === data.householdId) return [];
      throw numberHeldElsewhere(state.householdId);
    case 'ReleaseHouseholdNumber':
      if (state.kind === 'held' && state.householdId === data.householdId)
        return [{ type: 'HouseholdNumberReleased', data }];
      if (state.kind === 'free' && state.lastHolder === data.householdId) return [];
      throw notHolderError();
    default:
      return assertNever(command, 'household number reservation command');
  }
}
