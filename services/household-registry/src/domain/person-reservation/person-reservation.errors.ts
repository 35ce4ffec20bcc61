import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import { ReservationConflict, type ReservationHolder } from '../reservation/reservation-conflict.error';

// Messages name the field and the rule, never a value (see household.errors.ts).
const MESSAGES = {
  'person-reservation.key-format':
    '人员预留键须为身份证号码的加盐哈希（64位小写十六进制） / A person reservation is keyed by the salted hash of the resident ID (64 lower-case hex digits)',
  'person-reservation.household-id-required': '户ID不能为空 / The household id is required',
  'person-reservation.member-id-required': '成员ID不能为空 / The member id is required',
  'person-reservation.not-holder':
    '只有持有该身份证号码预留的户和成员才能释放预留 / Only the household and member holding a resident ID reservation can release it',
  'member.id-already-in-household':
    '该身份证号码已是其他户（或本户其他成员）的成员 / The resident ID already belongs to a member of another household, or to another member of this one',
} as const;

/** Rule codes of the person reservation. */
export type PersonReservationRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message. */
export const PERSON_RESERVATION_RULE_MESSAGES: Readonly<Record<PersonReservationRuleCode, string>> = MESSAGES;

/** The problem for a rule at a field. */
export function personReservationProblem(code: PersonReservationRuleCode, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule at a field. */
export function personReservationError(code: PersonReservationRuleCode, field: string): DomainError {
  return new DomainError(personReservationProblem(code, field));
}

/** The person is held by another household or member: `member.id-already-in-household`, with the holder. */
export function personHeldElsewhere(holder: ReservationHolder): ReservationConflict {
  return new ReservationConflict(
    personReservationProblem('member.id-already-in-household', 'personal.residentId'),
    holder,
  );
}
