import type { EventStore } from '@relapse-watch/event-store-core';
import type { HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';

/**
 * The registry's part of `relapse-watch audit household`, over the plain event store: the trail
 * never opens a personal value (sealed ones stay ciphertext, unread), so it needs no key store,
 * and tells an erased household by its erasure event.
 */
export function registryAuditSource(events: EventStore): HouseholdAuditSource {
  return new HouseholdAuditTrail(events);
}
