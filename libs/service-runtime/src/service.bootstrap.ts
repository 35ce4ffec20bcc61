import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { StoreFormatRefused } from '@relapse-watch/event-store-core';
import type { Logger } from 'pino';
import { ConfigError, maskValue } from './config/config.errors';
import { loadRuntimeConfig, type RuntimeConfig } from './config/runtime.config';
import { RUNTIME_LOGGER } from './runtime.module';
import { createServiceApp } from './service-app.factory';
import type { ServiceIdentity } from './service-identity';

/** How long an idle keep-alive connection stays open (Node's default: 5 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** A service listening for requests. */
export interface RunningService {
  readonly app: NestExpressApplication;
  readonly config: RuntimeConfig;
  /** Base URL it listens on, with the actual port when PORT=0. */
  readonly url: string;
  /**
   * The graceful shutdown (see `ShutdownSequence`): stop taking requests, let in-flight ones
   * finish within SHUTDOWN_TIMEOUT_MS, stop subscribers, close the bus and stores, flush logs.
   */
  stop(reason?: string): Promise<void>;
}

/** Options of {@link startService}. */
export interface StartServiceOptions {
  readonly appModule: Type | DynamicModule;
  readonly identity: ServiceIdentity;
  /** The environment; `process.env` when omitted (read only by the config module). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Loads the configuration, builds the app and listens on HOST:PORT, then logs one start-up
 * line: service, version, mode, data dir, URL and adapters (passwords masked).
 * @throws {@link ConfigError} on a bad or unsupported configuration.
 */
export async function startService(options: StartServiceOptions): Promise<RunningService> {
  const config = loadRuntimeConfig(options.env);
  const app = await createServiceApp(options.appModule, { config, identity: options.identity });
  const logger = app.get<Logger>(RUNTIME_LOGGER);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close();
    throw error;
  }
  const server = app.getHttpServer() as Server;
  // Node closes a keep-alive connection 5 s after its last response. A main thread busy for longer
  // (a bulk import's batch, a read model catching up on a small machine) then runs that timer
  // before it reads the request already waiting on the socket, and the client sees ECONNRESET.
  // Idle connections stay open a minute instead, as proxies in front of it expect (headers must
  // time out later than that).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(
    {
      version: options.identity.version,
      mode: config.mode,
      dataDir: config.dataDir,
      url,
      eventStore: maskValue(config.eventStore.url),
      readStore: maskValue(config.readStore.url),
      bus: maskValue(config.bus.url),
    },
    `${options.identity.name} 已启动 / started (${config.mode}) at ${url}`,
  );
  let stopping: Promise<void> | undefined;
  const stop = (reason?: string): Promise<void> => {
    if (!stopping) logger.info({ reason }, '收到停止请求 / shutdown requested');
    stopping ??= app.close().then(() => {
      logger.info({ reason }, '已停止 / shutdown complete');
      logger.flush();
    });
    return stopping;
  };
  return { app, config, url, stop };
}

/**
 * The line (or lines) printed on stderr when start-up fails: a {@link ConfigError} is exactly
 * its one-line message; anything else gets a prefix, and a stack only when it is not an
 * operating-system error (EADDRINUSE, EACCES) whose message already says it all.
 */
export function startupFailureText(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  // Its message already says what happened and what to do; a stack would only bury it.
  if (error instanceof StoreFormatRefused) return `启动失败 / start-up failed: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  const systemError = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
  const stack = !systemError && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `启动失败 / start-up failed: ${message}${stack}`;
}

/**
 * A service's `main`: starts it, and on SIGTERM or SIGINT runs the graceful shutdown and exits
 * 0 (1 if the shutdown fails or outlives twice SHUTDOWN_TIMEOUT_MS plus 5 s; a second signal
 * exits at once). A failed start prints {@link startupFailureText} on stderr and exits 1.
 * Nest's `enableShutdownHooks` is not used: it re-raises the signal after closing, so the
 * process would end by SIGTERM instead of exit code 0, and it does not bound the drain.
 */
export async function runService(options: StartServiceOptions): Promise<void> {
  const warnings = routeProcessWarnings();
  let service: RunningService;
  try {
    service = await startService(options);
  } catch (error) {
    process.stderr.write(`${startupFailureText(error)}\n`);
    process.exit(1);
  }
  const logger = service.app.get<Logger>(RUNTIME_LOGGER);
  warnings.logTo(logger);
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn({ signal }, '再次收到停止信号，立即退出 / second signal: exiting now');
      logger.flush();
      process.exit(1);
    }
    signalled = true;
    const deadline = setTimeout(
      () => {
        logger.error('停止超时 / shutdown did not finish in time: exiting');
        logger.flush();
        process.exit(1);
      },
      2 * service.config.shutdownTimeoutMs + 5_000,
    );
    deadline.unref();
    service.stop(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, '停止失败 / shutdown failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Takes Node's process warnings off stderr and into the JSON log: stderr is reserved for the
 * one line of a failed start, and a dependency's warning there (kafkajs 2.2.4 sets a negative
 * timeout on every connection, which Node 24 reports) would break that rule and bypass log
 * collection. Warnings raised while starting are held and logged once the logger exists; on a
 * failed start they are dropped, the start-up line being what the operator needs.
 */
function routeProcessWarnings(): { logTo(logger: Logger): void } {
  const held: Error[] = [];
  let write = (warning: Error): void => void held.push(warning);
  process.removeAllListeners('warning');
  process.on('warning', (warning) => write(warning));
  return {
    logTo(logger) {
      write = (warning) =>
        logger.warn(
          { warning: { name: warning.name, message: warning.message } },
          `进程警告 / process warning: ${warning.name}`,
        );
      held.splice(0).forEach(write);
    },
  };
}
