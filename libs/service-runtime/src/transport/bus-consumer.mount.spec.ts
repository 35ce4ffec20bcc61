import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PublicRoute } from '../access/access.decorators';
import type { IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import { ShutdownSequence } from '../lifecycle/shutdown.sequence';
import { BUS, eventsTopic, type Bus } from '@relapse-watch/messaging-core';
import { bootSpecApp, getJson, type SpecApp } from '../testing/runtime-spec.harness';
import {
  probeConsumerModule,
  ProbeLog,
  probeTypes,
  publishProbe,
  uniqueContext,
  type ProbeData,
} from './bus-transport.fixture';
import { BUS_CONSUMER, type BusConsumerDeclaration } from './bus-consumer.mount';

// A service module declares its consumer group (BUS_CONSUMER); the runtime mounts the bus
// transport for the app's @EventPattern handlers on the runtime's bus, and reports its progress.
describe('a bus consumer a service module declares', () => {
  let spec: SpecApp | undefined;
  afterEach(async () => {
    await spec?.dispose();
    spec = undefined;
  });

  /** What a relay of the same process published in its last batch, while the process stopped. */
  const lastBatch: { event: IntegrationEventEnvelope<ProbeData> | null } = { event: null };

  function serviceModule(context: string, probe: ProbeLog, declaration: BusConsumerDeclaration | null) {
    const consumers = probeConsumerModule(context, probe);
    // Stands for the registry's relay: a subscriber that still publishes when it is stopped.
    @Injectable()
    class LastBatchRelay implements OnApplicationBootstrap {
      constructor(
        private readonly shutdown: ShutdownSequence,
        @Inject(BUS) private readonly bus: Bus,
      ) {}
      onApplicationBootstrap(): void {
        this.shutdown.register('subscribers', 'probe relay', async () => {
          const types = probeTypes(context);
          lastBatch.event = await publishProbe(
            this.bus,
            eventsTopic(context),
            types.registered,
            'household-9',
            'record',
          );
        });
      }
    }
    @Module({
      imports: [consumers],
      providers: [LastBatchRelay, ...(declaration === null ? [] : [{ provide: BUS_CONSUMER, useValue: declaration }])],
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

  it('on the in-process bus, stops only after handling what the process’s relays published, their last batch too', async () => {
    const context = uniqueContext();
    const types = probeTypes(context);
    const probe = new ProbeLog();
    spec = await bootSpecApp(serviceModule(context, probe, { group: `svc-${context}` }));
    const bus = spec.app.get<Bus>(BUS);
    // One key: the second waits behind the held first, so it is still queued when the app closes.
    const held = await publishProbe(bus, eventsTopic(context), types.registered, 'household-8', 'hold');
    const queued = await publishProbe(bus, eventsTopic(context), types.registered, 'household-8', 'record');
    await probe.entered.promise;

    const closing = spec.dispose();
    spec = undefined;
    probe.release.open();
    await closing;

    expect(probe.calls.map((call) => call.event.id)).toEqual([held.id, queued.id, lastBatch.event?.id]);
  });

  /** A service of its own in one app: a handler on its own transport, its own group. */
  function scopedService(type: string, group: string, transportId: symbol | undefined, seen: string[]) {
    @PublicRoute()
    @Controller()
    class ScopedConsumer {
      @EventPattern(type, transportId)
      on(@Payload() event: IntegrationEventEnvelope): void {
        seen.push(`${group}:${event.id}`);
      }
    }
    @Module({ controllers: [ScopedConsumer], providers: [{ provide: BUS_CONSUMER, useValue: { group, transportId } }] })
    class ScopedService {}
    return ScopedService;
  }

  it('mounts one transport per declaring module: each service’s handler runs in its own group only', async () => {
    const context = uniqueContext();
    const types = probeTypes(context);
    const seen: string[] = [];
    const inspection = scopedService(types.registered, `a-${context}`, Symbol(`a-${context}`), seen);
    const gateway = scopedService(types.registered, `b-${context}`, Symbol(`b-${context}`), seen);
    @Module({ imports: [inspection, gateway] })
    class EmbeddedLike {}
    spec = await bootSpecApp(EmbeddedLike);

    const event = await publishProbe(spec.app.get<Bus>(BUS), eventsTopic(context), types.registered, 'h-1', 'record');
    await spec.dispose();
    spec = undefined;

    // Fan-out: once per group; a handler of one service never runs in the other's group.
    expect(seen.sort()).toEqual([`a-${context}:${event.id}`, `b-${context}:${event.id}`]);
  });

  it('refuses to start two consumers of one app without a transport id each', async () => {
    const context = uniqueContext();
    const types = probeTypes(context);
    const first = scopedService(types.registered, `a-${context}`, Symbol('a'), []);
    const second = scopedService(types.registered, `b-${context}`, undefined, []);
    @Module({ imports: [first, second] })
    class Ambiguous {}
    await expect(bootSpecApp(Ambiguous)).rejects.toThrow(/each needs a transportId of its own/);
  });

  it('is not mounted when no module declares one', async () => {
    const context = uniqueContext();
    spec = await bootSpecApp(serviceModule(context, new ProbeLog(), null));
    const ready = (await getJson(`${spec.url}/health/ready`)).body as { info: Record<string, unknown> };
    expect(Object.keys(ready.info).filter((name) => name.startsWith('consumer:'))).toEqual([]);
  });
});
