import {
  householdIncomeRecordedV1,
  householdLegacyMonitoringRecordNotedV1,
  type IncomeRecordReasonV1,
} from '@relapse-watch/contracts';
import { isDeepStrictEqual } from 'node:util';
import type { PerCapitaIncomeRecomputed } from '../domain/household/household.events';
import type { IncomeRecord, RegisteredHousehold } from '../domain/household/household.state';
import type { LegacyMonitoringRecord } from '../domain/household/legacy-monitoring.values';
import type { RegistryIntegrationEvent } from './integration-event';

// Income records and declared monitoring records as integration events (issue 9): a per-capita
// recomputation is the period's record again with the membership change as its reason.

/** The income record of a period as it stands, recorded (the default reason) or recomputed. */
export function incomeRecorded(
  state: RegisteredHousehold,
  record: IncomeRecord,
  reason: IncomeRecordReasonV1 = { kind: 'recorded' },
): RegistryIntegrationEvent {
  const { period, components, netIncomeFen, divisorRule, divisorMembers, perCapitaNetIncomeFen } = record;
  const { wagesFen, grossBusinessFen, propertyFen, transferFen, productionCostsFen } = components;
  return {
    contract: householdIncomeRecordedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      period,
      components: { wagesFen, grossBusinessFen, propertyFen, transferFen, productionCostsFen },
      netIncomeFen,
      divisorRule,
      divisorMembers,
      perCapitaNetIncomeFen,
      reason,
    },
  };
}

/** The period's income record as it stands after a recomputation, published again with why and from when. */
export function incomeRecomputed(
  state: RegisteredHousehold,
  event: PerCapitaIncomeRecomputed,
): RegistryIntegrationEvent[] {
  const record = state.incomes.find((r) => isDeepStrictEqual(r.period, event.data.period));
  if (record === undefined) return [];
  const { cause, effectiveOn, previous } = event.data;
  const { divisorRule, divisorMembers, perCapitaNetIncomeFen } = previous;
  return [
    incomeRecorded(state, record, {
      kind: 'membership-changed',
      memberId: cause.memberId,
      change: cause.change,
      effectiveOn,
      previous: { divisorRule, divisorMembers, perCapitaNetIncomeFen },
    }),
  ];
}

/** A declared monitoring record, as the assistance service will load it. */
export function legacyMonitoringNoted(
  state: RegisteredHousehold,
  record: LegacyMonitoringRecord,
): RegistryIntegrationEvent {
  const { source, category, identifiedOn, riskTypes, riskEliminated, eliminatedOn } = record;
  return {
    contract: householdLegacyMonitoringRecordNotedV1,
    data: {
      householdId: state.householdId,
      villageCode: state.villageCode,
      source,
      category,
      identifiedOn,
      riskTypes,
      riskEliminated,
      eliminatedOn,
    },
  };
}
