import { Global, Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost, Reflector } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_STORE, holdsEventsBesideFormatMarker, type EventStore } from '@relapse-watch/event-store-core';
import { BUS, type Bus } from '@relapse-watch/messaging-core';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime.config';
import { AccessTokenVerifier, type AccessTokenKeys } from './access/access-token.codec';
import { ACCESS_TOKEN_REVOCATIONS, AccessTokenRevocations } from './access/access-token.revocations';
import { AccessGuard } from './access/access.guard';
import { busReadiness } from './bus/bus.factory';
import { ADAPTER_CONNECT_TIMEOUT_MS, withinTimeout } from './config/adapter-reachability.config';
import type { RuntimeAdapters } from './config/runtime-adapters.config';
import { InstrumentedEventStore } from './event-store/instrumented-event-store';
import { startLogSealing } from './event-store/log-sealing';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { HttpDrain } from './lifecycle/http-drain';
import { ShutdownSequence } from './lifecycle/shutdown.sequence';
import { MetricsController } from './metrics/metrics.controller';
import { READ_STORE_PROBE } from './read-store/read-store.factory';
import { RuntimeMetrics } from './metrics/runtime.metrics';
import { SubscriptionLagRegistry } from './metrics/subscription-lag.registry';
import { SERVICE_IDENTITY, type ServiceIdentity } from './service-identity';
import { BusConsumerMount } from './transport/bus-consumer.mount';

/** A readiness probe of a dead server fails within the start-up timeout instead of the driver's own (MongoDB's is 30 s). */
function bounded<T>(work: Promise<T>): Promise<T> {
  return withinTimeout(work, ADAPTER_CONNECT_TIMEOUT_MS);
}

/** Injection token of the service's root pino logger (for code outside a request, e.g. subscribers). */
export const RUNTIME_LOGGER = Symbol.for('relapse-watch.runtime-logger');

/**
 * Injection token of whether the event store held nothing but its format marker when the
 * service started: decided once, before any seeder writes, so the demo county and the demo users
 * (two services' seeders in the embedded process) agree on a new installation whoever writes first.
 */
export const STORE_EMPTY_AT_START = Symbol.for('relapse-watch.store-empty-at-start');

/** Injection token of the process's {@link AccessTokenKeys} (the signing key only where tokens are issued). */
export const ACCESS_TOKEN_KEYS = Symbol.for('relapse-watch.access-token-keys');

/**
 * Injection token of the process's `PersonalDataVault`: the one its event store seals and opens
 * with, so an erasure through it is seen by this process's reads at once.
 */
export const PERSONAL_DATA_VAULT = Symbol.for('relapse-watch.personal-data-vault');

/** What the runtime module is built from; made by `createServiceApp` before Nest starts. */
export interface RuntimeContext {
  readonly config: RuntimeConfig;
  readonly identity: ServiceIdentity;
  readonly logger: Logger;
  readonly metrics: RuntimeMetrics;
  readonly drain: HttpDrain;
  /** Opened (and proven to answer) before Nest starts; closed by the shutdown sequence. */
  readonly adapters: RuntimeAdapters;
  /** Opened before Nest starts, so a bad key stops the start with one line. */
  readonly accessTokenKeys: AccessTokenKeys;
}

/**
 * What every service gets, globally: configuration, the event store (`EVENT_STORE`,
 * instrumented, its log sealed as it grows), the read store (`READ_STORE`), the bus (`BUS`), health and metrics endpoints, the readiness and subscription-lag registries
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
        { provide: ACCESS_TOKEN_KEYS, useValue: context.accessTokenKeys },
        { provide: PERSONAL_DATA_VAULT, useValue: context.adapters.vault },
        { provide: ACCESS_TOKEN_REVOCATIONS, useValue: new AccessTokenRevocations() },
        {
          // Every route of every service: deny by default (see AccessGuard).
          provide: APP_GUARD,
          useFactory: (reflector: Reflector, revocations: AccessTokenRevocations) =>
            new AccessGuard(reflector, new AccessTokenVerifier(context.accessTokenKeys.verifying), revocations),
          inject: [Reflector, ACCESS_TOKEN_REVOCATIONS],
        },
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
            const store = new InstrumentedEventStore(context.adapters.eventStore, context.metrics);
            // Steps of a phase run last-registered first: the key store closes after the event store.
            shutdown.register('stores', 'key store', () => context.adapters.keyStore.close());
            shutdown.register('stores', 'event store', () => store.close());
            // The log is sealed where it is written; the sealer stops with the other subscribers.
            const sealer = startLogSealing(context.adapters.eventStore, context.config.auditSeal, context.logger);
            if (sealer !== null) shutdown.register('subscribers', 'log sealer', () => sealer.stop());
            readiness.register('eventStore', async () => ({
              adapter: context.config.eventStore.kind,
              headPosition: await bounded(store.headPosition()),
            }));
            return store;
          },
          inject: [ShutdownSequence, ReadinessRegistry],
        },
        {
          provide: READ_STORE,
          useFactory: (shutdown: ShutdownSequence, readiness: ReadinessRegistry): ReadStore => {
            const store = context.adapters.readStore;
            shutdown.register('stores', 'read store', () => store.close());
            // Any round trip to the store proves it answers; a checkpoint read is the cheapest.
            readiness.register('readStore', async () => {
              await bounded(store.loadCheckpoint(READ_STORE_PROBE));
              return { adapter: context.config.readStore.kind };
            });
            return store;
          },
          inject: [ShutdownSequence, ReadinessRegistry],
        },
        {
          provide: BUS,
          useFactory: (shutdown: ShutdownSequence, readiness: ReadinessRegistry): Bus => {
            const bus = context.adapters.bus;
            shutdown.register('bus', 'bus', () => bus.close());
            readiness.register('bus', busReadiness(context.config.bus, ADAPTER_CONNECT_TIMEOUT_MS));
            return bus;
          },
          inject: [ShutdownSequence, ReadinessRegistry],
        },
        {
          provide: STORE_EMPTY_AT_START,
          useFactory: async (store: EventStore) => !(await holdsEventsBesideFormatMarker(store)),
          inject: [EVENT_STORE],
        },
        {
          provide: SubscriptionLagRegistry,
          useFactory: (store: EventStore) => new SubscriptionLagRegistry(context.metrics, () => store.headPosition()),
          inject: [EVENT_STORE],
        },
        // Mounts the bus consumer a service module declares (BUS_CONSUMER), once the app started.
        BusConsumerMount,
      ],
      exports: [
        RUNTIME_CONFIG,
        SERVICE_IDENTITY,
        RUNTIME_LOGGER,
        RuntimeMetrics,
        ReadinessRegistry,
        ACCESS_TOKEN_KEYS,
        PERSONAL_DATA_VAULT,
        ACCESS_TOKEN_REVOCATIONS,
        ShutdownSequence,
        EVENT_STORE,
        READ_STORE,
        BUS,
        SubscriptionLagRegistry,
        STORE_EMPTY_AT_START,
      ],
    };
  }
}
