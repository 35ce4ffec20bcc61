import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { busConformance, Received, waitFor } from '@relapse-watch/messaging-testing';
import { Kafka } from 'kafkajs';
import { KafkaBus } from './kafka-bus';
import type { KafkaLogLine } from './kafka-logger';
import { brokersFromKafkaUrl } from './kafka-url';

const brokers = brokersFromKafkaUrl(process.env.KAFKA_URL ?? '');

busConformance('kafka', async () => new KafkaBus({ brokers, clientId: 'kafka-bus-spec' }));

describe('KafkaBus specifics', () => {
  let bus: KafkaBus;
  const logged: KafkaLogLine[] = [];
  beforeEach(() => {
    bus = new KafkaBus({ brokers, clientId: 'kafka-bus-spec', partitions: 4, log: (line) => logged.push(line) });
  });
  afterEach(() => bus.close());

  it('creates a topic on first publish with the configured partitions', async () => {
    const topic = `kafka-spec.partitions.${randomUUID()}`;
    await bus.publish(topic, [{ key: 'household-1', value: 'v' }]);
    const admin = new Kafka({ brokers, clientId: 'kafka-bus-spec-admin', logCreator: () => () => undefined }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0].partitions).toHaveLength(4);
    } finally {
      await admin.disconnect();
    }
  });

  it('puts a key in the partition the Java client picks (murmur2), as librdkafka with murmur2_random does', async () => {
    const topic = `kafka-spec.murmur2.${randomUUID()}`;
    const keys = Array.from({ length: 8 }, (_, i) => `household-${i}`);
    await bus.publish(
      topic,
      keys.map((key) => ({ key, value: 'ours' })),
    );
    const input = keys.map((key) => `${key}|theirs`).join('\n');
    const produce = spawnSync(
      'kcat',
      ['-b', brokers[0], '-P', '-t', topic, '-K', '|', '-X', 'partitioner=murmur2_random'],
      { input, encoding: 'utf8' },
    );
    expect(produce.stderr).toBe('');
    expect(produce.status).toBe(0);
    const received = new Received();
    await bus.subscribe({ topic, group: `murmur2-${randomUUID()}`, handler: received.handler });
    await received.atLeast(16);
    const partitionOf = (key: string, value: string) =>
      received.messages.find((m) => m.key === key && m.value === value)?.partition;
    for (const key of keys) expect(partitionOf(key, 'theirs')).toBe(partitionOf(key, 'ours'));
    expect(new Set(received.messages.map((m) => m.partition)).size).toBeGreaterThan(1);
  });

  it('sends a publish larger than maxRequestBytes as consecutive requests: all arrive, one key in order', async () => {
    const small = new KafkaBus({ brokers, clientId: 'kafka-bus-spec', maxRequestBytes: 4_000 });
    try {
      const topic = `kafka-spec.split.${randomUUID()}`;
      const sent = Array.from({ length: 60 }, (_, i) => ({
        key: i % 3 === 0 ? 'household-a' : `household-${i}`,
        value: `${i}:${'户'.repeat(100)}`,
      }));
      await small.publish(topic, sent);
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

  it('refuses a message larger than maxRequestBytes before sending any of the publish', async () => {
    const small = new KafkaBus({ brokers, clientId: 'kafka-bus-spec', maxRequestBytes: 4_000 });
    try {
      const topic = `kafka-spec.too-large.${randomUUID()}`;
      await expect(
        small.publish(topic, [
          { key: 'k', value: 'first' },
          { key: 'k', value: 'x'.repeat(5_000) },
        ]),
      ).rejects.toMatchObject({
        code: 'bus.invalid-message',
        field: 'messages[1]',
      });
      await small.publish(topic, [{ key: 'k', value: 'after' }]);
      const received = new Received();
      await small.subscribe({ topic, group: `too-large-${randomUUID()}`, handler: received.handler });
      await received.atLeast(1);
      expect(received.values()).toEqual(['after']);
    } finally {
      await small.close();
    }
  });

  it('members of one group share the partitions, and each message is handled once', async () => {
    const topic = `kafka-spec.shared-group.${randomUUID()}`;
    const group = `shared-${randomUUID()}`;
    const first = new Received();
    const second = new Received();
    await bus.subscribe({ topic, group, handler: first.handler });
    // Resolves once the rebalance that includes both members is done, so no message moves between them.
    await bus.subscribe({ topic, group, handler: second.handler });
    const sent = Array.from({ length: 40 }, (_, i) => ({ key: `household-${i}`, value: `event-${i}` }));
    await bus.publish(topic, sent);
    await waitFor('40 messages handled by the group', () => first.messages.length + second.messages.length >= 40);
    expect([...first.values(), ...second.values()].sort()).toEqual(sent.map((m) => m.value).sort());
    expect(first.messages.length).toBeGreaterThan(0);
    expect(second.messages.length).toBeGreaterThan(0);
    const firstPartitions = new Set(first.messages.map((m) => m.partition));
    expect(second.messages.some((m) => firstPartitions.has(m.partition))).toBe(false);
  });

  it('passes kafkajs log lines on with level, component and message only', async () => {
    const topic = `kafka-spec.log.${randomUUID()}`;
    const subscription = await bus.subscribe({ topic, group: `log-${randomUUID()}`, handler: async () => undefined });
    await subscription.close();
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(Object.keys(line).sort()).toEqual(['level', 'message', 'namespace']);
  });
});

describe('KafkaBus options', () => {
  it('reads the brokers of a kafka:// URL and rejects other forms without echoing them', () => {
    expect(brokersFromKafkaUrl('kafka://127.0.0.1:19092')).toEqual(['127.0.0.1:19092']);
    expect(brokersFromKafkaUrl('kafka://kafka-1:9092,kafka-2:9092/')).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    for (const url of ['', 'inproc:', 'kafka://', 'kafka://user:secret@host:9092', 'kafka://host']) {
      expect(() => brokersFromKafkaUrl(url)).toThrow(
        expect.objectContaining({ code: 'bus.invalid-options', field: 'url' }),
      );
    }
    expect(() => brokersFromKafkaUrl('kafka://user:secret@host:9092')).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('secret') }),
    );
  });

  it('rejects bad brokers and layout numbers with bus.invalid-options naming the option', () => {
    expect(() => new KafkaBus({ brokers: [] })).toThrow(
      expect.objectContaining({ code: 'bus.invalid-options', field: 'brokers' }),
    );
    for (const field of [
      'partitions',
      'replicationFactor',
      'partitionConcurrency',
      'fetchMaxWaitMs',
      'maxRequestBytes',
    ] as const) {
      expect(() => new KafkaBus({ brokers, [field]: 0 })).toThrow(
        expect.objectContaining({ code: 'bus.invalid-options', field }),
      );
    }
  });
});
