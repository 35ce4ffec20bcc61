import { Global, Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, type Bus } from '@relapse-watch/messaging-core';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime.config';
import { openBus } from './bus/bus.factory';
import { openEventStore } from './event-store/event-store.factory';
import { InstrumentedEventStore } from './event-store/instrumented-event-store';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { HttpDrain } from './lifecycle/http-drain';
import { ShutdownSequence } from './lifecycle/shutdown.sequence';
import { MetricsController } from './metrics/metrics.controller';
import { openReadStore } from './read-store/read-store.factory';
import { RuntimeMetrics } from './metrics/runtime.metrics';
import { SubscriptionLagRegistry } from './metrics/subscription-lag.registry';
import { SERVICE_IDENTITY, type ServiceIdentity } from './service-identity';

/** Injection token of the service's root pino logger (for code outside a request, e.g. subscribers). */
export const RUNTIME_LOGGER = Symbol.for('relapse-watch.runtime-logger');

/** What the runtime module is built from; made by `createServiceApp` before Nest starts. */
export interface RuntimeContext {
  readonly config: RuntimeConfig;
  readonly identity: ServiceIdentity;
  readonly logger: Logger;
  readonly metrics: RuntimeMetrics;
  readonly drain: HttpDrain;
}

/**
 * What every service gets, globally: configuration, the event store (`EVENT_STORE`,
 * instrumented), the read store (`READ_STORE`), the bus (`BUS`), health and metrics endpoints, the readiness and subscription-lag registries
 * and the shutdown sequence. Feature modules inject from here and import nothing of it.
 */
@Global()
@Module({})
export class ServiceRuntimeModule {
  /** The module for one application instance. */
  static forRoot(context: RuntimeContext): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        // pino-http is installed by createServiceApp ahead of the body parser, so requests it
        // refuses are logged too; nestjs-pino only binds each request's logger for Nest code.
        LoggerModule.forRoot({
          pinoHttp: { logger: context.logger },
          useExisting: true,
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: RUNTIME_CONFIG, useValue: context.config },
        { provide: SERVICE_IDENTITY, useValue: context.identity },
        { provide: RUNTIME_LOGGER, useValue: context.logger },
        { provide: RuntimeMetrics, useValue: context.metrics },
        { provide: ReadinessRegistry, useValue: new ReadinessRegistry() },
        {
          provide: ShutdownSequence,
          useFactory: (adapterHost: HttpAdapterHost) =>
            new ShutdownSequence(
              context.drain,
              () => adapterHost.httpAdapter?.getHttpServer(),
              context.config.shutdownTimeoutMs,
              context.logger,
            ),
          inject: [HttpAdapterHost],
        },
        {
          provide: EVENT_STORE,
          useFactory: (shutdown: ShutdownSequence, readiness: ReadinessRegistry): EventStore => {
            const store = new InstrumentedEventStore(openEventStore(context.config.eventStore), context.metrics);
            shutdown.register('stores', 'event store', () => store.close());
            readiness.register('eventStore', async () => ({ headPosition: await store.headPosition() }));
            return store;
          },
          inject: [ShutdownSequence, ReadinessRegistry],
        },
        {
          provide: READ_STORE,
          useFactory: (shutdown: ShutdownSequence, readiness: ReadinessRegistry): ReadStore => {
            const store = openReadStore(context.config.readStore);
            shutdown.register('stores', 'read store', () => store.close());
            // Any round trip to the store proves it answers; a checkpoint read is the cheapest.
            readiness.register('readStore', async () => void (await store.loadCheckpoint('readiness-probe')));
            return store;
          },
          inject: [ShutdownSequence, ReadinessRegistry],
        },
        {
          provide: BUS,
          useFactory: (shutdown: ShutdownSequence): Bus => {
            const bus = openBus(context.config.bus);
            shutdown.register('bus', 'bus', () => bus.close());
            return bus;
          },
          inject: [ShutdownSequence],
        },
        {
          provide: SubscriptionLagRegistry,
          useFactory: (store: EventStore) => new SubscriptionLagRegistry(context.metrics, () => store.headPosition()),
          inject: [EVENT_STORE],
        },
      ],
      exports: [
        RUNTIME_CONFIG,
        SERVICE_IDENTITY,
        RUNTIME_LOGGER,
        RuntimeMetrics,
        ReadinessRegistry,
        ShutdownSequence,
        EVENT_STORE,
        READ_STORE,
        BUS,
        SubscriptionLagRegistry,
      ],
    };
  }
}
