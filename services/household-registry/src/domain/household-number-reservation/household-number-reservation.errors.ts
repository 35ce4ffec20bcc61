import { DomainError } from '@relapse-watch/domain-kernel';
import { householdProblem } from '../household/household.errors';
import { ReservationConflict } from '../reservation/reservation-conflict.error';

const NOT_HOLDER_MESSAGE =
  '只有持有该户编号预留的户才能释放预留 / Only the household holding a household number reservation can release it';

/** Rule codes of the household-number reservation besides the household's own input rules. */
export type HouseholdNumberReservationRuleCode = 'household-number-reservation.not-holder';

/** Every own rule code with its `中文 / English` message. */
export const HOUSEHOLD_NUMBER_RESERVATION_RULE_MESSAGES: Readonly<Record<HouseholdNumberReservationRuleCode, string>> =
  {
    'household-number-reservation.not-holder': NOT_HOLDER_MESSAGE,
  };

/** A release by a household that does not hold the number. */
export function notHolderError(): DomainError {
  return new DomainError({
    code: 'household-number-reservation.not-holder',
    field: 'householdId',
    message: NOT_HOLDER_MESSAGE,
  });
}

/** The number is held by another household of the village: the household's own `household.number-in-use`, with the holder. */
export function numberHeldElsewhere(householdId: string): ReservationConflict {
  return new ReservationConflict(householdProblem('household.number-in-use', 'householdNumber'), { householdId });
}
