import { householdDataQualityWarningsChangedV1, type DataQualityWarningV1 } from '@relapse-watch/contracts';
import { HOUSEHOLD_WARNING_RULES, type HouseholdWarning } from '../domain/household/household-warning.catalogue';
import type { HouseholdWarningCleared, HouseholdWarningRaised } from '../domain/household/household.events';
import type { RegisteredHousehold } from '../domain/household/household.state';
import type { RegistryIntegrationEvent } from './integration-event';

/** A warning as the contract carries it: every evidence fact present, null where it does not apply. */
export function warningV1(warning: HouseholdWarning): DataQualityWarningV1 {
  const { memberId, registrationPrefix, age, schooling, villageCode } = warning.evidence;
  return {
    rule: warning.rule,
    field: warning.field,
    message: HOUSEHOLD_WARNING_RULES[warning.rule].message,
    evidence: {
      memberId: memberId ?? null,
      registrationPrefix: registrationPrefix ?? null,
      age: age ?? null,
      schoolingStage: schooling ?? null,
      villageCode: villageCode ?? null,
    },
  };
}

/** `HouseholdDataQualityWarningsChanged` for one raised or cleared warning, with the household's open ones after it. */
export function warningsChanged(
  state: RegisteredHousehold,
  event: HouseholdWarningRaised | HouseholdWarningCleared,
): RegistryIntegrationEvent {
  const { rule, field, evidence } = event.data;
  return {
    contract: householdDataQualityWarningsChangedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      change: event.type === 'HouseholdWarningRaised' ? 'raised' : 'cleared',
      warning: warningV1({ rule, field, evidence }),
      openWarnings: state.warnings.map(warningV1),
    },
  };
}
