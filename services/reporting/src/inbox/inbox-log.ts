import { idempotentEventId, type LogRow, type NewEvent, type StoredEvent } from '@relapse-watch/event-store-core';
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

function typePartsOf(type: string): ReturnType<typeof parseEventType> {
  let parts = typeParts.get(type);
  if (parts === undefined) typeParts.set(type, (parts = parseEventType(type)));
  return parts;
}

/** The contract name of a stored inbox event type (`cn.relapsewatch.registry.HouseholdRegistered.v1` → `HouseholdRegistered`). */
export function eventNameOf(type: string): string {
  return typePartsOf(type).event;
}

/** The event the fold reads, from what the inbox stored. */
export function reportEventOf(stored: StoredEvent): ReportEvent {
  const { context, event, version } = typePartsOf(stored.type);
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

/**
 * The event the fold reads, from a stored row (`readLogRows`): the data parsed now, the metadata
 * (the event's time and division code) only when asked for — a household's facts never read them.
 */
export function reportEventOfRow(row: LogRow): ReportEvent {
  return new RowReportEvent(row[0], row[1], row[2], row[3], JSON.parse(row[4]), row[5]);
}

/**
 * The same from a row's parts, its data already parsed: what a folding thread builds from the
 * batches it is sent (positions, types, the data of all as one JSON array text).
 */
export function reportEventOfParts(
  position: number,
  streamId: string,
  id: string,
  type: string,
  data: unknown,
  metadataJson: string,
): ReportEvent {
  return new RowReportEvent(position, streamId, id, type, data, metadataJson);
}

class RowReportEvent implements ReportEvent {
  readonly position: number;
  readonly id: string;
  readonly context: string;
  readonly name: string;
  readonly version: number;
  readonly subject: string;
  readonly data: unknown;
  private metadata: { occurredAt: string; divisionCode: string } | null = null;
  private readonly metadataJson: string;

  constructor(position: number, streamId: string, id: string, type: string, data: unknown, metadataJson: string) {
    const { context, event, version } = typePartsOf(type);
    this.position = position;
    this.id = id;
    this.context = context;
    this.name = event;
    this.version = version;
    this.subject = streamId.slice(INBOX_STREAM_PREFIX.length);
    this.data = data;
    this.metadataJson = metadataJson;
  }

  get time(): string {
    return this.meta().occurredAt;
  }

  get divisionCode(): string {
    return this.meta().divisionCode;
  }

  private meta() {
    return (this.metadata ??= JSON.parse(this.metadataJson) as { occurredAt: string; divisionCode: string });
  }
}
