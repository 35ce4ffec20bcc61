import { authorizeCaller, type Caller } from '@relapse-watch/access';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { auditEntryOf, type AuditTrailPart, type HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { householdStreamId } from '../domain/household/household.decider';
import { isErasedPersonalData } from '../domain/household/member.values';
import { disclosureStreamId } from '../domain/personal-data-disclosure/personal-data-disclosure';
import { describeRegistryEvent, type RegistryAuditEvent } from './registry-audit.describer';

/** The context name of the registry's part of a trail. */
export const REGISTRY_AUDIT_CONTEXT = 'registry';

/**
 * The registry's part of a household's audit trail: the household's own stream and its
 * disclosure log (every unmasked read of its people), read from the registry's event store,
 * each event described by {@link describeRegistryEvent}. The reservation streams (resident IDs,
 * household numbers) are the uniqueness mechanism, not changes of the household, and stay out.
 *
 * Erased: once `HouseholdPersonalDataErased` is in the stream — the handler writes it before it
 * destroys the key, so it is there whenever the key is gone — or when the sealing store already
 * reads an event's personal part as erased. The trail never reads a personal value, so it works
 * alike over the service's sealing store and the command line's plain one (ciphertext unread).
 */
export class HouseholdAuditTrail implements HouseholdAuditSource {
  readonly context = REGISTRY_AUDIT_CONTEXT;

  constructor(private readonly events: EventStore) {}

  async trail(householdId: string, caller: Caller): Promise<AuditTrailPart | null> {
    const household = await this.read(householdStreamId(householdId));
    if (household.length === 0) return null;
    const villageCode = villageOf(household[0]);
    authorizeCaller(caller, 'audit.read', villageCode, 'householdId');
    const disclosures = await this.read(disclosureStreamId(householdId));
    const erased = household.some(
      (e) => e.type === 'HouseholdPersonalDataErased' || isErasedPersonalData(personalOf(e)),
    );
    const entries = [...household, ...disclosures]
      .sort((a, b) => a.position - b.position)
      .map((event) =>
        auditEntryOf(
          REGISTRY_AUDIT_CONTEXT,
          event,
          describeRegistryEvent({ type: event.type, data: event.data } as RegistryAuditEvent, { erased }),
          erased,
        ),
      );
    return { householdId, context: REGISTRY_AUDIT_CONTEXT, entries };
  }

  private async read(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const event of this.events.readStream(streamId)) events.push(event);
    return events;
  }
}

function villageOf(first: StoredEvent): string | undefined {
  const village = (first.data as { villageCode?: unknown }).villageCode;
  return typeof village === 'string' ? village : undefined;
}

function personalOf(event: StoredEvent): unknown {
  return (event.data as { personal?: unknown } | null)?.personal;
}
