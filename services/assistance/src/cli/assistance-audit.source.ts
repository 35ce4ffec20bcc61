import type { EventStore } from '@relapse-watch/event-store-core';
import type { HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';

/** The assistance's part of `relapse-watch audit household`: its streams, read from the event store alone. */
export function assistanceAuditSource(events: EventStore): HouseholdAuditSource {
  return new HouseholdAuditTrail(events);
}
