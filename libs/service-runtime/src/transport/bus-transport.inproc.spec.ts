import { PublicRoute } from '../access/access.decorators';
import { Controller, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic, type ReceivedMessage } from '@relapse-watch/messaging-core';
import { InProcessBus } from '@relapse-watch/messaging-inproc';
import {
  bootConsumer,
  CapturingLogger,
  probeConsumerModule,
  ProbeLog,
  probeTypes,
  publishProbe,
  uniqueContext,
} from './bus-transport.fixture';
import { startBusTransport } from './bus-transport.mount';
import { BusTransportStrategy } from './bus-transport.strategy';

describe('BusTransportStrategy on the in-process bus', () => {
  let bus: InProcessBus;
  let app: INestApplication | undefined;
  let probe: ProbeLog;
  let logger: CapturingLogger;
  let context: string;
  let types: ReturnType<typeof probeTypes>;
  let topic: string;

  beforeEach(() => {
    bus = new InProcessBus();
    probe = new ProbeLog();
    logger = new CapturingLogger();
    context = uniqueContext();
    types = probeTypes(context);
    topic = eventsTopic(context);
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await bus.close();
  });

  async function boot(options: { maxAttempts?: number } = {}): Promise<BusTransportStrategy> {
    const strategy = new BusTransportStrategy({ bus, group: `svc-${context}`, logger, retryDelayMs: 1, ...options });
    app = await bootConsumer(probeConsumerModule(context, probe), strategy);
    return strategy;
  }

  it('hands each published CloudEvent to the handler of its type, with the envelope and the bus message', async () => {
    await boot();
    const registered = await publishProbe(bus, topic, types.registered, 'household-1', 'record');
    const inspected = await publishProbe(bus, eventsTopic(`${context}x`), types.inspected, 'case-1', 'record');

    const first = await probe.waitFor((call) => call.event.id === registered.id);
    const second = await probe.waitFor((call) => call.event.id === inspected.id);

    expect(first).toMatchObject({
      handler: 'registered',
      event: registered,
      message: { topic, key: 'household-1', attempt: 1 },
    });
    expect(second).toMatchObject({
      handler: 'inspected',
      event: inspected,
      message: { topic: `relapsewatch.${context}x.events.v1`, key: 'case-1' },
    });
    expect(probe.calls).toHaveLength(2);
  });

  it('acknowledges and skips a type no handler asks for, logging ids only at debug', async () => {
    await boot();
    const merged = await publishProbe(bus, topic, types.unhandled, 'household-2', 'record');
    // Same key, published after: per-key order means it is handled only once the skip is done.
    const registered = await publishProbe(bus, topic, types.registered, 'household-2', 'record');

    await probe.waitFor((call) => call.event.id === registered.id);

    expect(probe.calls.map((call) => call.event.id)).toEqual([registered.id]);
    const skipped = logger.lines.filter((line) => line.message.includes(merged.id));
    expect(skipped).toEqual([{ level: 'debug', message: expect.stringContaining(types.unhandled) as string }]);
    expect(logger.lines.some((line) => line.message.includes('张三'))).toBe(false);
  });

  it('lets the bus retry a failing handler, then dead-letter the event with the error the handler threw', async () => {
    await boot({ maxAttempts: 3 });
    const dead: ReceivedMessage[] = [];
    let deadLettered!: () => void;
    const arrived = new Promise<void>((resolve) => (deadLettered = resolve));
    await bus.subscribe({
      topic: deadLetterTopic(topic),
      group: `dlq-watch-${context}`,
      handler: async (message) => {
        dead.push(message);
        deadLettered();
      },
    });

    const failing = await publishProbe(bus, topic, types.registered, 'household-3', 'fail');
    await arrived;

    expect(probe.calls.map((call) => call.message.attempt)).toEqual([1, 2, 3]);
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0].value)).toEqual(failing);
    expect(dead[0].headers).toMatchObject({
      [DEAD_LETTER_HEADERS.originalTopic]: topic,
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.errorMessage]: `probe refused ${failing.id}`,
    });
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(3);
  });

  it('closes only once the handler in flight has finished', async () => {
    const strategy = await boot();
    await publishProbe(bus, topic, types.registered, 'household-4', 'hold');
    await probe.entered.promise;

    const closing = strategy.close().then(() => probe.trail.push('transport closed'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(probe.trail).toEqual([]);

    probe.release.open();
    await closing;
    expect(probe.trail).toEqual(['handler finished', 'transport closed']);
  });

  it('drains its handlers when the Nest app closes', async () => {
    await boot();
    await publishProbe(bus, topic, types.registered, 'household-5', 'hold');
    await probe.entered.promise;

    const closing = app!.close().then(() => probe.trail.push('app closed'));
    app = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    probe.release.open();
    await closing;
    expect(probe.trail).toEqual(['handler finished', 'app closed']);
  });

  it('refuses to start on a pattern that is not an integration event type', async () => {
    @PublicRoute()
    @Controller()
    class OrdersConsumer {
      @EventPattern('orders')
      onOrder(): void {}
    }
    @Module({ controllers: [OrdersConsumer] })
    class OrdersModule {}

    const orders = await NestFactory.create(OrdersModule, { logger: false, abortOnError: false });
    try {
      await expect(startBusTransport(orders, new BusTransportStrategy({ bus, group: 'orders' }))).rejects.toMatchObject(
        { code: 'transport.invalid-pattern', pattern: 'orders' },
      );
    } finally {
      await orders.close();
    }
  });
});
