import { afterEach, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { BUS, eventsTopic, type Bus } from '@relapse-watch/messaging-core';
import { bootSpecApp, getJson, type SpecApp } from '../testing/runtime-spec.harness';
import { probeConsumerModule, ProbeLog, probeTypes, publishProbe, uniqueContext } from './bus-transport.fixture';
import { BUS_CONSUMER, type BusConsumerDeclaration } from './bus-consumer.mount';

// A service module declares its consumer group (BUS_CONSUMER); the runtime mounts the bus
// transport for the app's @EventPattern handlers on the runtime's bus, and reports its progress.
describe('a bus consumer a service module declares', () => {
  let spec: SpecApp | undefined;
  afterEach(async () => {
    await spec?.dispose();
    spec = undefined;
  });

  function serviceModule(context: string, probe: ProbeLog, declaration: BusConsumerDeclaration | null) {
    const consumers = probeConsumerModule(context, probe);
    @Module({
      imports: [consumers],
      providers: declaration === null ? [] : [{ provide: BUS_CONSUMER, useValue: declaration }],
    })
    class ServiceModule {}
    return ServiceModule;
  }

  it('is mounted on the runtime’s bus once the app started, hands the handlers their events and reports its progress', async () => {
    const context = uniqueContext();
    const types = probeTypes(context);
    const probe = new ProbeLog();
    spec = await bootSpecApp(serviceModule(context, probe, { group: `svc-${context}` }));
    const bus = spec.app.get<Bus>(BUS);

    const registered = await publishProbe(bus, eventsTopic(context), types.registered, 'household-1', 'record');
    const call = await probe.waitFor((c) => c.event.id === registered.id);
    expect(call.message).toMatchObject({ topic: eventsTopic(context), key: 'household-1', attempt: 1 });

    const ready = await getJson(`${spec.url}/health/ready`);
    expect(ready.body).toMatchObject({
      info: {
        [`consumer:svc-${context}`]: {
          status: 'up',
          group: `svc-${context}`,
          finished: 1,
          lastEventTime: registered.time,
        },
      },
    });
    const metrics = await (await fetch(`${spec.url}/metrics`)).text();
    expect(metrics).toContain(`relapsewatch_bus_consumer_messages_total{group="svc-${context}"} 1`);
    expect(metrics).toMatch(new RegExp(`relapsewatch_bus_consumer_delay_seconds\\{group="svc-${context}"\\} \\d`));
  });

  it('is not mounted when no module declares one', async () => {
    const context = uniqueContext();
    spec = await bootSpecApp(serviceModule(context, new ProbeLog(), null));
    const ready = (await getJson(`${spec.url}/health/ready`)).body as { info: Record<string, unknown> };
    expect(Object.keys(ready.info).filter((name) => name.startsWith('consumer:'))).toEqual([]);
  });
});
