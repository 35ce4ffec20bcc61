import { idempotentEventId, type NewEvent, type StoredEvent } from '@relapse-watch/event-store-core';
import { parseEventType, type IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import type { ReportEvent } from '../domain/report-event';

/**
 * The reporting's inbox: every integration event it consumed, kept in its own append-only log
 * (an event store of its own: `reporting-inbox.db` beside the embedded event store, the
 * `reporting_inbox` schema in PostgreSQL), one stream per subject, `reporting-inbox-<subject>`.
 * Rebuilds and as-of reports replay this log, not the bus: Kafka's retention may have dropped what a
 * replay from zero needs, and a report "as of" a past instant must come from a log that stays.
 */
export const INBOX_STREAM_PREFIX = 'reporting-inbox-';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The bus is an integration system, not a person: who made the change is in the publisher's own log. */
const INBOX_ACTOR = { userId: 'reporting-inbox', role: 'integration' } as const;

/**
 * The inbox event for a consumed CloudEvent: its id (a re-delivery appends nothing), type, data,
 * time and the correlation, causation and division code it carried. An id that is not a lower-case
 * UUID (another producer's) is turned into one, stably.
 */
export function inboxEventOf(envelope: IntegrationEventEnvelope): { streamId: string; event: NewEvent } {
  const streamId = `${INBOX_STREAM_PREFIX}${envelope.subject}`;
  const id = UUID.test(envelope.id) ? envelope.id : idempotentEventId(streamId, envelope.id, 0);
  return {
    streamId,
    event: {
      id,
      type: envelope.type,
      data: envelope.data,
      metadata: {
        actor: INBOX_ACTOR,
        divisionCode: envelope.divisioncode,
        correlationId: envelope.correlationid,
        causationId: envelope.causationid ?? null,
        occurredAt: envelope.time,
      },
    },
  };
}

// A log holds a few dozen types: parse each once.
const typeParts = new Map<string, ReturnType<typeof parseEventType>>();

/** The event the fold reads, from what the inbox stored. */
export function reportEventOf(stored: StoredEvent): ReportEvent {
  let parts = typeParts.get(stored.type);
  if (parts === undefined) typeParts.set(stored.type, (parts = parseEventType(stored.type)));
  const { context, event, version } = parts;
  return {
    position: stored.position,
    id: stored.id,
    context,
    name: event,
    version,
    subject: stored.streamId.slice(INBOX_STREAM_PREFIX.length),
    time: stored.metadata.occurredAt,
    divisionCode: stored.metadata.divisionCode,
    data: stored.data,
  };
}
