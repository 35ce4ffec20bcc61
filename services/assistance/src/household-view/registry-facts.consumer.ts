import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { CONSUMED_REGISTRY_TYPES, registryFactsHandler } from '@relapse-watch/household-view';
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
import { ASSISTANCE_CONFIG, type AssistanceConfig } from '../config/assistance.config';
import { assistanceFactsEffects } from './assistance-household-view';

/**
 * The assistance service's bus transport: its handlers run on it alone, in its group, also where
 * other services consume in the same process (the embedded mode).
 */
export const ASSISTANCE_BUS_TRANSPORT = Symbol.for('relapse-watch.assistance.bus-transport');

/**
 * Folds the registry's integration events into the assistance service's own household view, once
 * each (see `registryFactsHandler`).
 */
// Not an HTTP controller: reached by the bus transport only; the global access guard lets it through.
@PublicRoute()
@Controller()
export class AssistanceRegistryFactsConsumer {
  private readonly apply: MessageHandler;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    @Inject(RUNTIME_CONFIG) runtime: RuntimeConfig,
    @Inject(ASSISTANCE_CONFIG) config: AssistanceConfig,
    @Inject(RUNTIME_LOGGER) logger: Pick<Logger, 'warn'>,
  ) {
    this.apply = registryFactsHandler({
      consumer: config.consumerGroup,
      store,
      utcOffsetMinutes: runtime.utcOffsetMinutes,
      log: logger,
      effects: assistanceFactsEffects,
    });
  }

  @EventPattern([...CONSUMED_REGISTRY_TYPES], ASSISTANCE_BUS_TRANSPORT)
  onRegistryEvent(@Ctx() context: BusContext): Promise<void> {
    return this.apply(context.getMessage());
  }
}
