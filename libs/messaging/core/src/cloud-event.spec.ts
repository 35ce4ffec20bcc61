import { randomUUID } from 'node:crypto';
import { CloudEvent } from 'cloudevents';
import {
  cloudEventJson,
  parseCloudEvent,
  serializeCloudEvent,
  toCloudEvent,
  type IntegrationEventInit,
} from './cloud-event';
import { InvalidCloudEvent } from './errors';

function init(overrides: Partial<IntegrationEventInit> = {}): IntegrationEventInit {
  return {
    id: randomUUID(),
    type: 'cn.relapsewatch.registry.HouseholdRegistered.v1',
    subject: randomUUID(),
    time: '2024-08-20T09:30:00Z',
    dataschema: 'https://schemas.relapsewatch.cn/registry/household-registered.v1.json',
    data: { village: '四川省成都市锦江区某村', members: 4, note: '脱贫户 · 监测户' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    divisionCode: '510104001001',
    ...overrides,
  };
}

/** The envelope as JSON, with one attribute replaced (undefined removes it). */
function withAttribute(name: string, value: unknown): string {
  const json = JSON.parse(serializeCloudEvent(toCloudEvent(init()))) as Record<string, unknown>;
  if (value === undefined) delete json[name];
  else json[name] = value;
  return JSON.stringify(json);
}

function failure(run: () => unknown): { code: string; field: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCloudEvent);
    return { code: (error as InvalidCloudEvent).code, field: (error as InvalidCloudEvent).field };
  }
  throw new Error('expected a throw');
}

describe('CloudEvents envelope', () => {
  it('round-trips through JSON, Chinese text included, with every attribute and extension', () => {
    const source = init();
    const envelope = toCloudEvent(source);
    expect(envelope).toMatchObject({
      specversion: '1.0',
      id: source.id,
      source: '/relapse-watch/registry',
      type: source.type,
      subject: source.subject,
      time: '2024-08-20T09:30:00.000Z',
      datacontenttype: 'application/json',
      dataschema: source.dataschema,
      correlationid: source.correlationId,
      causationid: source.causationId,
      divisioncode: '510104001001',
      data: source.data,
    });
    const json = serializeCloudEvent(envelope);
    expect(json).toContain('四川省成都市锦江区某村');
    expect(parseCloudEvent(json)).toEqual(envelope);
    expect(parseCloudEvent(Buffer.from(json, 'utf8'))).toEqual(envelope);
  });

  it('leaves causationid out for a user’s own request, takes a Date and an explicit source', () => {
    const envelope = toCloudEvent(
      init({ causationId: null, time: new Date('2024-09-01T00:00:00Z'), source: '/relapse-watch/registry/import' }),
    );
    expect('causationid' in envelope).toBe(false);
    expect(envelope.time).toBe('2024-09-01T00:00:00.000Z');
    expect(envelope.source).toBe('/relapse-watch/registry/import');
    expect(parseCloudEvent(serializeCloudEvent(envelope))).toEqual(envelope);
  });

  it('keeps attributes other senders add (tolerant reader)', () => {
    const parsed = parseCloudEvent(
      withAttribute('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
    );
    expect((parsed as unknown as Record<string, unknown>).traceparent).toMatch(/^00-/);
  });

  it.each([
    ['specversion', '0.3'],
    ['id', undefined],
    ['id', ''],
    ['time', undefined],
    ['time', '20 August 2024'],
    ['type', 'cn.relapsewatch.registry.household-registered.v1'],
    ['source', undefined],
    ['subject', undefined],
    ['datacontenttype', 'text/plain'],
    ['dataschema', 'not a uri'],
    ['dataschema', undefined],
    ['correlationid', undefined],
    ['correlationid', 7],
    ['causationid', ''],
    ['divisioncode', '5101'],
    ['data', undefined],
    ['data_base64', 'AAEC'],
  ])('parse rejects %s = %j with that field named', (name, value) => {
    const expectedField = name === 'data_base64' ? 'data' : name;
    expect(failure(() => parseCloudEvent(withAttribute(name, value)))).toEqual({
      code: 'cloudevent.invalid',
      field: expectedField,
    });
  });

  it('parse rejects an extension name that is not lower-case alphanumerics', () => {
    expect(failure(() => parseCloudEvent(withAttribute('division_code', '510104001001')))).toEqual({
      code: 'cloudevent.invalid',
      field: 'division_code',
    });
  });

  it('parse rejects what is not a JSON object', () => {
    expect(failure(() => parseCloudEvent('{"id": '))).toEqual({ code: 'cloudevent.malformed-json', field: '$' });
    expect(failure(() => parseCloudEvent('[1, 2]'))).toEqual({ code: 'cloudevent.invalid', field: '$' });
    expect(failure(() => parseCloudEvent('null'))).toEqual({ code: 'cloudevent.invalid', field: '$' });
  });

  it('toCloudEvent and serializeCloudEvent reject bad input with the field at fault', () => {
    expect(failure(() => toCloudEvent(init({ type: 'cn.relapsewatch.registry.HouseholdRegistered' })))).toEqual({
      code: 'cloudevent.invalid',
      field: 'type',
    });
    expect(failure(() => toCloudEvent(init({ divisionCode: '51010400100X' }))).field).toBe('divisioncode');
    expect(failure(() => toCloudEvent(init({ time: new Date('nonsense') }))).field).toBe('time');
    expect(failure(() => toCloudEvent(init({ subject: '' }))).field).toBe('subject');
    expect(failure(() => toCloudEvent(init({ data: Buffer.from('binary') }))).field).toBe('data');
    const envelope = toCloudEvent(init());
    expect(failure(() => serializeCloudEvent({ ...envelope, dataschema: 'relative/path.json' })).field).toBe(
      'dataschema',
    );
    expect(failure(() => serializeCloudEvent({ ...envelope, data: { amount: 10n } })).field).toBe('data');
  });

  describe('the fast path (no SDK schema run per event) agrees with the SDK byte for byte', () => {
    /** What the cloudevents SDK itself makes of the same attributes. */
    function sdkJson(i: IntegrationEventInit, source = '/relapse-watch/registry'): string {
      const time = i.time instanceof Date ? i.time.toISOString() : i.time;
      const attributes: Record<string, unknown> = {
        specversion: '1.0',
        id: i.id,
        type: i.type,
        source: i.source ?? source,
        subject: i.subject,
        time,
        datacontenttype: 'application/json',
        dataschema: i.dataschema,
        correlationid: i.correlationId,
        divisioncode: i.divisionCode,
        data: i.data,
      };
      if (i.causationId) attributes.causationid = i.causationId;
      return JSON.stringify(new CloudEvent(attributes, true));
    }

    it.each([
      ['canonical time', init({ time: '2024-08-20T09:30:00.123Z' })],
      ['a Date', init({ time: new Date('2024-02-29T23:59:59.999Z') })],
      ['no causation', init({ causationId: null, time: '2024-08-20T09:30:00.000Z' })],
      ['time without milliseconds (SDK path)', init()],
      ['time with an offset (SDK path)', init({ time: '2024-08-20T17:30:00+08:00' })],
      ['string data', init({ data: '备注', time: '2024-08-20T09:30:00.000Z' })],
      ['explicit source', init({ source: 'https://relapsewatch.cn/registry', time: '2024-08-20T09:30:00.000Z' })],
    ])('%s', (_name, i) => {
      const reference = sdkJson(i);
      expect(serializeCloudEvent(toCloudEvent(i))).toBe(reference);
      expect(cloudEventJson(i).json).toBe(reference);
      expect(JSON.stringify(parseCloudEvent(reference))).toBe(reference);
    });

    it('still rejects a bad dataschema or time after good ones with the same source were accepted', () => {
      expect(() => toCloudEvent(init({ time: '2024-08-20T09:30:00.000Z' }))).not.toThrow();
      expect(
        failure(() => toCloudEvent(init({ time: '2024-08-20T09:30:00.000Z', dataschema: 'not a uri' }))).field,
      ).toBe('dataschema');
      expect(failure(() => toCloudEvent(init({ time: '2024-02-30T09:30:00.000Z' }))).field).toBe('time');
      expect(failure(() => parseCloudEvent(withAttribute('time', '2024-13-01T00:00:00.000Z'))).field).toBe('time');
    });
  });
});
