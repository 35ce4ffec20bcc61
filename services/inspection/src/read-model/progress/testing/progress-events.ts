// Spec support for the progress read model: a household inspection's stored events, in order.
import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { HouseholdInspectionEvent } from '../../../domain/household-inspection/household-inspection.events';

let position = 0;

/** A household inspection's history as stored events of its stream (positions rising across calls). */
export function inspectionHistory(
  campaignId: string,
  householdId: string,
  villageCode: string,
  events: readonly HouseholdInspectionEvent[],
): StoredEvent[] {
  const streamId = `inspection-household-${campaignId}-${householdId}`;
  const opened: HouseholdInspectionEvent = {
    type: 'HouseholdInspectionOpened',
    data: { campaignId, householdId, villageCode, checklistVersion: '2024.1' },
  } as HouseholdInspectionEvent;
  return [opened, ...events].map(
    (event, revision) =>
      ({ streamId, revision, position: ++position, type: event.type, data: event.data }) as unknown as StoredEvent,
  );
}

/** A completion of round 1 by these methods. */
export function completed(
  methods: readonly string[],
  options: { late?: boolean; keyGroupRuleIds?: readonly string[]; completedOn?: string } = {},
): HouseholdInspectionEvent {
  return {
    type: 'HouseholdInspectionCompleted',
    data: {
      round: 1,
      completedOn: options.completedOn ?? '2024-08-20',
      late: options.late ?? false,
      methods,
      visited: methods.includes('household-visit'),
      keyGroupRuleIds: options.keyGroupRuleIds ?? [],
      keyRegionIds: [],
    },
  } as HouseholdInspectionEvent;
}

/** The rules' at-risk suggestion, recorded. */
export function atRiskSuggested(suggestionId: string): HouseholdInspectionEvent {
  return {
    type: 'InspectionSuggestionsRecorded',
    data: {
      round: 1,
      suggestions: [
        {
          suggestionId,
          kind: 'at-risk',
          ruleId: 'at-risk.income-below-line',
          ruleSetVersion: '51-2024.1',
          category: 'marginal-prone-to-poverty',
          riskTypes: ['illness'],
          evidence: [],
        },
      ],
    },
  } as HouseholdInspectionEvent;
}

/** An official's decision on a suggestion. */
export function decided(kind: 'accepted' | 'dismissed', suggestionId: string): HouseholdInspectionEvent {
  const type = kind === 'accepted' ? 'InspectionSuggestionAccepted' : 'InspectionSuggestionDismissed';
  return {
    type,
    data: { suggestionId, reason: '核实 / checked', decidedOn: '2024-08-22' },
  } as HouseholdInspectionEvent;
}
