import { ReservationConflict } from '../reservation/reservation-conflict.error';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { PersonReservationCommand, PersonReservationData } from './person-reservation.commands';
import { personReservationDecider, personReservationStreamId } from './person-reservation.decider';
import type { PersonReservationEvent } from './person-reservation.events';

const spec = deciderSpecification(personReservationDecider);
const KEY = '3f'.repeat(32);
const mine: PersonReservationData = { personKey: KEY, householdId: 'hh-a', memberId: 'm-1' };
const otherHousehold: PersonReservationData = { personKey: KEY, householdId: 'hh-b', memberId: 'm-9' };
const otherMemberSameHousehold: PersonReservationData = { personKey: KEY, householdId: 'hh-a', memberId: 'm-2' };
const reserve = (data: PersonReservationData): PersonReservationCommand => ({ type: 'ReservePerson', data });
const release = (data: PersonReservationData): PersonReservationCommand => ({ type: 'ReleasePerson', data });
const reserved = (data: PersonReservationData): PersonReservationEvent => ({ type: 'PersonReserved', data });
const released = (data: PersonReservationData): PersonReservationEvent => ({ type: 'PersonReleased', data });

describe('person reservation stream', () => {
  it('is registry-person-<hash>', () => {
    expect(personReservationStreamId(KEY)).toBe(`registry-person-${KEY}`);
  });
});

describe('ReservePerson', () => {
  it('given nobody ever held the person, when reserved, then PersonReserved', () => {
    spec
      .given([])
      .when(reserve(mine))
      .thenEmits([reserved(mine)]);
  });

  it('given the person was released, when another household reserves, then PersonReserved', () => {
    spec
      .given([reserved(mine), released(mine)])
      .when(reserve(otherHousehold))
      .thenEmits([reserved(otherHousehold)]);
  });

  it('given the member holds the person, when the same member reserves again, then nothing happens', () => {
    spec
      .given([reserved(mine)])
      .when(reserve(mine))
      .thenEmitsNothing();
  });

  it('given another household holds the person, when reserved, then member.id-already-in-household naming the holder', () => {
    const error = spec
      .given([reserved(mine)])
      .when(reserve(otherHousehold))
      .thenRejects({ code: 'member.id-already-in-household', field: 'personal.residentId' });
    expect(error).toBeInstanceOf(ReservationConflict);
    expect((error as ReservationConflict).holder).toEqual({ householdId: 'hh-a', memberId: 'm-1' });
  });

  it('given another member of the same household holds the person, when reserved, then it is refused too', () => {
    spec
      .given([reserved(mine)])
      .when(reserve(otherMemberSameHousehold))
      .thenRejects({ code: 'member.id-already-in-household', field: 'personal.residentId' });
  });

  it('when the key is not a 64-digit lower-case hex hash (e.g. a raw ID), then it is refused', () => {
    spec
      .given([])
      .when(reserve({ ...mine, personKey: '511923196804120318' }))
      .thenRejects({ code: 'person-reservation.key-format', field: 'personKey' });
    spec
      .given([])
      .when(reserve({ ...mine, personKey: KEY.toUpperCase() }))
      .thenRejects({ code: 'person-reservation.key-format', field: 'personKey' });
  });

  it('when the household or member id is blank, then it is refused with every problem', () => {
    const error = spec
      .given([])
      .when(reserve({ ...mine, householdId: ' ', memberId: '' }))
      .thenRejects({ code: 'person-reservation.household-id-required', field: 'householdId' });
    expect(error.problems.map((p) => p.code)).toEqual([
      'person-reservation.household-id-required',
      'person-reservation.member-id-required',
    ]);
  });

  it('copies only the reservation fields into the event', () => {
    const padded = { ...mine, name: '张德明' } as PersonReservationData;
    spec
      .given([])
      .when(reserve(padded))
      .thenEmits([reserved(mine)]);
  });
});

describe('ReleasePerson', () => {
  it('given the member holds the person, when the member releases, then PersonReleased', () => {
    spec
      .given([reserved(mine)])
      .when(release(mine))
      .thenEmits([released(mine)]);
  });

  it('given the member released the person, when the member releases again, then nothing happens', () => {
    spec
      .given([reserved(mine), released(mine)])
      .when(release(mine))
      .thenEmitsNothing();
  });

  it('given another household holds the person, when released, then person-reservation.not-holder', () => {
    spec
      .given([reserved(mine)])
      .when(release(otherHousehold))
      .thenRejects({ code: 'person-reservation.not-holder', field: 'householdId' });
  });

  it('given nobody ever held the person, when released, then person-reservation.not-holder', () => {
    spec.given([]).when(release(mine)).thenRejects({ code: 'person-reservation.not-holder', field: 'householdId' });
  });

  it('given someone else released the person last, when released, then person-reservation.not-holder', () => {
    spec
      .given([reserved(otherHousehold), released(otherHousehold)])
      .when(release(mine))
      .thenRejects({ code: 'person-reservation.not-holder', field: 'householdId' });
  });
});

describe('evolve', () => {
  it('a reservation then a release leaves the person free with the last holder kept', () => {
    expect(spec.given([reserved(mine), released(mine)]).state()).toEqual({
      kind: 'free',
      lastHolder: { householdId: 'hh-a', memberId: 'm-1' },
    });
  });
});
