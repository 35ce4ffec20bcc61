import { maskResidentId } from '@relapse-watch/domain-kernel';
import type { HouseholdView } from './household-register.projection';

/**
 * A household as every role reads it by default (issue 10 item 7): members' resident ID numbers
 * masked (`5133**********041X`); names stay, as officials and inspectors work with them. The
 * plain numbers come only from the personal-data route, whose every read is recorded.
 */
export function maskedHouseholdView(view: HouseholdView): HouseholdView {
  return {
    ...view,
    household: {
      ...view.household,
      members: view.household.members.map((member) =>
        member.personal.erased === true
          ? member
          : { ...member, personal: { ...member.personal, residentId: maskResidentId(member.personal.residentId) } },
      ),
    },
  };
}
