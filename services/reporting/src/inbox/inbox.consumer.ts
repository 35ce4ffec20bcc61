import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ALL_CONTRACTS } from '@relapse-watch/contracts';
import { DuplicateEventId, type EventStore } from '@relapse-watch/event-store-core';
import { parseCloudEvent } from '@relapse-watch/messaging-core';
import { BusContext, PublicRoute } from '@relapse-watch/service-runtime';
import { REPORTING_INBOX } from '../api/reporting.tokens';
import { inboxEventOf } from './inbox-log';

/**
 * The reporting service's bus transport: its handler runs on it alone, in its group, also where
 * other services consume in the same process (the embedded mode).
 */
export const REPORTING_BUS_TRANSPORT = Symbol.for('relapse-watch.reporting.bus-transport');

/**
 * Keeps every integration event of every context in the reporting's inbox log, once: the
 * CloudEvent id is the inbox event's id, so a redelivery appends nothing. The read models follow
 * the inbox, not the bus (see `inbox-log.ts`).
 */
// Not an HTTP controller: reached by the bus transport only; the global access guard lets it through.
@PublicRoute()
@Controller()
export class InboxConsumer {
  constructor(@Inject(REPORTING_INBOX) private readonly inbox: EventStore) {}

  @EventPattern(ALL_CONTRACTS.map((contract) => contract.type), REPORTING_BUS_TRANSPORT)
  async onIntegrationEvent(@Ctx() context: BusContext): Promise<void> {
    const { streamId, event } = inboxEventOf(parseCloudEvent(context.getMessage().value));
    try {
      await this.inbox.appendToStream(streamId, [event]);
    } catch (error) {
      // Kept before, and the stream has grown since: the id is in the log, which is all that counts.
      if (!(error instanceof DuplicateEventId)) throw error;
    }
  }
}
