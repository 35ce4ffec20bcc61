import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Bus } from '@relapse-watch/messaging-core';
import { busDeliveryCases } from './bus-delivery.conformance';
import { busFailureCases } from './bus-failure.conformance';
import { uniqueTopic } from './bus-test-helpers';

/** How the suite gets a bus: a new, connected one per test; the suite closes it. */
export type BusFactory = () => Promise<Bus>;

/**
 * The Bus conformance suite. Every adapter's spec calls it once with a factory. Each case
 * uses its own topics and groups, keeps messages small and polls for conditions with a
 * bound, so it can run against a real Kafka broker as well as in-process.
 */
export function busConformance(adapterName: string, factory: BusFactory): void {
  describe(`Bus conformance: ${adapterName}`, () => {
    let bus: Bus | undefined;
    beforeEach(async () => {
      bus = await factory();
    });
    afterEach(async () => {
      await bus?.close();
      bus = undefined;
    });
    const get = (): Bus => {
      if (!bus) throw new Error('The bus factory did not run');
      return bus;
    };

    busDeliveryCases(get);
    busFailureCases(get);

    it('a closed bus rejects publish and subscribe with bus.closed', async () => {
      const topic = uniqueTopic('closed');
      await get().close();
      await expect(get().publish(topic, [{ key: 'k', value: 'v' }])).rejects.toMatchObject({ code: 'bus.closed' });
      await expect(get().subscribe({ topic, group: 'g', handler: async () => undefined })).rejects.toMatchObject({
        code: 'bus.closed',
      });
    });
  });
}
