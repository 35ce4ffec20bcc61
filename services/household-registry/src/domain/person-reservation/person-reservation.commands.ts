/** Who a person is reserved for: a member of a household. */
export interface PersonReservationHolder {
  readonly householdId: string;
  readonly memberId: string;
}

/** What both commands carry: the person's key and the household member acting on it. */
export interface PersonReservationData extends PersonReservationHolder {
  /** `residentIdHash(residentId, salt)`: the handler hashes; the raw number never reaches this stream. */
  readonly personKey: string;
}

/** Reserve a person for a member of a household, before the member is added there. */
export interface ReservePerson {
  readonly type: 'ReservePerson';
  readonly data: PersonReservationData;
}

/** Release a person: the member left the household, or adding them failed after the reservation. */
export interface ReleasePerson {
  readonly type: 'ReleasePerson';
  readonly data: PersonReservationData;
}

/** Every command of the person reservation. */
export type PersonReservationCommand = ReservePerson | ReleasePerson;
