import { randomUUID } from 'node:crypto';
import { busConformance, Received, waitFor } from '@relapse-watch/messaging-testing';
import { KafkaBus } from '../kafka-bus';
import { kafkaBusSettings } from '../kafka-options';
import { brokersFromKafkaUrl } from '../kafka-url';
import { javaCompatiblePartitioner, PlatformaticKafkaBus } from './platformatic-kafka-bus';
import { compatibilityPartitioner, defaultPartitioner } from '@platformatic/kafka';
import { Partitioners } from 'kafkajs';

const brokers = brokersFromKafkaUrl(process.env.KAFKA_URL ?? '');

busConformance(
  'kafka (@platformatic/kafka)',
  async () => new PlatformaticKafkaBus({ brokers, clientId: 'platformatic-bus-spec' }),
);

describe('PlatformaticKafkaBus specifics', () => {
  it('picks the partition kafkajs’s DefaultPartitioner (the Java client’s murmur2) picks; the client’s own default does not always', () => {
    const theirs = Partitioners.DefaultPartitioner();
    const keys = ['a', 'household-1', '户主张三', '😀 émoji', ...Array.from({ length: 2_000 }, () => randomUUID())];
    let defaultDiffers = false;
    for (const partitions of [1, 3, 4, 7, 12]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        replicas: [0],
        isr: [0],
        partitionErrorCode: 0,
        offlineReplicas: [],
      }));
      for (const key of keys) {
        const buffer = Buffer.from(key, 'utf8');
        // The producer takes the remainder of what the partitioner returns.
        const ours = javaCompatiblePartitioner(undefined, buffer) % partitions;
        expect([key, ours]).toEqual([key, theirs({ topic: 't', partitionMetadata, message: { key, value: 'v' } })]);
        expect(ours).toBe(compatibilityPartitioner(undefined as never, buffer) % partitions);
        if (defaultPartitioner(undefined as never, buffer) % partitions !== ours) defaultDiffers = true;
      }
    }
    expect(defaultDiffers).toBe(true);
  });

  it('puts a key on the partition KafkaBus (kafkajs) puts it on, through the broker', async () => {
    const topic = `platformatic-spec.same-partition.${randomUUID()}`;
    const ours = new PlatformaticKafkaBus({ brokers, clientId: 'platformatic-bus-spec', partitions: 7 });
    const kafkajs = new KafkaBus({ brokers, clientId: 'platformatic-bus-spec', partitions: 7 });
    try {
      const keys = Array.from({ length: 40 }, (_, i) => `household-${i}-${randomUUID()}`);
      await ours.publish(
        topic,
        keys.map((key) => ({ key, value: 'platformatic' })),
      );
      await kafkajs.publish(
        topic,
        keys.map((key) => ({ key, value: 'kafkajs' })),
      );
      const received = new Received();
      await ours.subscribe({ topic, group: `same-partition-${randomUUID()}`, handler: received.handler });
      await received.atLeast(80);
      const partitionOf = (key: string, value: string) =>
        received.messages.find((m) => m.key === key && m.value === value)?.partition;
      for (const key of keys)
        expect([key, partitionOf(key, 'platformatic')]).toEqual([key, partitionOf(key, 'kafkajs')]);
      expect(new Set(received.messages.map((m) => m.partition)).size).toBeGreaterThan(1);
    } finally {
      await Promise.all([ours.close(), kafkajs.close()]);
    }
  });

  it('sends a publish larger than maxRequestBytes as consecutive requests and refuses a single larger message', async () => {
    const small = new PlatformaticKafkaBus({ brokers, clientId: 'platformatic-bus-spec', maxRequestBytes: 4_000 });
    try {
      const topic = `platformatic-spec.split.${randomUUID()}`;
      const sent = Array.from({ length: 60 }, (_, i) => ({
        key: i % 3 === 0 ? 'household-a' : `household-${i}`,
        value: `${i}:${'户'.repeat(100)}`,
      }));
      await small.publish(topic, sent);
      await expect(small.publish(topic, [{ key: 'k', value: 'x'.repeat(5_000) }])).rejects.toMatchObject({
        code: 'bus.invalid-message',
        field: 'messages[0]',
      });
      const received = new Received();
      await small.subscribe({ topic, group: `split-${randomUUID()}`, handler: received.handler });
      await received.atLeast(60);
      expect(received.values().sort()).toEqual(sent.map((m) => m.value).sort());
      const ofA = received.messages.filter((m) => m.key === 'household-a').map((m) => m.value);
      expect(ofA).toEqual(sent.filter((m) => m.key === 'household-a').map((m) => m.value));
    } finally {
      await small.close();
    }
  });

  it('members of one group share the partitions, and each message is handled once', async () => {
    const bus = new PlatformaticKafkaBus({ brokers, clientId: 'platformatic-bus-spec', partitions: 4 });
    try {
      const topic = `platformatic-spec.shared-group.${randomUUID()}`;
      const group = `shared-${randomUUID()}`;
      const first = new Received();
      const second = new Received();
      await bus.subscribe({ topic, group, handler: first.handler });
      await bus.subscribe({ topic, group, handler: second.handler });
      const sent = Array.from({ length: 40 }, (_, i) => ({ key: `household-${i}`, value: `event-${i}` }));
      await bus.publish(topic, sent);
      await waitFor('40 messages handled by the group', () => first.messages.length + second.messages.length >= 40);
      expect([...first.values(), ...second.values()].sort()).toEqual(sent.map((m) => m.value).sort());
      expect(first.messages.length).toBeGreaterThan(0);
      expect(second.messages.length).toBeGreaterThan(0);
      const firstPartitions = new Set(first.messages.map((m) => m.partition));
      expect(second.messages.some((m) => firstPartitions.has(m.partition))).toBe(false);
    } finally {
      await bus.close();
    }
  });

  it('validates options as KafkaBus does', () => {
    expect(() => new PlatformaticKafkaBus({ brokers: [] })).toThrow(
      expect.objectContaining({ code: 'bus.invalid-options', field: 'brokers' }),
    );
    for (const field of [
      'partitions',
      'replicationFactor',
      'partitionConcurrency',
      'fetchMaxWaitMs',
      'maxRequestBytes',
    ] as const) {
      expect(() => new PlatformaticKafkaBus({ brokers, [field]: 0 })).toThrow(
        expect.objectContaining({ code: 'bus.invalid-options', field }),
      );
    }
    expect(kafkaBusSettings({ brokers })).toMatchObject({
      partitions: 3,
      partitionConcurrency: 3,
      fetchMaxWaitMs: 500,
      maxRequestBytes: 1_000_000,
    });
  });
});

describe('PlatformaticKafkaBus when its message stream fails', () => {
  it('replaces the failed stream and goes on delivering from the committed offsets', async () => {
    const bus = new PlatformaticKafkaBus({ brokers, clientId: 'platformatic-bus-spec' });
    try {
      const topic = `platformatic-spec.restart.${randomUUID()}`;
      const received = new Received();
      const subscription = await bus.subscribe({ topic, group: `restart-${randomUUID()}`, handler: received.handler });
      await bus.publish(topic, [{ key: 'household-1', value: 'before' }]);
      await received.atLeast(1);
      // What the client does when a broker stays away past its retries: the stream errors and ends.
      const stream = (subscription as unknown as { stream: NodeJS.ReadableStream & { destroy(error: Error): void } })
        .stream;
      stream.destroy(new Error('simulated broker loss'));
      await bus.publish(topic, [{ key: 'household-1', value: 'after' }]);
      await received.atLeast(2);
      expect(received.messages.map((m) => m.value)).toContain('after');
      expect((subscription as unknown as { stream: unknown }).stream).not.toBe(stream);
    } finally {
      await bus.close();
    }
  });
});
