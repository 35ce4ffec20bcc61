import { StreamStates, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { checklistOf } from '@relapse-watch/inspection-rules';
import { integrationMessage, type RelayMapping } from '@relapse-watch/messaging-core';
import {
  householdInspectionDecider,
  HOUSEHOLD_INSPECTION_STREAM_PREFIX,
} from '../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import { translateHouseholdInspectionEvent } from './household-inspection.translation';

/**
 * The relay's part for household inspections: a stored event of an `inspection-household-` stream
 * becomes its integration event (or none), translated with the inspection's state right after it
 * (carried forward by {@link StreamStates}). The message key and CloudEvent subject are the
 * household id (the contracts' key: one household's events in order), not the stream's
 * `<campaign>-<household>` tail; the CloudEvent id is the stored event's, so a re-send is the same message.
 * Returns undefined for events of other streams, so the service's relay mapper can chain it.
 */
export function householdInspectionRelay(
  store: EventStore,
): (stored: StoredEvent) => Promise<RelayMapping | null | undefined> {
  const states = new StreamStates(store, householdInspectionDecider);
  return async (stored) => {
    if (!stored.streamId.startsWith(HOUSEHOLD_INSPECTION_STREAM_PREFIX)) return undefined;
    const state = await states.after(stored);
    if (state.kind !== 'opened') return null;
    const out = translateHouseholdInspectionEvent(stored as unknown as HouseholdInspectionEvent, {
      state,
      checklist: checklistOf(state.checklistVersion),
      actorRole: stored.metadata.actor.role,
    });
    if (out === null) return null;
    const household = { key: state.householdId, subject: state.householdId };
    return integrationMessage(stored, out.contract, out.data, stored.id, household);
  };
}
