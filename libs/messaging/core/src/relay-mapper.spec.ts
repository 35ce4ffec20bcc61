import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { parseCloudEvent } from './cloud-event';
import { aggregateIdOfStream, contractMapper, integrationMessage } from './relay-mapper';

function stored(type: string, streamId: string, causationId: string | null = randomUUID()): StoredEvent {
  return {
    id: randomUUID(),
    streamId,
    revision: 3,
    position: 120,
    type,
    schemaVersion: 1,
    data: { 户主: '张三', members: 4 },
    metadata: {
      actor: { userId: 'inspector-0001', role: 'village-inspector' },
      divisionCode: '510104001001',
      correlationId: randomUUID(),
      causationId,
      occurredAt: '2024-08-20T09:30:00.000Z',
    },
    recordedAt: '2024-08-21T01:00:00.000Z',
    hash: 'a'.repeat(64),
    prevHash: null,
  };
}

const registered = {
  context: 'registry',
  event: 'HouseholdRegistered',
  version: 1,
  dataschema: 'https://schemas.relapsewatch.cn/registry/household-registered.v1.json',
};

describe('relay mapping', () => {
  it('turns a stored event into a CloudEvent keyed by its aggregate id, with the metadata as extensions', () => {
    const householdId = randomUUID();
    const event = stored('HouseholdRegistered', `registry-household-${householdId}`);
    const { topic, message } = integrationMessage(event, registered);
    expect(topic).toBe('relapsewatch.registry.events.v1');
    expect(message.key).toBe(householdId);
    expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=UTF-8' });
    expect(parseCloudEvent(message.value)).toEqual({
      specversion: '1.0',
      id: event.id,
      source: '/relapse-watch/registry',
      type: 'cn.relapsewatch.registry.HouseholdRegistered.v1',
      subject: householdId,
      time: '2024-08-20T09:30:00.000Z',
      datacontenttype: 'application/json',
      dataschema: registered.dataschema,
      correlationid: event.metadata.correlationId,
      causationid: event.metadata.causationId,
      divisioncode: '510104001001',
      data: event.data,
    });
  });

  it('is deterministic, so a re-sent event keeps its CloudEvent id', () => {
    const event = stored('HouseholdRegistered', `registry-household-${randomUUID()}`, null);
    expect(integrationMessage(event, registered)).toEqual(integrationMessage(event, registered));
    expect('causationid' in parseCloudEvent(integrationMessage(event, registered).message.value)).toBe(false);
  });

  it('a contract table publishes listed types with their own data and keeps the rest private', async () => {
    const mapper = contractMapper({
      HouseholdRegistered: { ...registered, toData: (e) => ({ members: (e.data as { members: number }).members }) },
    });
    const published = await mapper(stored('HouseholdRegistered', `registry-household-${randomUUID()}`));
    expect(parseCloudEvent(published!.message.value).data).toEqual({ members: 4 });
    expect(await mapper(stored('HouseholdNoteTaken', `registry-household-${randomUUID()}`))).toBeNull();
  });

  it('finds the aggregate id in <context>-<aggregate>-<id> and rejects other stream ids', () => {
    expect(aggregateIdOfStream('assistance-case-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
    expect(() => aggregateIdOfStream('household')).toThrow(
      expect.objectContaining({ code: 'cloudevent.invalid', field: 'subject' }),
    );
  });
});
