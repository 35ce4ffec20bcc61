import { describe, expect, it } from '@jest/globals';
import { KafkaBus, PlatformaticKafkaBus } from '@relapse-watch/messaging-kafka';
import { parseBusUrl } from '../config/store-url.config';
import { openBus } from './bus.factory';

// BUS_URL picks the Kafka client behind the Bus port; both connect to the real broker the
// global setup starts, and carry a message through it.
const kafkaUrl = process.env['KAFKA_URL'] ?? '';

describe('openBus on Kafka', () => {
  it.each([
    ['', PlatformaticKafkaBus],
    ['?client=kafkajs', KafkaBus],
  ])('BUS_URL=%s opens the matching adapter and delivers a message', async (query, adapter) => {
    const bus = await openBus(parseBusUrl('BUS_URL', `${kafkaUrl}${query}`), { clientId: 'bus-factory-spec' });
    try {
      expect(bus).toBeInstanceOf(adapter);
      const topic = `relapsewatch.busfactory${Date.now()}${query ? 'k' : 'p'}.events.v1`;
      const received: string[] = [];
      const subscription = await bus.subscribe({
        topic,
        group: `spec-${topic}`,
        handler: async (m) => void received.push(m.value),
      });
      await bus.publish(topic, [{ key: 'hh-1', value: '{"n":1}' }]);
      for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await subscription.close();
      expect(received).toEqual(['{"n":1}']);
    } finally {
      await bus.close();
    }
  });
});
