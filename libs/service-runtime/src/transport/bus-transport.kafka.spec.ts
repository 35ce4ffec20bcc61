import type { INestApplication } from '@nestjs/common';
import { eventsTopic } from '@relapse-watch/messaging-core';
import { brokersFromKafkaUrl, KafkaBus } from '@relapse-watch/messaging-kafka';
import { ensureServices } from '@relapse-watch/testing';
import {
  bootConsumer,
  CapturingLogger,
  probeConsumerModule,
  ProbeLog,
  probeTypes,
  publishProbe,
  uniqueContext,
} from './bus-transport.fixture';
import { BusTransportStrategy } from './bus-transport.strategy';

describe('BusTransportStrategy on Kafka', () => {
  let brokers: string[];
  let bus: KafkaBus;
  let app: INestApplication | undefined;

  beforeAll(() => {
    // This project's Jest config has no global setup; infra/up.sh reuses a running broker.
    brokers = brokersFromKafkaUrl(ensureServices(['kafka']).KAFKA_URL);
  });

  beforeEach(() => {
    bus = new KafkaBus({ brokers, clientId: 'bus-transport-spec' });
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await bus.close();
  });

  it('consumes CloudEvents through @EventPattern handlers, skipping types it does not handle', async () => {
    const context = uniqueContext();
    const types = probeTypes(context);
    const topic = eventsTopic(context);
    const probe = new ProbeLog();
    const logger = new CapturingLogger();
    const strategy = new BusTransportStrategy({ bus, group: `svc-${context}`, logger });
    app = await bootConsumer(probeConsumerModule(context, probe), strategy);

    const merged = await publishProbe(bus, topic, types.unhandled, 'household-1', 'record');
    const registered = await publishProbe(bus, topic, types.registered, 'household-1', 'record');
    const inspected = await publishProbe(bus, eventsTopic(`${context}x`), types.inspected, 'case-1', 'record');

    const first = await probe.waitFor((call) => call.event.id === registered.id);
    const second = await probe.waitFor((call) => call.event.id === inspected.id);

    expect(first).toMatchObject({
      handler: 'registered',
      event: registered,
      message: { topic, key: 'household-1', attempt: 1 },
    });
    expect(second).toMatchObject({ handler: 'inspected', event: inspected, message: { key: 'case-1' } });
    expect(probe.calls).toHaveLength(2);
    // Same key as the registration, published before it: per-key order means it was skipped already.
    expect(logger.lines.filter((line) => line.message.includes(merged.id)).map((line) => line.level)).toEqual([
      'debug',
    ]);
  });
});
