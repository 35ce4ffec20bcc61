import type { HouseholdCommand } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent } from './household.events';
import type { RegisteredHousehold } from './household.state';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  addMember,
  DAUGHTER,
  FATHER,
  HEAD,
  HOUSEHOLD_ID,
  memberAdded,
  memberUpdated,
  registered,
  SPOUSE,
  TODAY,
  updateMember,
  withProfile,
} from '../testing/household.fixtures';

const spec = deciderSpecification(householdDecider);
const removed = (memberId: string): HouseholdEvent => ({
  type: 'MemberRemoved',
  data: { householdId: HOUSEHOLD_ID, memberId, reason: 'moved-out' },
});
const removeMember = (memberId: string): HouseholdCommand => ({
  type: 'RemoveMember',
  data: { memberId, reason: 'moved-out' },
  facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
});
const family = [registered, memberAdded(HEAD), memberAdded(SPOUSE), memberAdded(DAUGHTER)];

describe('AddMember', () => {
  it('given a registered household, when the head is added, then MemberAdded', () => {
    spec
      .given([registered])
      .when(addMember(HEAD))
      .thenEmits([memberAdded(HEAD)]);
  });

  it('normalises a lower-case x check character to X', () => {
    const lowerCase = { ...SPOUSE, personal: { ...SPOUSE.personal, residentId: '51192319700903022x' } };
    spec
      .given([registered, memberAdded(HEAD)])
      .when(addMember(lowerCase))
      .thenEmits([memberAdded(SPOUSE)]);
  });

  it('given the member was added, when the same member is added again (either spelling of X), then nothing happens', () => {
    spec.given(family).when(addMember(SPOUSE)).thenEmitsNothing();
    spec
      .given(family)
      .when(addMember({ ...SPOUSE, personal: { ...SPOUSE.personal, residentId: '51192319700903022x' } }))
      .thenEmitsNothing();
  });

  it('when the member id is taken by a different record, then it is refused', () => {
    spec
      .given(family)
      .when(addMember(withProfile(SPOUSE, { medicalInsuranceEnrolled: false })))
      .thenRejects({ code: 'member.member-id-taken', field: 'memberId' });
  });

  it('when the member id belonged to a removed member, then it is refused: ids are not reused', () => {
    spec
      .given([...family, removed(DAUGHTER.memberId)])
      .when(addMember(DAUGHTER))
      .thenRejects({ code: 'member.member-id-retired', field: 'memberId' });
  });

  it('when the first member is not the head, then it is refused', () => {
    spec
      .given([registered])
      .when(addMember(SPOUSE))
      .thenRejects({ code: 'member.head-required', field: 'profile.relationToHead' });
  });

  it('when a second head is added, then it is refused', () => {
    spec
      .given(family)
      .when(addMember(withProfile(FATHER, { relationToHead: 'head' })))
      .thenRejects({ code: 'member.head-already-exists', field: 'profile.relationToHead' });
  });

  it('when another member has the same resident ID, then it is refused', () => {
    const twin = { ...FATHER, personal: { ...FATHER.personal, residentId: DAUGHTER.personal.residentId } };
    spec
      .given(family)
      .when(addMember(twin))
      .thenRejects({ code: 'member.id-already-in-household', field: 'personal.residentId' });
  });

  it.each([
    ['a wrong check character', { residentId: '511923194201250158' }, {}, 'resident-id.check-character'],
    ['17 characters', { residentId: '51192319420125015' }, {}, 'resident-id.length'],
    ['a letter in the digits', { residentId: '5119231942O1250157' }, {}, 'resident-id.characters'],
    ['a birth date after today', {}, { today: '1942-01-24' }, 'resident-id.birth-date'],
  ] as const)('when the resident ID has %s, then it is refused', (_case, personal, facts, code) => {
    spec
      .given(family)
      .when(addMember({ ...FATHER, personal: { ...FATHER.personal, ...personal } }, facts))
      .thenRejects({ code, field: 'personal.residentId' });
  });

  it.each([
    ['an empty name', { personal: { ...FATHER.personal, name: '' } }, 'member.name-required', 'personal.name'],
    [
      'a name with a leading space',
      { personal: { ...FATHER.personal, name: ' 张老汉' } },
      'member.name-format',
      'personal.name',
    ],
    [
      'a name of 65 characters',
      { personal: { ...FATHER.personal, name: '张'.repeat(65) } },
      'member.name-format',
      'personal.name',
    ],
    ['an empty member id', { memberId: '' }, 'member.member-id-required', 'memberId'],
    [
      'disability grade 5',
      { profile: { ...FATHER.profile, health: { kind: 'disabled', grade: 5 } } },
      'member.disability-grade',
      'profile.health.grade',
    ],
    [
      'disability grade 0',
      { profile: { ...FATHER.profile, health: { kind: 'disabled', grade: 0 } } },
      'member.disability-grade',
      'profile.health.grade',
    ],
  ])('when the member has %s, then it is refused', (_case, change, code, field) => {
    spec
      .given(family)
      .when(addMember({ ...FATHER, ...change } as typeof FATHER))
      .thenRejects({ code, field });
  });

  it('accepts a name of 64 characters, and a minority name with a middle dot', () => {
    const long = { ...FATHER, personal: { ...FATHER.personal, name: '张'.repeat(64) } };
    spec
      .given(family)
      .when(addMember(long))
      .thenEmits([memberAdded(long)]);
    const dotted = { ...FATHER, personal: { ...FATHER.personal, name: '阿依古丽·买买提' } };
    spec
      .given(family)
      .when(addMember(dotted))
      .thenEmits([memberAdded(dotted)]);
  });

  it('reports every problem at once, and never the name or the ID in a message', () => {
    const bad = { ...FATHER, personal: { name: ' 张老汉', residentId: '511923194201250158' } };
    const error = spec
      .given(family)
      .when(addMember(bad))
      .thenRejects({ code: 'member.name-format', field: 'personal.name' });
    expect(error.problems.map((p) => p.code)).toEqual(['member.name-format', 'resident-id.check-character']);
    const text = JSON.stringify({ message: error.message, problems: error.problems });
    expect(text).not.toContain('张老汉');
    expect(text).not.toContain('511923');
  });
});

describe('UpdateMember', () => {
  it('when a member’s health changes, then MemberUpdated with the full record', () => {
    const ill = withProfile(SPOUSE, { health: { kind: 'serious-illness' } });
    spec
      .given(family)
      .when(updateMember(ill))
      .thenEmits([memberUpdated(ill)]);
  });

  it('when a mistyped resident ID is corrected, then MemberUpdated', () => {
    const corrected = { ...DAUGHTER, personal: { ...DAUGHTER.personal, residentId: '511923201006180248' } };
    // 51192320100618024: 35+9+10+45+16+12+4+0+6+0+0+54+10+40+0+8+8 = 257, 257 mod 11 = 4 → 8
    spec
      .given(family)
      .when(updateMember(corrected))
      .thenEmits([memberUpdated(corrected)]);
  });

  it('when the record is sent unchanged, then nothing happens', () => {
    spec.given(family).when(updateMember(SPOUSE)).thenEmitsNothing();
  });

  it('when the member is unknown or removed, then it is refused', () => {
    spec.given(family).when(updateMember(FATHER)).thenRejects({ code: 'member.not-found', field: 'memberId' });
    spec
      .given([...family, removed(DAUGHTER.memberId)])
      .when(updateMember(DAUGHTER))
      .thenRejects({ code: 'member.not-found', field: 'memberId' });
  });

  it('when the new resident ID is another member’s, then it is refused', () => {
    const clash = { ...DAUGHTER, personal: { ...DAUGHTER.personal, residentId: SPOUSE.personal.residentId } };
    spec
      .given(family)
      .when(updateMember(clash))
      .thenRejects({ code: 'member.id-already-in-household', field: 'personal.residentId' });
  });

  it('when the new resident ID is invalid, then it is refused', () => {
    const bad = { ...DAUGHTER, personal: { ...DAUGHTER.personal, residentId: '511923201006180265' } };
    spec
      .given(family)
      .when(updateMember(bad))
      .thenRejects({ code: 'resident-id.check-character', field: 'personal.residentId' });
  });

  it('when the head is demoted without a successor, then it is refused', () => {
    spec
      .given(family)
      .when(updateMember(withProfile(HEAD, { relationToHead: 'parent' })))
      .thenRejects({ code: 'member.head-required', field: 'profile.relationToHead' });
  });

  it('when the spouse becomes head, then both records change: the former head takes the given relation', () => {
    const newHead = withProfile(SPOUSE, { relationToHead: 'head' });
    spec
      .given(family)
      .when(updateMember(newHead, 'spouse'))
      .thenEmits([memberUpdated(newHead), memberUpdated(withProfile(HEAD, { relationToHead: 'spouse' }))]);
  });

  it('given the spouse became head, then the household has exactly one head, and the same command again does nothing', () => {
    const newHead = withProfile(SPOUSE, { relationToHead: 'head' });
    const history = [...family, memberUpdated(newHead), memberUpdated(withProfile(HEAD, { relationToHead: 'spouse' }))];
    const state = spec.given(history).state() as RegisteredHousehold;
    expect(state.members.filter((m) => m.profile.relationToHead === 'head').map((m) => m.memberId)).toEqual([
      SPOUSE.memberId,
    ]);
    spec.given(history).when(updateMember(newHead, 'spouse')).thenEmitsNothing();
  });

  it('when a member becomes head without the former head’s new relation, then it is refused', () => {
    const newHead = withProfile(SPOUSE, { relationToHead: 'head' });
    spec
      .given(family)
      .when(updateMember(newHead))
      .thenRejects({ code: 'member.former-head-relation', field: 'formerHeadRelation' });
    const stillHead = {
      ...updateMember(newHead),
      data: { ...newHead, formerHeadRelation: 'head' },
    } as unknown as HouseholdCommand;
    spec
      .given(family)
      .when(stillHead)
      .thenRejects({ code: 'member.former-head-relation', field: 'formerHeadRelation' });
  });
});

describe('RemoveMember', () => {
  it('when a member moves out, then MemberRemoved', () => {
    spec
      .given(family)
      .when(removeMember(DAUGHTER.memberId))
      .thenEmits([removed(DAUGHTER.memberId)]);
  });

  it('given the member was removed, when removed again, then nothing happens', () => {
    spec
      .given([...family, removed(DAUGHTER.memberId)])
      .when(removeMember(DAUGHTER.memberId))
      .thenEmitsNothing();
  });

  it('when the member never belonged to the household, then it is refused', () => {
    spec.given(family).when(removeMember(FATHER.memberId)).thenRejects({ code: 'member.not-found', field: 'memberId' });
  });

  it('when the member id is empty, then it is refused', () => {
    spec.given(family).when(removeMember('')).thenRejects({ code: 'member.member-id-required', field: 'memberId' });
  });

  it('when the head is removed while others remain, then it is refused', () => {
    spec
      .given(family)
      .when(removeMember(HEAD.memberId))
      .thenRejects({ code: 'member.head-required', field: 'memberId' });
  });

  it('when the head is the last member, then the head can be removed', () => {
    const history = [...family, removed(SPOUSE.memberId), removed(DAUGHTER.memberId)];
    spec
      .given(history)
      .when(removeMember(HEAD.memberId))
      .thenEmits([removed(HEAD.memberId)]);
  });

  it('given a member left, then the state keeps the others in order and remembers the id', () => {
    const state = spec.given([...family, removed(SPOUSE.memberId)]).state() as RegisteredHousehold;
    expect(state.members.map((m) => m.memberId)).toEqual([HEAD.memberId, DAUGHTER.memberId]);
    expect(state.removedMemberIds).toEqual([SPOUSE.memberId]);
  });
});
