import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { openAccessTokenKeys } from './access/access-token.codec';
import { checkAdaptersAvailable } from './config/adapter-availability.config';
import { ensureStoreFormat } from './event-store/store-format.check';
import type { RuntimeConfig } from './config/runtime.config';
import { closeRuntimeAdapters, openRuntimeAdapters } from './config/runtime-adapters.config';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { bodyParserErrorMiddleware, JSON_BODY_LIMIT } from './errors/body-parser.middleware';
import { createValidationPipe } from './errors/validation.pipe';
import { corsMiddleware } from './http/cors.middleware';
import { securityHeadersMiddleware } from './http/security-headers';
import { HttpDrain } from './lifecycle/http-drain';
import { correlationIdMiddleware } from './logging/correlation-id.context';
import { createHttpLogger, createRuntimeLogger } from './logging/runtime-logger.factory';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { RuntimeMetrics } from './metrics/runtime.metrics';
import { methodNotAllowedMiddleware } from './openapi/method-not-allowed.middleware';
import { setupOpenApi } from './openapi/openapi.setup';
import { ServiceRuntimeModule } from './runtime.module';
import type { ServiceIdentity } from './service-identity';
import { BusConsumerMount } from './transport/bus-consumer.mount';

/** Options of {@link createServiceApp}. */
export interface ServiceAppOptions {
  readonly config: RuntimeConfig;
  readonly identity: ServiceIdentity;
  /** Where log lines go; stdout by default. Tests pass a stream to read them back. */
  readonly logDestination?: DestinationStream;
}

/** Root of every service app: the runtime next to the service's own AppModule. */
@Module({})
class ServiceRootModule {}

/**
 * Builds a service's Nest application, ready to `listen` (or `init` in tests) — the same app
 * in production and in tests. Express-level middleware runs in this order, before anything of
 * Nest: helmet's security headers → correlation id → in-flight tracking → request log → HTTP
 * metrics → CORS (only with `CORS_ORIGINS`) → JSON body parser → 405 for a method the OpenAPI
 * document does not list on a path, so even a request the body parser refuses is logged,
 * measured and answered with the common error body (never a stack trace).
 *
 * Bodies: only JSON is parsed, up to {@link JSON_BODY_LIMIT} (413 beyond); there is no
 * urlencoded, text, raw or multipart parser, so a body of any other type is never buffered:
 * handlers see no body and the validation pipe refuses the request.
 *
 * The event store, read store and bus are opened first, all three proven to answer (a server
 * that does not within 5 s stops start-up), the event store's format is checked (an empty one
 * is stamped), then they are handed to the runtime module; from there on the shutdown sequence
 * closes them, after the HTTP server and the subscribers.
 *
 * A service module that provides `BUS_CONSUMER` (its consumer group) gets its `@EventPattern`
 * handlers mounted on the bus once the app has started (see `BusConsumerMount`).
 *
 * @throws {@link ConfigError} when the configuration names an adapter this build lacks or a
 * server that cannot be reached.
 * @throws {@link StoreFormatRefused} when the event store was written in another format.
 */
export async function createServiceApp(
  appModule: Type | DynamicModule,
  options: ServiceAppOptions,
): Promise<NestExpressApplication> {
  const { config, identity } = options;
  checkAdaptersAvailable(config);
  const logger = createRuntimeLogger(identity.name, config.logLevel, options.logDestination);
  const metrics = new RuntimeMetrics();
  const drain = new HttpDrain();
  const accessTokenKeys = openAccessTokenKeys(config.accessTokens);
  const adapters = await openRuntimeAdapters(config, { clientId: identity.name, logger });
  let app: NestExpressApplication;
  try {
    await ensureStoreFormat(adapters.eventStore, identity, logger);
    app = await NestFactory.create<NestExpressApplication>(
      {
        module: ServiceRootModule,
        imports: [
          ServiceRuntimeModule.forRoot({ config, identity, logger, metrics, drain, adapters, accessTokenKeys }),
          appModule,
        ],
      },
      // Nest's own start-up logs wait in a buffer until pino takes over; on a failed start they
      // are dropped and the caller prints one line (abortOnError would dump core instead).
      { bufferLogs: true, autoFlushLogs: false, abortOnError: false, bodyParser: false },
    );
  } catch (error) {
    await closeRuntimeAdapters(adapters);
    throw error;
  }
  app.get(BusConsumerMount).attach(app);
  app.useLogger(app.get(NestPinoLogger));
  app.flushLogs();
  app.disable('x-powered-by');
  app.use(securityHeadersMiddleware());
  app.use(correlationIdMiddleware);
  app.use(drain.middleware);
  app.use(createHttpLogger(logger));
  app.use(httpMetricsMiddleware(metrics));
  if (config.corsOrigins.length > 0) app.use(corsMiddleware(config.corsOrigins));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(bodyParserErrorMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  // Ahead of every Nest route (they are added at init): a documented path answers an undeclared method 405.
  app.use(methodNotAllowedMiddleware(setupOpenApi(app, identity)));
  return app;
}
