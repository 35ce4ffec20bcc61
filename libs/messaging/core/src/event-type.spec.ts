import { InvalidCloudEvent } from './errors';
import { eventSource, eventType, parseEventType } from './event-type';
import { deadLetterTopic, eventsTopic, isDeadLetterTopic } from './topic-names';

function codeOf(run: () => unknown): { code: string; field: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCloudEvent);
    const { code, field } = error as InvalidCloudEvent;
    return { code, field };
  }
  throw new Error('expected a throw');
}

describe('integration event types', () => {
  it('builds and parses cn.relapsewatch.<context>.<Event>.v<N>', () => {
    const type = eventType({ context: 'registry', event: 'HouseholdRegistered', version: 2 });
    expect(type).toBe('cn.relapsewatch.registry.HouseholdRegistered.v2');
    expect(parseEventType(type)).toEqual({ context: 'registry', event: 'HouseholdRegistered', version: 2 });
    expect(parseEventType('cn.relapsewatch.assistance.RiskEliminated.v12').version).toBe(12);
  });

  it.each([
    'cn.relapsewatch.registry.HouseholdRegistered',
    'cn.relapsewatch.registry.HouseholdRegistered.v0',
    'cn.relapsewatch.registry.HouseholdRegistered.v01',
    'cn.relapsewatch.registry.HouseholdRegistered.V1',
    'cn.relapsewatch.registry.householdRegistered.v1',
    'cn.relapsewatch.Registry.HouseholdRegistered.v1',
    'cn.relapsewatch.household-registry.HouseholdRegistered.v1',
    'cn.relapsewatch.registry.Household.Registered.v1',
    'com.example.registry.HouseholdRegistered.v1',
    ' cn.relapsewatch.registry.HouseholdRegistered.v1',
    'cn.relapsewatch.registry.HouseholdRegistered.v1 ',
    '',
  ])('rejects the malformed type %j', (type) => {
    expect(codeOf(() => parseEventType(type))).toEqual({ code: 'cloudevent.invalid-type', field: 'type' });
  });

  it('rejects a non-string type', () => {
    expect(codeOf(() => parseEventType(42)).field).toBe('type');
  });

  it('names the part at fault when building', () => {
    expect(codeOf(() => eventType({ context: 'Registry', event: 'HouseholdRegistered', version: 1 })).field).toBe(
      'context',
    );
    expect(codeOf(() => eventType({ context: 'registry', event: 'household_registered', version: 1 })).field).toBe(
      'event',
    );
    expect(codeOf(() => eventType({ context: 'registry', event: 'HouseholdRegistered', version: 0 })).field).toBe(
      'version',
    );
    expect(codeOf(() => eventType({ context: 'registry', event: 'HouseholdRegistered', version: 1.5 })).field).toBe(
      'version',
    );
  });

  it('gives each context its source', () => {
    expect(eventSource('inspection')).toBe('/relapse-watch/inspection');
    expect(codeOf(() => eventSource('../etc')).field).toBe('context');
  });
});

describe('topic names', () => {
  it('one topic per context, and its dead-letter topic', () => {
    const topic = eventsTopic('registry');
    expect(topic).toBe('relapsewatch.registry.events.v1');
    expect(eventsTopic('assistance', 2)).toBe('relapsewatch.assistance.events.v2');
    expect(deadLetterTopic(topic)).toBe('relapsewatch.registry.events.v1.dlq');
    expect(isDeadLetterTopic(deadLetterTopic(topic))).toBe(true);
    expect(isDeadLetterTopic(topic)).toBe(false);
  });

  it('rejects a malformed context or topic version', () => {
    expect(codeOf(() => eventsTopic('re gistry')).field).toBe('context');
    expect(() => eventsTopic('registry', 0)).toThrow(
      expect.objectContaining({ code: 'bus.invalid-topic', field: 'topicVersion' }),
    );
  });
});
