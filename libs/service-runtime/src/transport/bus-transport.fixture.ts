import { PublicRoute } from '../access/access.decorators';
// Spec support for the bus transport specs: a consumer module built per test (its event types
// name a context of the test's own, so topics never collide) and what it records.
import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  eventType,
  serializeCloudEvent,
  toCloudEvent,
  type Bus,
  type IntegrationEventEnvelope,
  type ReceivedMessage,
} from '@relapse-watch/messaging-core';
import { BusContext } from './bus.context';
import { startBusTransport } from './bus-transport.mount';
import type { BusTransportStrategy } from './bus-transport.strategy';

/** What a probe event asks its handler to do. */
export interface ProbeData {
  readonly behaviour: 'record' | 'fail' | 'hold';
  /** Stands for personal data: it must never reach a log line. */
  readonly residentName: string;
}

/** One handler call as the consumer saw it. */
export interface ProbeCall {
  readonly handler: 'registered' | 'inspected';
  readonly event: IntegrationEventEnvelope<ProbeData>;
  readonly message: ReceivedMessage;
}

/** A promise with its resolver. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** The consumer's memory: calls in order, waits on them, and the gates of held handlers. */
export class ProbeLog {
  readonly calls: ProbeCall[] = [];
  readonly trail: string[] = [];
  readonly entered = gate();
  readonly release = gate();
  private readonly waiters: { test: (call: ProbeCall) => boolean; resolve: (call: ProbeCall) => void }[] = [];

  record(call: ProbeCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters.filter((w) => w.test(call))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }

  /** Resolves with the first call (past or future) that passes `test`. */
  waitFor(test: (call: ProbeCall) => boolean): Promise<ProbeCall> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

/** The event types of a test: registrations in `context`, inspections in `<context>x` (a second topic). */
export function probeTypes(context: string) {
  return {
    registered: eventType({ context, event: 'HouseholdRegistered', version: 1 }),
    inspected: eventType({ context: `${context}x`, event: 'InspectionCompleted', version: 1 }),
    unhandled: eventType({ context, event: 'HouseholdMerged', version: 1 }),
  };
}

/** A context name of this test's own (one lower-case word). */
export function uniqueContext(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

async function handle(
  probe: ProbeLog,
  handler: ProbeCall['handler'],
  event: IntegrationEventEnvelope<ProbeData>,
  context: BusContext,
): Promise<void> {
  probe.record({ handler, event, message: context.getMessage() });
  if (event.data.behaviour === 'fail') throw new Error(`probe refused ${event.id}`);
  if (event.data.behaviour === 'hold') {
    probe.entered.open();
    await probe.release.promise;
    probe.trail.push('handler finished');
  }
}

/** A service's consumer module with two `@EventPattern` handlers, on two contexts' topics. */
export function probeConsumerModule(context: string, probe: ProbeLog): new () => unknown {
  const types = probeTypes(context);

  @PublicRoute()
  @Controller()
  class ProbeConsumer {
    @EventPattern(types.registered)
    registered(@Payload() event: IntegrationEventEnvelope<ProbeData>, @Ctx() ctx: BusContext): Promise<void> {
      return handle(probe, 'registered', event, ctx);
    }

    @EventPattern(types.inspected)
    inspected(@Payload() event: IntegrationEventEnvelope<ProbeData>, @Ctx() ctx: BusContext): Promise<void> {
      return handle(probe, 'inspected', event, ctx);
    }
  }

  @Module({ controllers: [ProbeConsumer] })
  class ProbeModule {}
  return ProbeModule;
}

/** Boots `module` as a hybrid app consuming through `strategy` (no HTTP port is opened). */
export async function bootConsumer(
  module: new () => unknown,
  strategy: BusTransportStrategy,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: false, abortOnError: false });
  await startBusTransport(app, strategy);
  await app.init();
  return app;
}

/** Publishes one probe event of `type` about `subject`, keyed by it; returns the envelope. */
export async function publishProbe(
  bus: Bus,
  topic: string,
  type: string,
  subject: string,
  behaviour: ProbeData['behaviour'],
) {
  const event = toCloudEvent<ProbeData>({
    id: randomUUID(),
    type,
    subject,
    time: new Date(),
    dataschema: 'https://contracts.relapse-watch.example/schemas/probe.json',
    data: { behaviour, residentName: '张三' },
    correlationId: randomUUID(),
    divisionCode: '510101001001',
  });
  await bus.publish(topic, [{ key: subject, value: serializeCloudEvent(event) }]);
  return event;
}

/** A logger that keeps its lines, to check what was logged and that no data was. */
export class CapturingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log(message: string): void {
    this.lines.push({ level: 'log', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
}
