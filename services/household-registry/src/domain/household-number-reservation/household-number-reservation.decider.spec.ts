import { ReservationConflict } from '../reservation/reservation-conflict.error';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { HOUSEHOLD_NUMBER, VILLAGE_CODE } from '../testing/household.fixtures';
import type {
  HouseholdNumberReservationCommand,
  HouseholdNumberReservationData,
} from './household-number-reservation.commands';
import { householdNumberReservationDecider, householdNumberStreamId } from './household-number-reservation.decider';
import type { HouseholdNumberReservationEvent } from './household-number-reservation.events';

const spec = deciderSpecification(householdNumberReservationDecider);
const mine: HouseholdNumberReservationData = {
  villageCode: VILLAGE_CODE,
  householdNumber: HOUSEHOLD_NUMBER,
  householdId: 'hh-a',
};
const theirs: HouseholdNumberReservationData = { ...mine, householdId: 'hh-b' };
const reserve = (data: HouseholdNumberReservationData): HouseholdNumberReservationCommand => ({
  type: 'ReserveHouseholdNumber',
  data,
});
const release = (data: HouseholdNumberReservationData): HouseholdNumberReservationCommand => ({
  type: 'ReleaseHouseholdNumber',
  data,
});
const reserved = (data: HouseholdNumberReservationData): HouseholdNumberReservationEvent => ({
  type: 'HouseholdNumberReserved',
  data,
});
const released = (data: HouseholdNumberReservationData): HouseholdNumberReservationEvent => ({
  type: 'HouseholdNumberReleased',
  data,
});

describe('household number stream', () => {
  it('is registry-household-number-<village>-<number>', () => {
    expect(householdNumberStreamId('511923100201', '0012')).toBe('registry-household-number-511923100201-0012');
  });
});

describe('ReserveHouseholdNumber', () => {
  it('given a free number, when reserved, then HouseholdNumberReserved', () => {
    spec
      .given([])
      .when(reserve(mine))
      .thenEmits([reserved(mine)]);
  });

  it('given the household holds the number, when it reserves again, then nothing happens', () => {
    spec
      .given([reserved(mine)])
      .when(reserve(mine))
      .thenEmitsNothing();
  });

  it('given another household holds the number, when reserved, then household.number-in-use naming the holder', () => {
    const error = spec
      .given([reserved(theirs)])
      .when(reserve(mine))
      .thenRejects({ code: 'household.number-in-use', field: 'householdNumber' });
    expect((error as ReservationConflict).holder).toEqual({ householdId: 'hh-b' });
  });

  it('given the number was released, when another household reserves it, then HouseholdNumberReserved', () => {
    spec
      .given([reserved(theirs), released(theirs)])
      .when(reserve(mine))
      .thenEmits([reserved(mine)]);
  });

  it.each([
    ['a township code', { villageCode: '511923100000' }, 'household.village-code-tier', 'villageCode'],
    ['a malformed code', { villageCode: '5119231002' }, 'division-code.format', 'villageCode'],
    ['a blank number', { householdNumber: '' }, 'household.number-required', 'householdNumber'],
    ['a number with a surrounding space', { householdNumber: ' 0012' }, 'household.number-format', 'householdNumber'],
    ['a blank household id', { householdId: '' }, 'household.id-required', 'householdId'],
  ])('when given %s, then it is refused', (_, override, code, field) => {
    spec
      .given([])
      .when(reserve({ ...mine, ...override }))
      .thenRejects({ code, field });
  });
});

describe('ReleaseHouseholdNumber', () => {
  it('given the household holds the number, when it releases, then HouseholdNumberReleased', () => {
    spec
      .given([reserved(mine)])
      .when(release(mine))
      .thenEmits([released(mine)]);
  });

  it('given the household released the number, when it releases again, then nothing happens', () => {
    spec
      .given([reserved(mine), released(mine)])
      .when(release(mine))
      .thenEmitsNothing();
  });

  it('given another household holds the number, when released, then household-number-reservation.not-holder', () => {
    spec
      .given([reserved(theirs)])
      .when(release(mine))
      .thenRejects({ code: 'household-number-reservation.not-holder', field: 'householdId' });
  });

  it('given a number never reserved, when released, then household-number-reservation.not-holder', () => {
    spec
      .given([])
      .when(release(mine))
      .thenRejects({ code: 'household-number-reservation.not-holder', field: 'householdId' });
  });
});
