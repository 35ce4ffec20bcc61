import {
  householdRegisteredV1,
  householdRigidExpenditureRecordedV1,
  householdRiskReportedV1,
  householdStatusChangedV1,
  householdThreePlusOneStatusChangedV1,
  type ThreePlusOneStatusV1,
} from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState, RegisteredHousehold, RigidExpenditureRecord } from '../domain/household/household.state';
import { incomeRecomputed, incomeRecorded, legacyMonitoringNoted } from './household-income.translation';
import { memberChanges, membersChanged, type PersonalDataReferences } from './household-members.translation';
import { warningsChanged } from './household-warnings.translation';
import type { RegistryIntegrationEvent } from './integration-event';

/** "3+1" holds as a whole: every guarantee and water, and housing safe (grade A or B). */
function allSecured(status: ThreePlusOneStatusV1): boolean {
  const {
    foodAndClothingSecured,
    compulsoryEducationSecured,
    medicalInsuranceCovered,
    housingGrade,
    drinkingWaterSafe,
  } = status;
  return (
    foodAndClothingSecured &&
    compulsoryEducationSecured &&
    medicalInsuranceCovered &&
    drinkingWaterSafe &&
    (housingGrade === 'A' || housingGrade === 'B')
  );
}

function registered(state: RegisteredHousehold): RegistryIntegrationEvent {
  const { householdId, villageCode } = state;
  return {
    contract: householdRegisteredV1,
    data: {
      householdId,
      villageCode,
      householdNumber: state.householdNumber,
      status: state.status,
      flags: state.flags,
    },
  };
}

function rigidExpenditureRecorded(
  state: RegisteredHousehold,
  record: RigidExpenditureRecord,
): RegistryIntegrationEvent {
  const { period, medicalAfterReimbursementFen, educationFen, disasterLossFen, totalFen } = record;
  return {
    contract: householdRigidExpenditureRecordedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      period,
      medicalAfterReimbursementFen,
      educationFen,
      disasterLossFen,
      totalFen,
    },
  };
}

function threePlusOneChanged(state: RegisteredHousehold, threePlusOne: ThreePlusOneStatusV1): RegistryIntegrationEvent {
  return {
    contract: householdThreePlusOneStatusChangedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      threePlusOne,
      allSecured: allSecured(threePlusOne),
    },
  };
}

/**
 * The integration events a stored Household event becomes, given the household *after* it
 * (fold the stream up to and including the event with `householdDecider.evolve`). Pure and
 * deterministic, as the relay requires: the same stored event always gives the same data.
 * One event each, but for `HouseholdImported`, which a subscriber sees as the events the separate
 * commands would have published: registered (with status and flags), members changed (all
 * added), each income recorded, each rigid expenditure recorded, the "3+1" status and a declared
 * monitoring record. A per-capita recomputation is the period's income record again, with the
 * membership change as its reason. None for an event that changed nothing public — only an event
 * on a stream without a registration, which `evolve` ignores too.
 */
export function translateHouseholdEvent(
  state: HouseholdState,
  event: HouseholdEvent,
  references: PersonalDataReferences,
): readonly RegistryIntegrationEvent[] {
  if (state.kind !== 'registered') return [];
  const { householdId, villageCode } = state;
  switch (event.type) {
    case 'HouseholdRegistered':
      return [registered(state)];
    case 'HouseholdImported': {
      const added = { addedMemberIds: state.members.map((m) => m.memberId), updatedMemberIds: [], removedMembers: [] };
      return [
        registered(state),
        ...(state.members.length > 0 ? [membersChanged(state, added, references)] : []),
        ...state.incomes.map((record) => incomeRecorded(state, record)),
        ...state.rigidExpenditures.map((record) => rigidExpenditureRecorded(state, record)),
        ...(state.threePlusOne === null ? [] : [threePlusOneChanged(state, state.threePlusOne)]),
        ...state.legacyMonitoring.map((record) => legacyMonitoringNoted(state, record)),
      ];
    }
    case 'MemberAdded':
    case 'MemberUpdated':
    case 'MemberRemoved':
      return [membersChanged(state, memberChanges(event), references)];
    case 'IncomeRecorded':
      return [incomeRecorded(state, event.data)];
    case 'PerCapitaIncomeRecomputed':
      return incomeRecomputed(state, event);
    case 'LegacyMonitoringRecordNoted':
      return [legacyMonitoringNoted(state, event.data.record)];
    case 'RigidExpenditureRecorded':
      return [rigidExpenditureRecorded(state, event.data)];
    case 'RiskEventReported': {
      const { riskEventId, kind, occurredOn, lossFen } = event.data;
      return [
        {
          contract: householdRiskReportedV1,
          data: { householdId, villageCode, riskEventId, kind, occurredOn, lossFen },
        },
      ];
    }
    case 'ThreePlusOneStatusRecorded':
      return [threePlusOneChanged(state, event.data.threePlusOne)];
    case 'HouseholdStatusChanged':
    case 'HouseholdFlagsChanged':
      return [
        {
          contract: householdStatusChangedV1,
          data: {
            householdId,
            villageCode,
            changed: event.type === 'HouseholdStatusChanged' ? 'status' : 'flags',
            status: state.status,
            flags: state.flags,
          },
        },
      ];
    case 'HouseholdWarningRaised':
    case 'HouseholdWarningCleared':
      return [warningsChanged(state, event)];
    case 'HouseholdPersonalDataErased':
      // No contract yet: subscribers learn of erasures with issue 10's item 6 (personal data by reference).
      return [];
    default:
      return assertNever(event, 'household event');
  }
}
