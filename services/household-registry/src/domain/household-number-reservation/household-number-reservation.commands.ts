/** What both commands carry: the (village, number) pair and the household acting on it. */
export interface HouseholdNumberReservationData {
  /** 12-digit code of a village-tier division. */
  readonly villageCode: string;
  /** The household number on the village register (户编号). */
  readonly householdNumber: string;
  readonly householdId: string;
}

/** Reserve a household number in a village for a household, before registering it. */
export interface ReserveHouseholdNumber {
  readonly type: 'ReserveHouseholdNumber';
  readonly data: HouseholdNumberReservationData;
}

/** Release the number: registering the household failed after the reservation. */
export interface ReleaseHouseholdNumber {
  readonly type: 'ReleaseHouseholdNumber';
  readonly data: HouseholdNumberReservationData;
}

/** Every command of the household-number reservation. */
export type HouseholdNumberReservationCommand = ReserveHouseholdNumber | ReleaseHouseholdNumber;
