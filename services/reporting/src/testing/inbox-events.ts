// Spec-only support: the scenario's events as the inbox stores them.
import { idempotentEventId, type EventStore, type NewEvent } from '@relapse-watch/event-store-core';
import { INBOX_STREAM_PREFIX } from '../inbox/inbox-log';
import type { ReportEvent } from '../domain/report-event';

/** Appends the events to an inbox log in their order, as the consumer would have kept them. */
export async function keepInInbox(inbox: EventStore, events: readonly ReportEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const appends = events.slice(i, i + 500).map((event) => {
      const streamId = `${INBOX_STREAM_PREFIX}${event.subject}`;
      const stored: NewEvent = {
        id: idempotentEventId(streamId, event.id, 0),
        type: `cn.relapsewatch.${event.context}.${event.name}.v${event.version}`,
        data: event.data,
        metadata: {
          actor: { userId: 'reporting-inbox', role: 'integration' },
          divisionCode: event.divisionCode,
          correlationId: event.id,
          causationId: null,
          occurredAt: event.time,
        },
      };
      return { streamId, events: [stored] };
    });
    await inbox.appendToStreams(appends);
  }
}
