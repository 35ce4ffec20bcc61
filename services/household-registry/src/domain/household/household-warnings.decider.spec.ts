import type { HouseholdCommand, Record3Plus1Status } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent } from './household.events';
import type { HouseholdWarning } from './household-warning.catalogue';
import type { HouseholdMember } from './household.state';
import type { ThreePlusOneStatus } from './household.values';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  addMember,
  DAUGHTER,
  HEAD,
  HOUSEHOLD_ID,
  memberAdded,
  memberUpdated,
  registered,
  registerHousehold,
  SPOUSE,
  TODAY,
  updateMember,
  VILLAGE_CODE,
  withProfile,
} from '../testing/household.fixtures';

const spec = deciderSpecification(householdDecider);

const raised = (warning: HouseholdWarning): HouseholdEvent => ({
  type: 'HouseholdWarningRaised',
  data: { householdId: HOUSEHOLD_ID, ...warning },
});
const cleared = (warning: HouseholdWarning): HouseholdEvent => ({
  type: 'HouseholdWarningCleared',
  data: { householdId: HOUSEHOLD_ID, ...warning },
});

/** A member whose ID starts with 999999, which was never a division: weighted sum 524, mod 11 = 7 → 5. */
const INCOMER: HouseholdMember = {
  ...withProfile(SPOUSE, { relationToHead: 'child-in-law' }),
  memberId: 'm-incomer',
  personal: { name: '王芳', residentId: '999999199003070135' },
};
const unknownPrefix: HouseholdWarning = {
  rule: 'resident-id.division-unknown',
  field: 'personal.residentId',
  evidence: { memberId: 'm-incomer', registrationPrefix: '999999' },
};

describe('warning: resident-id.division-unknown', () => {
  const family = [registered, memberAdded(HEAD)];

  it('given a household, when a member with an unknown prefix is added, then the member is recorded and the warning raised', () => {
    spec
      .given(family)
      .when(addMember(INCOMER, { registrationDivisionKnown: false }))
      .thenEmits([memberAdded(INCOMER), raised(unknownPrefix)]);
  });

  const withWarning = [...family, memberAdded(INCOMER), raised(unknownPrefix)];

  it('is open on the household until cleared', () => {
    const state = spec.given(withWarning).state();
    expect(state.kind === 'registered' && state.warnings).toEqual([unknownPrefix]);
  });

  it('clears when the ID is corrected to a known prefix', () => {
    const corrected = { ...INCOMER, personal: { ...INCOMER.personal, residentId: '511923199003070131' } }; // weighted sum 264, mod 11 = 0 → 1
    spec
      .given(withWarning)
      .when(updateMember(corrected))
      .thenEmits([memberUpdated(corrected), cleared(unknownPrefix)]);
  });

  it('clears when the member leaves the household', () => {
    spec
      .given(withWarning)
      .when({
        type: 'RemoveMember',
        data: { memberId: 'm-incomer', reason: 'moved-out' },
        facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
      })
      .thenEmits([
        { type: 'MemberRemoved', data: { householdId: HOUSEHOLD_ID, memberId: 'm-incomer', reason: 'moved-out' } },
        cleared(unknownPrefix),
      ]);
  });

  it('stays open through commands that do not look the prefix up again', () => {
    spec
      .given(withWarning)
      .when({ type: 'SetFlags', data: { relocatedToResettlementSite: false, urbanHukou: true } })
      .thenEmits([
        {
          type: 'HouseholdFlagsChanged',
          data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: false, urbanHukou: true } },
        },
      ]);
  });

  it('a re-sent command is a no-op: no warning events either', () => {
    spec
      .given(withWarning)
      .when(addMember(INCOMER, { registrationDivisionKnown: false }))
      .thenEmitsNothing();
  });
});

const secured: ThreePlusOneStatus = {
  foodAndClothingSecured: true,
  compulsoryEducationSecured: true,
  medicalInsuranceCovered: true,
  housingGrade: 'B',
  drinkingWaterSafe: true,
};
const record3Plus1 = (status: ThreePlusOneStatus): Record3Plus1Status => ({
  type: 'Record3Plus1Status',
  data: status,
  facts: { today: TODAY },
});
const recorded3Plus1 = (status: ThreePlusOneStatus): HouseholdEvent => ({
  type: 'ThreePlusOneStatusRecorded',
  data: { householdId: HOUSEHOLD_ID, threePlusOne: status },
});

describe('warning: schooling.compulsory-education-contradicted', () => {
  // DAUGHTER is 14 on TODAY (born 2010-06-18).
  const droppedOut = withProfile(DAUGHTER, { schooling: 'dropped-out' });
  const contradiction: HouseholdWarning = {
    rule: 'schooling.compulsory-education-contradicted',
    field: 'threePlusOne.compulsoryEducationSecured',
    evidence: { memberId: 'm-daughter', age: 14, schooling: 'dropped-out' },
  };
  const family = [registered, memberAdded(HEAD), memberAdded(droppedOut)];

  it('is raised when "3+1" says compulsory education is secured while a 14-year-old has dropped out', () => {
    spec
      .given(family)
      .when(record3Plus1(secured))
      .thenEmits([recorded3Plus1(secured), raised(contradiction)]);
  });

  it('is raised the other way round too: the child recorded as out of school after the assessment', () => {
    spec
      .given([registered, memberAdded(HEAD), memberAdded(DAUGHTER), recorded3Plus1(secured)])
      .when(updateMember(withProfile(DAUGHTER, { schooling: 'not-in-school' })))
      .thenEmits([
        memberUpdated(withProfile(DAUGHTER, { schooling: 'not-in-school' })),
        raised({ ...contradiction, evidence: { ...contradiction.evidence, schooling: 'not-in-school' } }),
      ]);
  });

  const open = [...family, recorded3Plus1(secured), raised(contradiction)];

  it('clears when the assessment says education is not secured', () => {
    const notSecured = { ...secured, compulsoryEducationSecured: false };
    spec
      .given(open)
      .when(record3Plus1(notSecured))
      .thenEmits([recorded3Plus1(notSecured), cleared(contradiction)]);
  });

  it('clears when the child is back in school', () => {
    spec
      .given(open)
      .when(updateMember(DAUGHTER))
      .thenEmits([memberUpdated(DAUGHTER), cleared(contradiction)]);
  });

  it('is not raised for a 16-year-old out of school (compulsory education ends at 15)', () => {
    spec
      .given(family)
      .when({ ...record3Plus1(secured), facts: { today: '2026-06-18' } })
      .thenEmits([recorded3Plus1(secured)]);
  });
});

describe('warning: schooling.age-mismatch', () => {
  // HEAD is 56 on TODAY (born 1968-04-12).
  const headInPrimary = withProfile(HEAD, { schooling: 'primary' });
  const mismatch: HouseholdWarning = {
    rule: 'schooling.age-mismatch',
    field: 'profile.schooling',
    evidence: { memberId: 'm-head', age: 56, schooling: 'primary' },
  };
  /** A grandchild of 3 (born 2021-03-05; weighted sum 216, mod 11 = 7 → 5). */
  const toddler: HouseholdMember = {
    ...withProfile(DAUGHTER, { relationToHead: 'grandchild', schooling: 'junior-secondary' }),
    memberId: 'm-toddler',
    personal: { name: '张小宝', residentId: '511923202103050415' },
  };

  it('is raised for a 56-year-old in primary school', () => {
    spec
      .given([registered, memberAdded(HEAD)])
      .when(updateMember(headInPrimary))
      .thenEmits([memberUpdated(headInPrimary), raised(mismatch)]);
  });

  it('is raised for a 3-year-old in junior secondary school', () => {
    spec
      .given([registered, memberAdded(HEAD)])
      .when(addMember(toddler))
      .thenEmits([
        memberAdded(toddler),
        raised({
          rule: 'schooling.age-mismatch',
          field: 'profile.schooling',
          evidence: { memberId: 'm-toddler', age: 3, schooling: 'junior-secondary' },
        }),
      ]);
  });

  it('clears when the stage is corrected', () => {
    spec
      .given([registered, memberAdded(HEAD), memberUpdated(headInPrimary), raised(mismatch)])
      .when(updateMember(HEAD))
      .thenEmits([memberUpdated(HEAD), cleared(mismatch)]);
  });

  it('is not raised within the tolerant band (a 16-year-old in primary school)', () => {
    const late = { ...withProfile(DAUGHTER, { schooling: 'primary' }) };
    spec
      .given([registered, memberAdded(HEAD)])
      .when(addMember(late, { today: '2026-06-18' }))
      .thenEmits([memberAdded(late)]);
  });
});

describe('warning: household.rural-in-urban-committee', () => {
  const urban: HouseholdWarning = {
    rule: 'household.rural-in-urban-committee',
    field: 'villageCode',
    evidence: { villageCode: VILLAGE_CODE },
  };
  const flagsChanged = (relocatedToResettlementSite: boolean, urbanHukou: boolean): HouseholdEvent => ({
    type: 'HouseholdFlagsChanged',
    data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite, urbanHukou } },
  });

  it('is raised when a household registers in a residents’ committee (居委会)', () => {
    spec
      .given([])
      .when(registerHousehold({}, { villageIsUrbanCommittee: true }))
      .thenEmits([registered, raised(urban)]);
  });

  it('is not raised in a village committee (村委会)', () => {
    spec
      .given([])
      .when(registerHousehold({}, { villageIsUrbanCommittee: false }))
      .thenEmits([registered]);
  });

  it('clears when the household is flagged relocated, and comes back when the flag goes', () => {
    const facts = { today: TODAY, villageIsUrbanCommittee: true };
    spec
      .given([registered, raised(urban)])
      .when({ type: 'SetFlags', data: { relocatedToResettlementSite: true, urbanHukou: false }, facts })
      .thenEmits([flagsChanged(true, false), cleared(urban)]);
    spec
      .given([registered, raised(urban), flagsChanged(true, false), cleared(urban)])
      .when({ type: 'SetFlags', data: { relocatedToResettlementSite: false, urbanHukou: false }, facts })
      .thenEmits([flagsChanged(false, false), raised(urban)]);
  });

  it('a command that changes nothing the rules read leaves the open warnings alone', () => {
    spec
      .given([registered, raised(urban)])
      .when({
        type: 'SetStatus',
        data: { status: { kind: 'ordinary' } },
        facts: { today: TODAY, villageIsUrbanCommittee: true },
      })
      .thenEmits([
        { type: 'HouseholdStatusChanged', data: { householdId: HOUSEHOLD_ID, status: { kind: 'ordinary' } } },
      ]);
  });
});

describe('warnings of an imported household', () => {
  it('are those the separate commands leave open', () => {
    const droppedOut = withProfile(DAUGHTER, { schooling: 'dropped-out' });
    const members = [HEAD, INCOMER, droppedOut];
    const known = [true, false, true];
    const facts = { today: TODAY, villageIsUrbanCommittee: true };
    const separately: HouseholdCommand[] = [
      registerHousehold({}, { villageIsUrbanCommittee: true }),
      ...members.map((m, i) => addMember(m, { ...facts, registrationDivisionKnown: known[i] })),
      { ...record3Plus1(secured), facts },
    ];
    let state = householdDecider.initialState;
    for (const command of separately)
      state = householdDecider.decide(command, state).reduce(householdDecider.evolve, state);
    const imported = householdDecider
      .decide(
        {
          type: 'ImportHousehold',
          data: { registration: registered.data, members, threePlusOne: secured },
          facts: {
            ...facts,
            householdNumberInUse: false,
            registrationDivisionKnown: known,
            perCapitaDivisorRule: 'household-members',
          },
        },
        householdDecider.initialState,
      )
      .reduce(householdDecider.evolve, householdDecider.initialState);
    const warningsOf = (s: typeof state) => (s.kind === 'registered' ? s.warnings : null);
    expect(warningsOf(imported)).toEqual(warningsOf(state));
    expect(warningsOf(state)?.map((w) => w.rule)).toEqual([
      'household.rural-in-urban-committee',
      'resident-id.division-unknown',
      'schooling.compulsory-education-contradicted',
    ]);
  });
});
