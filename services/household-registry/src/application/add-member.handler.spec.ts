import { afterAll, beforeAll } from '@jest/globals';
import { DomainError, residentIdHash } from '@relapse-watch/domain-kernel';
import { handleCommand } from '@relapse-watch/event-store-core';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { householdStreamId } from '../domain/household/household.decider';
import {
  personReservationDecider,
  personReservationStreamId,
} from '../domain/person-reservation/person-reservation.decider';
import { ReservationConflict } from '../domain/reservation/reservation-conflict.error';
import {
  addMember as addMemberCommand,
  HEAD,
  registerHousehold as registerCommand,
  SPOUSE,
} from '../domain/testing/household.fixtures';
import { addMember } from './add-member.handler';
import { registerHousehold } from './register-household.handler';
import { commandContext, openTestStore, readAll, typesOf } from './testing/handler-test-store';

const SALT = 'test-salt-0123456789abcdef';
let harness: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
let deps: { store: SqliteEventStore; residentIdSalt: string };
beforeAll(() => {
  harness = openTestStore();
  store = harness.store;
  deps = { store, residentIdSalt: SALT };
});
afterAll(() => harness.dispose());

// Each test makes its own households and people, so tests run in any order on one store.
async function newHousehold(id: string): Promise<void> {
  await registerHousehold(store, registerCommand({ householdId: id, householdNumber: `no-${id}` }), commandContext());
}
const personStream = (residentId: string) => personReservationStreamId(residentIdHash(residentId, SALT));
// Resident IDs below were checked by hand (GB 11643 MOD 11-2, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2):
// 51192319800101001·: 35+9+10+45+16+12+2+9+48+0+0+9+0+5+0+0+2 = 202, 202 mod 11 = 4 → 8; sequence 002 adds 2
// (204 → 6 → 6), 003 adds 4 (206 → 8 → 4), 004 adds 6 (208 → 10 → 2).
/** A head born 1975-03-09 (011): 35+9+10+45+16+12+2+9+42+15+0+27+0+45+0+4+2 = 273, 273 mod 11 = 9 → 3. */
const OTHER_HEAD = { ...HEAD, memberId: 'm-other', personal: { name: '王建国', residentId: '511923197503090113' } };

describe('addMember', () => {
  it('reserves the person under the salted hash, then adds the member', async () => {
    await newHousehold('hh-add-1');
    const result = await addMember(deps, 'hh-add-1', addMemberCommand(HEAD), commandContext());
    expect(result.events.map((e) => e.type)).toEqual(['MemberAdded']);
    const reservation = await readAll(store, personStream(HEAD.personal.residentId));
    expect(reservation.map((e) => [e.type, e.data])).toEqual([
      [
        'PersonReserved',
        { personKey: residentIdHash(HEAD.personal.residentId, SALT), householdId: 'hh-add-1', memberId: HEAD.memberId },
      ],
    ]);
    expect(JSON.stringify(reservation)).not.toContain(HEAD.personal.residentId);
  });

  it('two concurrent adds of one person to different households: exactly one wins', async () => {
    await Promise.all([newHousehold('hh-race-a'), newHousehold('hh-race-b')]);
    const outcomes = await Promise.allSettled([
      addMember(deps, 'hh-race-a', addMemberCommand(OTHER_HEAD), commandContext()),
      addMember(deps, 'hh-race-b', addMemberCommand(OTHER_HEAD), commandContext()),
    ]);
    const won = outcomes.map((o) => o.status === 'fulfilled');
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = won[0] ? 'hh-race-a' : 'hh-race-b';
    const loser = won[0] ? 'hh-race-b' : 'hh-race-a';
    const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(ReservationConflict);
    expect({ code: refusal.reason.code, holder: refusal.reason.holder }).toEqual({
      code: 'member.id-already-in-household',
      holder: { householdId: winner, memberId: OTHER_HEAD.memberId },
    });
    expect(await typesOf(store, personStream(OTHER_HEAD.personal.residentId))).toEqual(['PersonReserved']);
    expect(await typesOf(store, householdStreamId(winner))).toEqual(['HouseholdRegistered', 'MemberAdded']);
    expect(await typesOf(store, householdStreamId(loser))).toEqual(['HouseholdRegistered']);
  });

  it('releases the person when the household refuses the member, so another household can add them', async () => {
    const spouseAsOther = { ...SPOUSE, memberId: 'm-spouse-rel' };
    await Promise.all([newHousehold('hh-rel-a'), newHousehold('hh-rel-b')]);
    // The first member must be the head: the household refuses a spouse first.
    await expect(addMember(deps, 'hh-rel-a', addMemberCommand(spouseAsOther), commandContext())).rejects.toMatchObject({
      code: 'member.head-required',
    });
    expect(await typesOf(store, personStream(SPOUSE.personal.residentId))).toEqual([
      'PersonReserved',
      'PersonReleased',
    ]);
    const asHead = { ...spouseAsOther, profile: { ...SPOUSE.profile, relationToHead: 'head' as const } };
    await addMember(deps, 'hh-rel-b', addMemberCommand(asHead), commandContext());
    expect(await typesOf(store, personStream(SPOUSE.personal.residentId))).toEqual([
      'PersonReserved',
      'PersonReleased',
      'PersonReserved',
    ]);
  });

  it('refuses an invalid resident ID before reserving anything', async () => {
    await newHousehold('hh-bad-id');
    const badId = { ...HEAD, memberId: 'm-bad', personal: { ...HEAD.personal, residentId: '511923196804120319' } };
    const error = await addMember(deps, 'hh-bad-id', addMemberCommand(badId), commandContext()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: (error as DomainError).code, field: (error as DomainError).field }).toEqual({
      code: 'resident-id.check-character',
      field: 'personal.residentId',
    });
    expect(await typesOf(store, personStream('511923196804120319'))).toEqual([]);
  });

  it('a crash after the reservation: the retry with the same idempotency key completes the add', async () => {
    await newHousehold('hh-crash');
    const person = { ...HEAD, memberId: 'm-crash', personal: { name: '赵一', residentId: '511923198001010018' } };
    const ctx = commandContext({ idempotencyKey: 'add-crash-1' });
    const data = {
      personKey: residentIdHash(person.personal.residentId, SALT),
      householdId: 'hh-crash',
      memberId: 'm-crash',
    };
    // What the handler's first step did before the process died.
    await handleCommand(
      store,
      personStream(person.personal.residentId),
      personReservationDecider,
      { type: 'ReservePerson', data },
      ctx,
    );
    expect(await typesOf(store, householdStreamId('hh-crash'))).toEqual(['HouseholdRegistered']);

    const retry = await addMember(deps, 'hh-crash', addMemberCommand(person), ctx);
    expect(retry.events.map((e) => e.type)).toEqual(['MemberAdded']);
    expect(await typesOf(store, householdStreamId('hh-crash'))).toEqual(['HouseholdRegistered', 'MemberAdded']);
    expect(await typesOf(store, personStream(person.personal.residentId))).toEqual(['PersonReserved']);

    const again = await addMember(deps, 'hh-crash', addMemberCommand(person), ctx);
    expect(again.replayed).toBe(true);
    expect(await typesOf(store, householdStreamId('hh-crash'))).toEqual(['HouseholdRegistered', 'MemberAdded']);
  });

  it('a retry with the key of an attempt that was refused and released reserves afresh', async () => {
    await newHousehold('hh-stale');
    const head = { ...HEAD, memberId: 'm-stale-head', personal: { name: '钱二', residentId: '511923198001010026' } };
    const spouse = {
      ...SPOUSE,
      memberId: 'm-stale-spouse',
      personal: { name: '孙三', residentId: '511923198001010034' },
    };
    const ctx = commandContext({ idempotencyKey: 'add-stale-spouse' });
    await expect(addMember(deps, 'hh-stale', addMemberCommand(spouse), ctx)).rejects.toMatchObject({
      code: 'member.head-required',
    });
    await addMember(deps, 'hh-stale', addMemberCommand(head), commandContext());
    await addMember(deps, 'hh-stale', addMemberCommand(spouse), ctx);
    expect(await typesOf(store, personStream(spouse.personal.residentId))).toEqual([
      'PersonReserved',
      'PersonReleased',
      'PersonReserved',
    ]);
    expect(await typesOf(store, householdStreamId('hh-stale'))).toEqual([
      'HouseholdRegistered',
      'MemberAdded',
      'MemberAdded',
    ]);
  });

  it('re-sending an add that succeeded keeps the reservation even when the household refuses the re-send', async () => {
    await newHousehold('hh-keep');
    const head = { ...HEAD, memberId: 'm-keep', personal: { name: '李四', residentId: '511923198001010042' } };
    await addMember(deps, 'hh-keep', addMemberCommand(head), commandContext());
    // Same member id, different record: the household refuses, the person stays reserved.
    const changed = { ...head, profile: { ...head.profile, medicalInsuranceEnrolled: false } };
    await expect(addMember(deps, 'hh-keep', addMemberCommand(changed), commandContext())).rejects.toMatchObject({
      code: 'member.member-id-taken',
    });
    expect(await typesOf(store, personStream(head.personal.residentId))).toEqual(['PersonReserved']);
  });
});
