import { freeTextFault } from '@relapse-watch/domain-kernel';
import type { InspectionFacts } from './household-inspection.commands';
import { inspectionError, type InspectionRuleCode } from './household-inspection.errors';
import type { HouseholdInspectionOpened } from './household-inspection.events';
import type { HouseholdInspectionState, OpenedInspection } from './household-inspection.state';

/** The opening event when the stream is empty: the commands that may begin an inspection put it first. */
export function opening(facts: InspectionFacts, state: HouseholdInspectionState): readonly HouseholdInspectionOpened[] {
  if (state.kind === 'opened') return [];
  const { campaignId, householdId, villageCode, checklistVersion } = facts;
  return [{ type: 'HouseholdInspectionOpened', data: { campaignId, householdId, villageCode, checklistVersion } }];
}

/** The state of an inspection that must exist already. */
export function started(
  state: HouseholdInspectionState,
  code: InspectionRuleCode = 'inspection.not-started',
): OpenedInspection {
  if (state.kind === 'none') throw inspectionError(code);
  return state;
}

/** Refuses a reason (resolution) that is blank, too long or holds control characters. */
export function checkReason(reason: unknown, field: string): void {
  if (freeTextFault(reason, 500) !== null) throw inspectionError('inspection.reason-required', field);
}
