import type {
  AddMember,
  MemberFacts,
  NoteLegacyMonitoringRecord,
  RegisterHousehold,
  UpdateMember,
} from '../household/household.commands';
import type { HouseholdRegistered, MemberAdded, MemberUpdated } from '../household/household.events';
import type { HouseholdMember } from '../household/household.state';
import type { MemberProfile, RelationToHead } from '../household/member.values';

// A poverty-alleviated household in Pingchang County (511923), Bazhong, Sichuan. Names are
// made up; every resident ID's check character was worked out by hand (GB 11643 MOD 11-2), e.g.
// 51192319680412031·: 35+9+10+45+16+12+2+9+36+24+0+36+10+10+0+12+2 = 268, 268 mod 11 = 4 → 8.

/** The household of these fixtures. */
export const HOUSEHOLD_ID = 'hh-511923-0012';
/** A village-tier code in Pingchang County. */
export const VILLAGE_CODE = '511923100201';
/** The household number on the village register. */
export const HOUSEHOLD_NUMBER = '5119231002010012';
/** Today, as the handler would pass it. */
export const TODAY = '2024-08-20';
/** Member facts as the handler would pass them for a known division of registration. */
export const MEMBER_FACTS: MemberFacts = {
  today: TODAY,
  registrationDivisionKnown: true,
  perCapitaDivisorRule: 'household-members',
};

const adultProfile: MemberProfile = {
  relationToHead: 'head',
  health: { kind: 'healthy' },
  labourCapacity: 'ordinary',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
};

/** The head: born 1968-04-12, male (sequence 031). */
export const HEAD: HouseholdMember = {
  memberId: 'm-head',
  personal: { name: '张德明', residentId: '511923196804120318' },
  profile: adultProfile,
};
/** The spouse: born 1970-09-03, female (022); 35+9+10+45+16+12+2+9+42+0+0+81+0+15+0+8+4 = 288, 288 mod 11 = 2 → X. */
export const SPOUSE: HouseholdMember = {
  memberId: 'm-spouse',
  personal: { name: '李秀英', residentId: '51192319700903022X' },
  profile: {
    ...adultProfile,
    relationToHead: 'spouse',
    health: { kind: 'chronic-illness' },
    employment: { status: 'not-employed' },
  },
};
/** A daughter in junior secondary school: born 2010-06-18, female (026). */
export const DAUGHTER: HouseholdMember = {
  memberId: 'm-daughter',
  personal: { name: '张小红', residentId: '511923201006180264' },
  profile: {
    ...adultProfile,
    relationToHead: 'child',
    labourCapacity: 'none',
    employment: { status: 'not-employed' },
    schooling: 'junior-secondary',
  },
};
/** The head's father, disabled grade 2: born 1942-01-25, male (015). */
export const FATHER: HouseholdMember = {
  memberId: 'm-father',
  personal: { name: '张老汉', residentId: '511923194201250157' },
  profile: {
    ...adultProfile,
    relationToHead: 'parent',
    health: { kind: 'disabled', grade: 2 },
    labourCapacity: 'lost',
    employment: { status: 'not-employed' },
  },
};
/** A son working in another province, not living in the household: born 1995-08-17, male (053). */
export const MIGRANT_SON: HouseholdMember = {
  memberId: 'm-son',
  personal: { name: '张小军', residentId: '511923199508170533' },
  profile: {
    ...adultProfile,
    relationToHead: 'child',
    labourCapacity: 'skilled',
    employment: { status: 'employed', place: 'outside-province', stability: 'unstable' },
    livesInHousehold: false,
  },
};

/** The registration event of the fixture household. */
export const registered: HouseholdRegistered = {
  type: 'HouseholdRegistered',
  data: {
    householdId: HOUSEHOLD_ID,
    villageCode: VILLAGE_CODE,
    householdNumber: HOUSEHOLD_NUMBER,
    status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
  },
};

/** The command that produces {@link registered}, with data and facts overridable. */
export function registerHousehold(
  data: Partial<RegisterHousehold['data']> = {},
  facts: Partial<RegisterHousehold['facts']> = {},
): RegisterHousehold {
  return {
    type: 'RegisterHousehold',
    data: { ...registered.data, ...data },
    facts: { today: TODAY, householdNumberInUse: false, ...facts },
  };
}

/** The event of a member joining the fixture household. */
export function memberAdded(member: HouseholdMember): MemberAdded {
  return { type: 'MemberAdded', data: { householdId: HOUSEHOLD_ID, ...member } };
}

/** The event of a member's record changing. */
export function memberUpdated(member: HouseholdMember): MemberUpdated {
  return { type: 'MemberUpdated', data: { householdId: HOUSEHOLD_ID, ...member } };
}

/** The command adding a member. */
export function addMember(member: HouseholdMember, facts: Partial<MemberFacts> = {}): AddMember {
  return { type: 'AddMember', data: member, facts: { ...MEMBER_FACTS, ...facts } };
}

/** The command replacing a member's record. */
export function updateMember(
  member: HouseholdMember,
  formerHeadRelation?: Exclude<RelationToHead, 'head'>,
  facts: Partial<MemberFacts> = {},
): UpdateMember {
  return {
    type: 'UpdateMember',
    data: formerHeadRelation === undefined ? member : { ...member, formerHeadRelation },
    facts: { ...MEMBER_FACTS, ...facts },
  };
}

/** A member with some profile fields changed. */
export function withProfile(member: HouseholdMember, profile: Partial<MemberProfile>): HouseholdMember {
  return { ...member, profile: { ...member.profile, ...profile } };
}

/** A 监测户 row's declared monitoring record as the import notes it: identified in 2022 for illness, not eliminated. */
export function noteLegacyMonitoringRecord(): NoteLegacyMonitoringRecord {
  return {
    type: 'NoteLegacyMonitoringRecord',
    data: {
      source: 'household-sheet',
      category: 'unstable-poverty-alleviated',
      identifiedOn: '2022-04-18',
      riskTypes: ['illness'],
      riskEliminated: false,
      eliminatedOn: null,
    },
    facts: { today: TODAY, unknownRiskTypes: [] },
  };
}
