import { Inject, type INestApplication, type OnApplicationBootstrap } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { BUS, type Bus, type IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import { InProcessBus } from '@relapse-watch/messaging-inproc';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { ReadinessRegistry } from '../health/readiness.registry';
import { METRIC_PREFIX, RuntimeMetrics } from '../metrics/runtime.metrics';
import { startBusTransport } from './bus-transport.mount';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { BusTransportStrategy, topicGroup } from './bus-transport.strategy';

/**
 * Injection token a service module provides to consume integration events: the runtime then
 * mounts a {@link BusTransportStrategy} in the declared group for the module's `@EventPattern`
 * handlers once the app has started (`onApplicationBootstrap`), on the runtime's `BUS` — the
 * in-process bus in embedded mode, Kafka in distributed mode — and closes it in the `bus`
 * shutdown phase, after the process's relays and before the bus and the stores.
 *
 * Every module of the app may declare one (the embedded process holds several services). A
 * handler that names no transport runs on every transport of the app, so when more than one
 * module declares a consumer each must give a `transportId` and name it on its handlers
 * (`@EventPattern(type, transportId)`); the runtime refuses to start otherwise.
 */
export const BUS_CONSUMER = Symbol.for('relapse-watch.bus-consumer');

/** What a service module declares under {@link BUS_CONSUMER}. */
export interface BusConsumerDeclaration {
  /** The service's consumer group (one per service, e.g. `inspection`). */
  readonly group: string;
  /** The transport id the module's handlers name; needed when several modules of the app consume. */
  readonly transportId?: symbol;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

/** `RUNTIME_LOGGER` (the same registered symbol; runtime.module imports this file, so not from there). */
const RUNTIME_LOGGER = Symbol.for('relapse-watch.runtime-logger');

/** Every declaration the app's modules provide, each once. */
function declarationsOf(app: INestApplication): BusConsumerDeclaration[] {
  const found = new Set<BusConsumerDeclaration>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    const declaration = module.providers.get(BUS_CONSUMER)?.instance as BusConsumerDeclaration | undefined;
    if (declaration) found.add(declaration);
  }
  return [...found];
}

/** Refuses declarations that would run one service's handlers in another's group. */
function checkDeclarations(declarations: readonly BusConsumerDeclaration[]): void {
  const groups = new Set(declarations.map((d) => d.group));
  if (groups.size < declarations.length) throw new Error('Two bus consumers declare the same group');
  if (declarations.length < 2) return;
  const ids = declarations.map((d) => d.transportId);
  if (ids.some((id) => id === undefined) || new Set(ids).size < ids.length)
    throw new Error(
      `Bus consumers ${[...groups].join(', ')} share one app: each needs a transportId of its own, named on its @EventPattern handlers`,
    );
}

/**
 * How far a consumer group has got, for `GET /metrics` and `GET /health/ready`. The Bus port
 * exposes no end offsets, so the lag is measured in time: from each event's `time` (when the
 * publishing service recorded it) to the moment this group finished it. It reads high while the
 * group works through a backlog and falls back to the relay's own delay once it has caught up.
 */
class ConsumerProgress {
  private finished = 0;
  private lastEventTime: string | null = null;
  private delaySeconds: number | null = null;

  constructor(
    readonly group: string,
    private readonly delayGauge: Gauge<'group'>,
    private readonly finishedCounter: Counter<'group'>,
  ) {}

  record(event: IntegrationEventEnvelope): void {
    this.finished++;
    this.lastEventTime = event.time;
    this.delaySeconds = Math.max(0, (Date.now() - Date.parse(event.time)) / 1000);
    this.delayGauge.set({ group: this.group }, this.delaySeconds);
    this.finishedCounter.inc({ group: this.group });
  }

  snapshot(): Record<string, unknown> {
    const { group, finished, lastEventTime, delaySeconds } = this;
    return { group, finished, lastEventTime, delaySeconds };
  }
}

/** Mounts the app's declared bus consumer; `createServiceApp` attaches the app. */
export class BusConsumerMount implements OnApplicationBootstrap {
  private app: INestApplication | null = null;
  private readonly delayGauge: Gauge<'group'>;
  private readonly finishedCounter: Counter<'group'>;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    private readonly readiness: ReadinessRegistry,
    metrics: RuntimeMetrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Pick<Logger, 'warn'>,
  ) {
    this.delayGauge = new Gauge({
      name: `${METRIC_PREFIX}bus_consumer_delay_seconds`,
      help: 'From the last finished integration event’s time to when this consumer group finished it',
      labelNames: ['group'],
      registers: [metrics.registry],
    });
    this.finishedCounter = new Counter({
      name: `${METRIC_PREFIX}bus_consumer_messages_total`,
      help: 'Integration events this consumer group finished (handled, or skipped for want of a handler)',
      labelNames: ['group'],
      registers: [metrics.registry],
    });
  }

  /** The app whose handlers are mounted (the runtime's own hook cannot reach it otherwise). */
  attach(app: INestApplication): void {
    this.app = app;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.app === null) return;
    const declarations = declarationsOf(this.app);
    checkDeclarations(declarations);
    for (const declaration of declarations) await this.mount(this.app, declaration);
  }

  private async mount(app: INestApplication, declaration: BusConsumerDeclaration): Promise<void> {
    const progress = new ConsumerProgress(declaration.group, this.delayGauge, this.finishedCounter);
    const strategy = new BusTransportStrategy({
      bus: this.bus,
      group: declaration.group,
      transportId: declaration.transportId,
      maxAttempts: declaration.maxAttempts,
      retryDelayMs: declaration.retryDelayMs,
      onFinished: (event) => progress.record(event),
    });
    this.readiness.register(`consumer:${declaration.group}`, async () => progress.snapshot());
    // After the relays: in the `bus` phase, once every subscriber of the process stopped publishing.
    await startBusTransport(app, strategy, { phase: 'bus', beforeClose: () => this.drained(strategy) });
  }

  /**
   * In embedded mode the in-process bus dies with the process, and with it whatever the relays
   * published and this group has not handled yet (the relays' checkpoints are past it): so a
   * graceful stop lets the group finish its backlog first, within SHUTDOWN_TIMEOUT_MS. Kafka
   * keeps the group's unfinished messages, so there the transport closes at once. A crash still
   * loses the in-process backlog (see the InProcessBus documentation).
   */
  private async drained(strategy: BusTransportStrategy): Promise<void> {
    const bus = this.bus;
    if (!(bus instanceof InProcessBus)) return;
    const left = () =>
      strategy.topics.reduce((sum, topic) => sum + bus.backlog(topic, topicGroup(strategy.group, topic)), 0);
    const deadline = Date.now() + this.config.shutdownTimeoutMs;
    while (left() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (left() > 0)
      this.logger.warn(
        { group: strategy.group, backlog: left() },
        '停止时仍有未处理的进程内消息，将丢失 / in-process messages left unhandled at shutdown are lost',
      );
  }
}
