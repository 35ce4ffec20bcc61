import type { Decider } from '@relapse-watch/event-store-core';
import type { HouseholdInspectionCommand } from './household-inspection.commands';
import { decide } from './household-inspection.decide';
import type { HouseholdInspectionEvent } from './household-inspection.events';
import { evolve, initialState, type HouseholdInspectionState } from './household-inspection.state';

/** Prefix of a household inspection's stream: `inspection-household-<campaignId>-<householdId>`. */
export const HOUSEHOLD_INSPECTION_STREAM_PREFIX = 'inspection-household-';

/** The stream of one household's inspection in one campaign (one per household per campaign). */
export function householdInspectionStreamId(campaignId: string, householdId: string): string {
  return `${HOUSEHOLD_INSPECTION_STREAM_PREFIX}${campaignId}-${householdId}`;
}

/**
 * The household inspection as a decider. Not its job, and so the handler's: validating findings
 * against the campaign's checklist, knowing the campaign's dates and key regions, selecting key
 * groups, evaluating the risk rules and giving their suggestions ids.
 */
export const householdInspectionDecider: Decider<
  HouseholdInspectionCommand,
  HouseholdInspectionEvent,
  HouseholdInspectionState
> = { decide, evolve, initialState };
