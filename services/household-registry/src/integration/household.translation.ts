import {
  householdIncomeRecordedV1,
  householdRegisteredV1,
  householdRigidExpenditureRecordedV1,
  householdRiskReportedV1,
  householdStatusChangedV1,
  householdThreePlusOneStatusChangedV1,
  type ThreePlusOneStatusV1,
} from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import { membersChanged } from './household-members.translation';
import type { RegistryIntegrationEvent } from './integration-event';

/** "3+1" holds as a whole: every guarantee and water, and housing safe (grade A or B). */
function allSecured(status: ThreePlusOneStatusV1): boolean {
  const { foodAndClothingSecured, compulsoryEducationSecured, medicalInsuranceCovered, housingGrade, drinkingWaterSafe } = status;
  return foodAndClothingSecured && compulsoryEducationSecured && medicalInsuranceCovered && drinkingWaterSafe && (housingGrade === 'A' || housingGrade === 'B');
}

/**
 * The integration event a stored Household event becomes, given the household *after* it
 * (fold the stream up to and including the event with `householdDecider.evolve`). Pure and
 * deterministic, as the relay requires: the same stored event always gives the same data.
 * Returns null for an event that changed nothing public — only an event on a stream without a
 * registration, which `evolve` ignores too.
 */
export function translateHouseholdEvent(state: HouseholdState, event: HouseholdEvent): RegistryIntegrationEvent | null {
  if (state.kind !== 'registered') return null;
  const { householdId, villageCode } = state;
  switch (event.type) {
    case 'HouseholdRegistered':
      return {
        contract: householdRegisteredV1,
        data: { householdId, villageCode, householdNumber: state.householdNumber, status: state.status, flags: state.flags },
      };
    case 'MemberAdded':
    case 'MemberUpdated':
    case 'MemberRemoved':
      return membersChanged(state, event);
    case 'IncomeRecorded': {
      const { period, components, netIncomeFen, residentMembers, perCapitaNetIncomeFen } = event.data;
      return { contract: householdIncomeRecordedV1, data: { householdId, villageCode, period, components, netIncomeFen, residentMembers, perCapitaNetIncomeFen } };
    }
    case 'RigidExpenditureRecorded': {
      const { period, medicalAfterReimbursementFen, educationFen, disasterLossFen, totalFen } = event.data;
      return {
        contract: householdRigidExpenditureRecordedV1,
        data: { householdId, villageCode, period, medicalAfterReimbursementFen, educationFen, disasterLossFen, totalFen },
      };
    }
    case 'RiskEventReported': {
      const { riskEventId, kind, occurredOn, lossFen } = event.data;
      return { contract: householdRiskReportedV1, data: { householdId, villageCode, riskEventId, kind, occurredOn, lossFen } };
    }
    case 'ThreePlusOneStatusRecorded': {
      const threePlusOne = event.data.threePlusOne;
      return { contract: householdThreePlusOneStatusChangedV1, data: { householdId, villageCode, threePlusOne, allSecured: allSecured(threePlusOne) } };
    }
    case 'HouseholdStatusChanged':
    case 'HouseholdFlagsChanged':
      return {
        contract: householdStatusChangedV1,
        data: { householdId, villageCode, changed: event.type === 'HouseholdStatusChanged' ? 'status' : 'flags', status: state.status, flags: state.flags },
      };
    default:
      return assertNever(event, 'household event');
  }
}
