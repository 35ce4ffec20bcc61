import { StreamStates, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { derivedMessageId, integrationMessage, type RelayMapper } from '@relapse-watch/messaging-core';
import { CAMPAIGN_STREAM_PREFIX } from '../domain/campaign/campaign.decider';
import type { CampaignEvent } from '../domain/campaign/campaign.events';
import { teamDecider, TEAM_STREAM_PREFIX } from '../domain/team/team.decider';
import type { TeamEvent } from '../domain/team/team.events';
import { HOUSEHOLD_INSPECTION_STREAM_PREFIX } from '../domain/household-inspection/household-inspection.decider';
import { translateCampaignEvent } from './campaign.translation';
import { householdInspectionRelay } from './household-inspection.relay';
import type { IntegrationEvent } from './integration-event';
import { translateTeamEvent } from './team.translation';

export { HOUSEHOLD_INSPECTION_STREAM_PREFIX };

/**
 * The streams whose events may become integration events. The village reservations
 * (`inspection-village-…`) stay private.
 */
export const PUBLISHED_STREAM_PREFIXES: readonly string[] = [
  CAMPAIGN_STREAM_PREFIX,
  TEAM_STREAM_PREFIX,
  HOUSEHOLD_INSPECTION_STREAM_PREFIX,
];

function messages(stored: StoredEvent, out: readonly IntegrationEvent<unknown>[]) {
  return out.map((o, i) => integrationMessage(stored, o.contract, o.data, derivedMessageId(stored, i)));
}

/**
 * The inspection's relay mapper: a stored campaign or team event becomes its integration event
 * (libs/contracts/src/inspection), a team's translated with the team right after it (carried
 * forward by {@link StreamStates}, rebuilt from the stream when met out of order). Deterministic,
 * as the relay requires: a re-published event is the same message with the same CloudEvent id.
 * A household inspection's events go through {@link householdInspectionRelay} (keyed by the household).
 */
export function inspectionRelayMapper(store: EventStore): RelayMapper {
  const teams = new StreamStates(store, teamDecider);
  const households = householdInspectionRelay(store);
  return async (stored: StoredEvent) => {
    const household = await households(stored);
    if (household !== undefined) return household;
    if (stored.streamId.startsWith(CAMPAIGN_STREAM_PREFIX)) {
      const out = translateCampaignEvent(stored as unknown as CampaignEvent);
      return out && messages(stored, [out]);
    }
    if (stored.streamId.startsWith(TEAM_STREAM_PREFIX)) {
      const out = translateTeamEvent(await teams.after(stored), stored as unknown as TeamEvent);
      return out && messages(stored, [out]);
    }
    return null;
  };
}
