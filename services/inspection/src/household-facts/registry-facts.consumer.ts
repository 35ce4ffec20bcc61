import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { MessageHandler } from '@relapse-watch/messaging-core';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import {
  BusContext,
  PublicRoute,
  RUNTIME_CONFIG,
  RUNTIME_LOGGER,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { INSPECTION_CONFIG, type InspectionConfig } from '../config/inspection.config';
import { CONSUMED_REGISTRY_TYPES, registryFactsHandler } from '@relapse-watch/household-view';
import { inspectionFactsEffects } from './inspection-household-view';

/**
 * The inspection's bus transport: its handlers run on it alone, in its group, also where other
 * services consume in the same process (the embedded mode).
 */
export const INSPECTION_BUS_TRANSPORT = Symbol.for('relapse-watch.inspection.bus-transport');

/**
 * Folds the registry's integration events (`relapsewatch.registry.events.v1`) into the
 * inspection's own view of households and of the province's policy, once each: the CloudEvent id
 * is recorded as processed in the same read-store write as the folded document, so a redelivery
 * writes nothing (`idempotentHandler`). A failure (the read store down) fails the delivery and
 * the bus retries it, then dead-letters it to `relapsewatch.registry.events.v1.dlq`.
 */
// Not an HTTP controller: its handlers are reached by the bus transport only, never by a request,
// and the global access guard must let the transport's calls through.
@PublicRoute()
@Controller()
export class RegistryFactsConsumer {
  private readonly apply: MessageHandler;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    @Inject(RUNTIME_CONFIG) runtime: RuntimeConfig,
    @Inject(INSPECTION_CONFIG) config: InspectionConfig,
    @Inject(RUNTIME_LOGGER) logger: Pick<Logger, 'warn'>,
  ) {
    this.apply = registryFactsHandler({
      consumer: config.consumerGroup,
      store,
      utcOffsetMinutes: runtime.utcOffsetMinutes,
      log: logger,
      effects: inspectionFactsEffects,
    });
  }

  @EventPattern([...CONSUMED_REGISTRY_TYPES], INSPECTION_BUS_TRANSPORT)
  onRegistryEvent(@Ctx() context: BusContext): Promise<void> {
    return this.apply(context.getMessage());
  }
}
