import {
  householdMembersChangedV1,
  type HouseholdMemberV1,
  type HouseholdMembersChangedV1,
} from '@relapse-watch/contracts';
import type { MemberAdded, MemberRemoved, MemberUpdated } from '../domain/household/household.events';
import type { HouseholdMember, RegisteredHousehold } from '../domain/household/household.state';
import type { IntegrationEvent } from './integration-event';

type MemberEvent = MemberAdded | MemberUpdated | MemberRemoved;

function publicMember({ memberId, profile }: HouseholdMember): HouseholdMemberV1 {
  const { relationToHead, health, labourCapacity, employment, schooling, medicalInsuranceEnrolled, livesInHousehold } =
    profile;
  return {
    memberId,
    relationToHead,
    health,
    labourCapacity,
    employment,
    schooling,
    medicalInsuranceEnrolled,
    livesInHousehold,
  };
}

/** What a member event changed. */
export function memberChanges(event: MemberEvent): HouseholdMembersChangedV1['changes'] {
  const none = { addedMemberIds: [], updatedMemberIds: [], removedMembers: [] };
  switch (event.type) {
    case 'MemberAdded':
      return { ...none, addedMemberIds: [event.data.memberId] };
    case 'MemberUpdated':
      return { ...none, updatedMemberIds: [event.data.memberId] };
    case 'MemberRemoved':
      return { ...none, removedMembers: [{ memberId: event.data.memberId, reason: event.data.reason }] };
  }
}

/**
 * How the relay refers to a household's people on the bus (DESIGN.md "Messaging"): the API path
 * an authorized subscriber fetches them from, and the resident ID's salted hash (the registry's
 * own `residentIdHash` with the deployment's salt, as the person reservations use).
 */
export interface PersonalDataReferences {
  /** The salted hash of a valid, normalised resident ID number. */
  residentIdHash(residentId: string): string;
}

/** The path of the personal-data API of a household (`personal.ref` of the contract). */
export function personalDataPath(householdId: string): string {
  return `/api/registry/households/${encodeURIComponent(householdId)}/personal-data`;
}

/**
 * HouseholdMembersChanged from the household after a change and what changed: the full current
 * member list (so a subscriber needs no history). Names and ID numbers never leave: `personal`
 * carries where to fetch them and each member's salted ID hash — null for a member whose personal
 * data was erased before the event was (re)published, as the store then hands out no ID to hash.
 */
export function membersChanged(
  state: RegisteredHousehold,
  changes: HouseholdMembersChangedV1['changes'],
  references: PersonalDataReferences,
): IntegrationEvent<HouseholdMembersChangedV1> {
  return {
    contract: householdMembersChangedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      members: state.members.map(publicMember),
      residentMemberCount: state.members.filter((m) => m.profile.livesInHousehold).length,
      changes,
      personal: {
        ref: personalDataPath(state.householdId),
        members: state.members.map(({ memberId, personal }) => ({
          memberId,
          residentIdHash: personal.erased === true ? null : references.residentIdHash(personal.residentId),
        })),
      },
    },
  };
}
