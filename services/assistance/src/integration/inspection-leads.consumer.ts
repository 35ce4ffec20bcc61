import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { householdFlaggedAtRiskV1, type HouseholdFlaggedAtRiskV1 } from '@relapse-watch/contracts';
import { idempotentHandler, type MessageHandler } from '@relapse-watch/messaging-core';
import { processedMessageStore, READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { BusContext, PublicRoute } from '@relapse-watch/service-runtime';
import type { CaseCommands } from '../application/case-commands';
import { ASSISTANCE_CONFIG, type AssistanceConfig } from '../config/assistance.config';
import { ASSISTANCE_BUS_TRANSPORT } from '../household-view/registry-facts.consumer';
import { CASE_COMMANDS } from '../api/assistance.tokens';
import { inspectionCaller, leadOfFlaggedHousehold, messageContext } from './inspection-lead';

/**
 * Turns the inspection's "household flagged at risk" events into leads (issue 12: the
 * concentrated inspection as a lead source), consumed idempotently: the message id is recorded as
 * processed, and a redelivery that slips past it is the same lead again, which the case ignores.
 */
// Not an HTTP controller: reached by the bus transport only; the global access guard lets it through.
@PublicRoute()
@Controller()
export class InspectionLeadsConsumer {
  private readonly apply: MessageHandler;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    @Inject(ASSISTANCE_CONFIG) config: AssistanceConfig,
    @Inject(CASE_COMMANDS) cases: CaseCommands,
  ) {
    this.apply = idempotentHandler({
      consumer: config.consumerGroup,
      store: processedMessageStore(store),
      handle: async (envelope) => {
        const data = envelope.data as HouseholdFlaggedAtRiskV1;
        await cases.submitLead(leadOfFlaggedHousehold(data), messageContext(envelope, inspectionCaller(data)));
        return {};
      },
    });
  }

  @EventPattern([householdFlaggedAtRiskV1.type], ASSISTANCE_BUS_TRANSPORT)
  onFlagged(@Ctx() context: BusContext): Promise<void> {
    return this.apply(context.getMessage());
  }
}
