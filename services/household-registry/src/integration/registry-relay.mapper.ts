import { StreamStates, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { derivedMessageId, integrationMessage, type RelayMapper } from '@relapse-watch/messaging-core';
import { HOUSEHOLD_NUMBER_STREAM_PREFIX } from '../domain/household-number-reservation/household-number-reservation.decider';
import { householdDecider, HOUSEHOLD_STREAM_PREFIX } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import {
  provincePolicyDecider,
  PROVINCE_POLICY_STREAM_PREFIX,
} from '../domain/province-policy/province-policy.decider';
import type { ProvincePolicyEvent } from '../domain/province-policy/province-policy.events';
import type { PersonalDataReferences } from './household-members.translation';
import { translateHouseholdEvent } from './household.translation';
import { translateProvincePolicyEvent } from './province-policy.translation';

/** The streams whose events may become integration events; reservations stay private. */
export const PUBLISHED_STREAM_PREFIXES: readonly string[] = [HOUSEHOLD_STREAM_PREFIX, PROVINCE_POLICY_STREAM_PREFIX];

/**
 * The registry's relay mapper: a stored household or policy event becomes its integration
 * event(s) (libs/contracts), translated with the aggregate's state right after it: carried
 * forward event by event ({@link StreamStates}), so a stream is not refolded for every event the
 * relay publishes, and rebuilt from the stream when the mapper meets it out of order (after a
 * restart, or once dropped from the cache). Deterministic, as the relay requires: stored
 * events never change, so a re-published event is the same message with the same CloudEvent id
 * (the first message of an event carries the event's id, the others ids derived from it).
 */
export function registryRelayMapper(store: EventStore, references: PersonalDataReferences): RelayMapper {
  const households = new StreamStates(store, householdDecider);
  const policies = new StreamStates(store, provincePolicyDecider);
  return async (stored: StoredEvent) => {
    if (stored.streamId.startsWith(HOUSEHOLD_NUMBER_STREAM_PREFIX)) return null;
    if (stored.streamId.startsWith(HOUSEHOLD_STREAM_PREFIX)) {
      const out = translateHouseholdEvent(
        await households.after(stored),
        stored as unknown as HouseholdEvent,
        references,
      );
      return out.map((o, i) => integrationMessage(stored, o.contract, o.data, derivedMessageId(stored, i)));
    }
    if (!stored.streamId.startsWith(PROVINCE_POLICY_STREAM_PREFIX)) return null;
    const out = translateProvincePolicyEvent(await policies.after(stored), stored as unknown as ProvincePolicyEvent);
    return out && integrationMessage(stored, out.contract, out.data);
  };
}
