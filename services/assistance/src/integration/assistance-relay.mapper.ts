import type { Clock } from '@relapse-watch/domain-kernel';
import { StreamStates, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { derivedMessageId, integrationMessage, type RelayMapper } from '@relapse-watch/messaging-core';
import {
  ASSISTANCE_PLAN_STREAM_PREFIX,
  assistancePlanDecider,
} from '../domain/assistance-plan/assistance-plan.decider';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import {
  MONITORING_CASE_STREAM_PREFIX,
  monitoringCaseDecider,
} from '../domain/monitoring-case/monitoring-case.decider';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import { translateAssistancePlanEvent } from './assistance-plan.translation';
import { eventsOfImportedCase, eventsOfImportedPlan } from './imported-events';
import type { IntegrationEvent } from './integration-event';
import { translateMonitoringCaseEvent } from './monitoring-case.translation';

/** The streams whose events may become integration events; the household episode streams stay private. */
export const PUBLISHED_STREAM_PREFIXES: readonly string[] = [
  MONITORING_CASE_STREAM_PREFIX,
  ASSISTANCE_PLAN_STREAM_PREFIX,
];

// Keyed by the household (one household's episodes stay in order: a relapse's reopening before the
// new opening). An imported event stands for several, each its own message with an id derived from
// the stored event's and its place.
function messages(stored: StoredEvent, outs: readonly (IntegrationEvent<unknown> | null)[], householdId: string) {
  const published = outs.filter((out): out is IntegrationEvent<unknown> => out !== null);
  if (published.length === 0) return null;
  return published.map((out, i) =>
    integrationMessage(stored, out.contract, out.data, derivedMessageId(stored, i), { key: householdId }),
  );
}

/**
 * The assistance service's relay mapper: a stored case or plan event becomes its integration
 * event (libs/contracts/src/assistance), translated with its stream's state right after it
 * (carried forward by {@link StreamStates}, rebuilt from the stream when met out of order). A
 * plan's event takes the village, the actor's role and the local day from the stored event's
 * metadata. Deterministic, as the relay requires: a re-published event is the same message.
 */
export function assistanceRelayMapper(store: EventStore, clock: Pick<Clock, 'dateAt'>): RelayMapper {
  const cases = new StreamStates(store, monitoringCaseDecider);
  const plans = new StreamStates(store, assistancePlanDecider);
  return async (stored: StoredEvent) => {
    if (stored.streamId.startsWith(MONITORING_CASE_STREAM_PREFIX)) {
      const state = await cases.after(stored);
      if (state.kind !== 'opened') return null;
      const event = stored as unknown as MonitoringCaseEvent;
      const events = event.type === 'MonitoringCaseImported' ? eventsOfImportedCase(event) : [event];
      const outs = events.map((e) => translateMonitoringCaseEvent(e, state));
      return messages(stored, outs, state.opening.householdId);
    }
    if (stored.streamId.startsWith(ASSISTANCE_PLAN_STREAM_PREFIX)) {
      const state = await plans.after(stored);
      if (state.kind !== 'opened') return null;
      const event = stored as unknown as AssistancePlanEvent;
      const events = event.type === 'AssistancePlanImported' ? eventsOfImportedPlan(event) : [event];
      const context = {
        state,
        villageCode: stored.metadata.divisionCode,
        actorRole: stored.metadata.actor.role,
        recordedOn: clock.dateAt(new Date(stored.metadata.occurredAt)),
      };
      return messages(
        stored,
        events.map((e) => translateAssistancePlanEvent(e, context)),
        state.householdId,
      );
    }
    return null;
  };
}
