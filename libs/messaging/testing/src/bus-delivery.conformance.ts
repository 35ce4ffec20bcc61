import { describe, expect, it } from '@jest/globals';
import type { Bus, BusMessage, ReceivedMessage } from '@relapse-watch/messaging-core';
import { Received, sleep, uniqueGroup, uniqueTopic, waitFor } from './bus-test-helpers';

/** Delivery cases of the Bus conformance suite: round trip, per-key order, fan-out, resuming, input checks. */
export function busDeliveryCases(get: () => Bus): void {
  describe('delivery', () => {
    it('round trip: topic, key, value and headers intact, Chinese text included', async () => {
      const topic = uniqueTopic('round-trip');
      const sent: BusMessage[] = [
        {
          key: '户-0001',
          value: JSON.stringify({ 户主: '张三', 村: '锦江区某村', note: '脱贫户 · 监测户 😀' }),
          headers: { 'content-type': 'application/json', 来源: '入户核查' },
        },
        { key: 'household-2', value: 'plain text' },
        { key: '户-0001', value: '' },
      ];
      await get().publish(topic, sent);
      const received = new Received();
      await get().subscribe({ topic, group: uniqueGroup('round-trip'), handler: received.handler });
      await received.atLeast(3);
      const byValue = (m: { value: string }) => m.value;
      expect(received.messages.map(byValue).sort()).toEqual(sent.map(byValue).sort());
      for (const original of sent) {
        const got = received.messages.find((m) => m.value === original.value) as ReceivedMessage;
        expect(got).toMatchObject({ topic, key: original.key, headers: original.headers ?? {}, attempt: 1 });
        expect(Number.isInteger(got.partition) && got.partition >= 0).toBe(true);
        expect(got.offset).toMatch(/^[0-9]+$/);
      }
      const sameKey = received.messages.filter((m) => m.key === '户-0001');
      expect(sameKey.map(byValue)).toEqual([sent[0].value, sent[2].value]);
      expect(BigInt(sameKey[1].offset)).toBeGreaterThan(BigInt(sameKey[0].offset));
    });

    it('a publish of several MB (above Kafka’s default 1 MiB per request) arrives whole, each key in order', async () => {
      const topic = uniqueTopic('large-publish');
      const filler = '户主张三 · 锦江区某村 · '.repeat(40);
      const sent: BusMessage[] = Array.from({ length: 3_000 }, (_, i) => ({
        key: `household-${i % 7}`,
        value: `${i}:${filler}`,
      }));
      await get().publish(topic, sent);
      const received = new Received();
      await get().subscribe({ topic, group: uniqueGroup('large-publish'), handler: received.handler });
      await received.atLeast(sent.length);
      expect(received.messages.length).toBe(sent.length);
      for (let k = 0; k < 7; k++) {
        const key = `household-${k}`;
        const order = (messages: readonly { key: string; value: string }[]) =>
          messages.filter((m) => m.key === key).map((m) => Number(m.value.split(':')[0]));
        expect(order(received.messages)).toEqual(order(sent));
      }
    });

    it('per-key order: 20 keys published concurrently, handlers sleeping a few ms, never two at once per key', async () => {
      const topic = uniqueTopic('per-key-order');
      const keys = Array.from({ length: 20 }, (_, i) => `household-${i}`);
      const perKey = 15;
      const seen = new Map<string, number[]>(keys.map((k) => [k, []]));
      const active = new Set<string>();
      const overlaps: string[] = [];
      let total = 0;
      await get().subscribe({
        topic,
        group: uniqueGroup('per-key-order'),
        handler: async (m) => {
          if (active.has(m.key)) overlaps.push(m.key);
          active.add(m.key);
          await sleep(Math.floor(Math.random() * 4));
          seen.get(m.key)?.push(Number(m.value.split(':')[1]));
          active.delete(m.key);
          total++;
        },
      });
      await Promise.all(
        keys.map(async (key) => {
          for (let seq = 0; seq < perKey;) {
            const size = Math.min(1 + (seq % 3), perKey - seq);
            await get().publish(
              topic,
              Array.from({ length: size }, (_, i) => ({ key, value: `${key}:${seq + i}` })),
            );
            seq += size;
          }
        }),
      );
      await waitFor(`${keys.length * perKey} messages handled`, () => total >= keys.length * perKey);
      expect(overlaps).toEqual([]);
      for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
    });

    it('two consumer groups each receive every message', async () => {
      const topic = uniqueTopic('fan-out');
      const sent = Array.from({ length: 12 }, (_, i) => ({ key: `household-${i % 3}`, value: `event-${i}` }));
      await get().publish(topic, sent.slice(0, 6));
      const first = new Received();
      const second = new Received();
      await get().subscribe({ topic, group: uniqueGroup('fan-out-a'), handler: first.handler });
      await get().subscribe({ topic, group: uniqueGroup('fan-out-b'), handler: second.handler });
      await get().publish(topic, sent.slice(6));
      await first.atLeast(12);
      await second.atLeast(12);
      const expected = sent.map((m) => m.value).sort();
      expect(first.values().sort()).toEqual(expected);
      expect(second.values().sort()).toEqual(expected);
    });

    it('a group that subscribes again resumes after the messages it finished', async () => {
      const topic = uniqueTopic('resume');
      const group = uniqueGroup('resume');
      await get().publish(
        topic,
        Array.from({ length: 5 }, (_, i) => ({ key: 'household-1', value: `before-${i}` })),
      );
      const before = new Received();
      const first = await get().subscribe({ topic, group, handler: before.handler });
      await before.atLeast(5);
      await first.close();
      await get().publish(
        topic,
        Array.from({ length: 5 }, (_, i) => ({ key: 'household-1', value: `after-${i}` })),
      );
      const after = new Received();
      await get().subscribe({ topic, group, handler: after.handler });
      await after.atLeast(5);
      expect(before.values()).toEqual(['before-0', 'before-1', 'before-2', 'before-3', 'before-4']);
      expect(after.values()).toEqual(['after-0', 'after-1', 'after-2', 'after-3', 'after-4']);
    });

    it('bad input is rejected with a typed error and publishes nothing', async () => {
      const topic = uniqueTopic('bad-input');
      await expect(get().publish('not a topic!', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
        code: 'bus.invalid-topic',
        field: 'topic',
      });
      const partial = [
        { key: 'household-1', value: 'first' },
        { key: '', value: 'second' },
      ] as BusMessage[];
      await expect(get().publish(topic, partial)).rejects.toMatchObject({
        code: 'bus.invalid-message',
        field: 'messages[1].key',
      });
      const badHeaders = [{ key: 'household-1', value: 'v', headers: { n: 1 } }] as unknown as BusMessage[];
      await expect(get().publish(topic, badHeaders)).rejects.toMatchObject({
        code: 'bus.invalid-message',
        field: 'messages[0].headers',
      });
      const handler = async () => undefined;
      await expect(get().subscribe({ topic, group: 'g', handler, maxAttempts: 0 })).rejects.toMatchObject({
        code: 'bus.invalid-subscription',
        field: 'maxAttempts',
      });
      await expect(get().subscribe({ topic, group: '', handler })).rejects.toMatchObject({
        code: 'bus.invalid-subscription',
        field: 'group',
      });
      // Had the rejected batch been half written, "first" would arrive before "valid" (same key).
      await get().publish(topic, [{ key: 'household-1', value: 'valid' }]);
      const received = new Received();
      await get().subscribe({ topic, group: uniqueGroup('bad-input'), handler: received.handler });
      await received.atLeast(1);
      expect(received.values()[0]).toBe('valid');
    });
  });
}
