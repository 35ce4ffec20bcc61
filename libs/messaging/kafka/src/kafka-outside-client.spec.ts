import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_JSON_CONTENT_TYPE,
  parseCloudEvent,
  serializeCloudEvent,
  toCloudEvent,
} from '@relapse-watch/messaging-core';
import { CloudEvent, Kafka as CloudEventsKafka } from 'cloudevents';
import { KafkaBus } from './kafka-bus';
import { brokersFromKafkaUrl } from './kafka-url';

const brokers = brokersFromKafkaUrl(process.env.KAFKA_URL ?? '');

/** One record of `topic` as kcat (librdkafka, no code of ours) formats it. */
function kcat(topic: string, format: string): string {
  const run = spawnSync(
    'kcat',
    ['-b', brokers[0], '-C', '-t', topic, '-o', 'beginning', '-c', '1', '-e', '-q', '-f', format],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`kcat exited ${run.status ?? run.signal}: ${run.stderr}`);
  return run.stdout;
}

describe('KafkaBus seen from an outside client', () => {
  let bus: KafkaBus;
  beforeEach(() => {
    bus = new KafkaBus({ brokers, clientId: 'kafka-outside-client-spec' });
  });
  afterEach(() => bus.close());

  it('kcat reads an integration event we published, keyed by its subject, as a valid CloudEvent', async () => {
    const topic = `kafka-spec.outside-client.${randomUUID()}`;
    const householdId = randomUUID();
    const envelope = toCloudEvent({
      id: randomUUID(),
      type: 'cn.relapsewatch.registry.HouseholdRegistered.v1',
      subject: householdId,
      time: new Date('2026-03-02T08:15:00.000Z'),
      dataschema: 'https://schemas.relapsewatch.cn/registry/household-registered.v1.json',
      data: { village: '四川省成都市锦江区某村', members: 4 },
      correlationId: randomUUID(),
      divisionCode: '510104001001',
    });
    const value = serializeCloudEvent(envelope);
    await bus.publish(topic, [{ key: householdId, value, headers: { 'content-type': CLOUDEVENTS_JSON_CONTENT_TYPE } }]);

    const read = kcat(topic, '%s');
    expect(read).toBe(value);
    expect(kcat(topic, '%k')).toBe(householdId);

    // The SDK's strict constructor runs its CloudEvents 1.0 schema validation.
    const sdkEvent = new CloudEvent<unknown>(JSON.parse(read) as Record<string, unknown>, true);
    expect(sdkEvent.validate()).toBe(true);
    expect(sdkEvent).toMatchObject({
      specversion: '1.0',
      id: envelope.id,
      subject: householdId,
      divisioncode: '510104001001',
    });

    // The SDK's Kafka binding recognises the record as a structured-mode event.
    const record = {
      key: householdId,
      value: read,
      body: read,
      headers: { 'content-type': CLOUDEVENTS_JSON_CONTENT_TYPE },
    };
    expect(CloudEventsKafka.isEvent(record)).toBe(true);
    const bound = CloudEventsKafka.toEvent(record) as CloudEvent<unknown>;
    expect(bound.validate()).toBe(true);
    expect(bound.type).toBe(envelope.type);
    expect(bound.data).toEqual(envelope.data);

    expect(parseCloudEvent(read)).toEqual(envelope);
  });
});
