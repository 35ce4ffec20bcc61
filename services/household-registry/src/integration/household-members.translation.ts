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
 * HouseholdMembersChanged from the household after a change and what changed: the full current
 * member list (so a subscriber needs no history). Names and ID numbers go only into the one
 * `personal` object the privacy feature encrypts.
 */
export function membersChanged(
  state: RegisteredHousehold,
  changes: HouseholdMembersChangedV1['changes'],
): IntegrationEvent<HouseholdMembersChangedV1> {
  return {
    contract: householdMembersChangedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      members: state.members.map(publicMember),
      residentMemberCount: state.members.filter((m) => m.profile.livesInHousehold).length,
      changes,
      // An erased member's personal data is gone: nothing of it is published, not even the marker.
      personal: {
        members: state.members
          .filter(({ personal }) => personal.erased !== true)
          .map(({ memberId, personal }) => ({ memberId, name: personal.name, residentId: personal.residentId })),
      },
    },
  };
}
