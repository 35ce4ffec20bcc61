import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { addMember, HEAD, HOUSEHOLD_ID, memberAdded, registered, SPOUSE, TODAY } from '../testing/household.fixtures';
import type { ErasePersonalData, HouseholdCommand } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent, HouseholdPersonalDataErased, MemberAdded } from './household.events';
import { ERASED_MEMBER_PERSONAL } from './member.values';

const spec = deciderSpecification(householdDecider);
const ADMIN = { userId: 'admin-0001', role: 'administrator' };
const NOW = '2024-08-21T03:00:00.000Z';

const erase = (reason = 'PIPL art. 47 request 2024-17'): ErasePersonalData => ({
  type: 'ErasePersonalData',
  data: { reason },
  facts: { now: NOW, erasedBy: ADMIN },
});
const erased: HouseholdPersonalDataErased = {
  type: 'HouseholdPersonalDataErased',
  data: { householdId: HOUSEHOLD_ID, reason: 'PIPL art. 47 request 2024-17', erasedBy: ADMIN, erasedAt: NOW },
};
const family = [registered, memberAdded(HEAD), memberAdded(SPOUSE)];

describe('ErasePersonalData', () => {
  it('given a household with members, when erased, then who, when and why are recorded, without personal data', () => {
    spec.given(family).when(erase()).thenEmits([erased]);
    const [event] = householdDecider.decide(erase(), spec.given(family).state());
    expect(JSON.stringify(event)).not.toContain(HEAD.personal.name);
    expect(JSON.stringify(event)).not.toContain(HEAD.personal.residentId);
  });

  it('given it was erased, when erased again, then nothing happens (the first record stands)', () => {
    spec
      .given([...family, erased])
      .when(erase('another reason'))
      .thenEmitsNothing();
  });

  it('refuses an unregistered household', () => {
    spec.given([]).when(erase()).thenRejects({ code: 'household.not-registered' });
  });

  it.each(['', '   ', 'x'.repeat(501), 'line\nbreak'])('refuses the reason %j', (reason) => {
    spec.given(family).when(erase(reason)).thenRejects({ code: 'household.erasure-reason', field: 'reason' });
  });

  it('given it was erased, then every other command is refused', () => {
    const commands: HouseholdCommand[] = [
      addMember({ ...HEAD, memberId: 'm-new' }),
      { type: 'SetFlags', data: { relocatedToResettlementSite: true, urbanHukou: false } },
      {
        type: 'RemoveMember',
        data: { memberId: HEAD.memberId, reason: 'moved-out' },
        facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
      },
    ];
    for (const command of commands)
      spec
        .given([...family, erased])
        .when(command)
        .thenRejects({ code: 'household.personal-data-erased' });
  });
});

describe('the state after an erasure', () => {
  it('shows every member as erased and keeps every other fact', () => {
    const before = spec.given(family).state();
    const after = spec.given([...family, erased]).state();
    if (before.kind !== 'registered' || after.kind !== 'registered') throw new Error('not registered');
    expect(after.members.map((m) => m.personal)).toEqual([ERASED_MEMBER_PERSONAL, ERASED_MEMBER_PERSONAL]);
    expect(after.members.map((m) => m.profile)).toEqual(before.members.map((m) => m.profile));
    expect(after.personalDataErasedAt).toBe(NOW);
    const { members: _a, personalDataErasedAt: _b, ...restAfter } = after;
    const { members: _c, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
  });

  it('is the same when the events are read after the key was destroyed (a replay)', () => {
    const unreadable = (event: MemberAdded): HouseholdEvent => ({
      ...event,
      data: { ...event.data, personal: { $erased: true, erasedAt: '2024-08-21T03:00:00.010Z' } },
    });
    const replayed = spec
      .given([registered, unreadable(memberAdded(HEAD)), unreadable(memberAdded(SPOUSE)), erased])
      .state();
    expect(replayed).toEqual(spec.given([...family, erased]).state());
  });
});
