import { describe, expect, it } from '@jest/globals';
import { buildAsyncApiDocument, messageName } from './asyncapi/asyncapi-document';
import { CONTRACT_CHANGES } from './asyncapi/asyncapi-texts';
import { ALL_CONTRACTS } from './contract-registry';
import { checkAsyncApiDocument, createContractValidator } from './testing';

type Json = { [key: string]: unknown };

describe('AsyncAPI document of the integration events', () => {
  const document = buildAsyncApiDocument() as Json;

  it('parses with @asyncapi/parser without an error-level diagnostic', async () => {
    const check = await checkAsyncApiDocument(document);
    expect(check.errors).toEqual([]);
    expect(check.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect([...check.messageNames].sort()).toEqual(ALL_CONTRACTS.map(messageName).sort());
  }, 30_000);

  it('a broken document does give errors, so the check above can fail', async () => {
    const broken = {
      ...document,
      channels: { oops: { address: 'x', messages: { M: { $ref: '#/components/messages/Missing' } } } },
    };
    expect((await checkAsyncApiDocument(broken)).errors.length).toBeGreaterThan(0);
  }, 30_000);

  it('lists every 0.x correction in its description', () => {
    const description = (document.info as Json).description as string;
    for (const change of CONTRACT_CHANGES) expect(description).toContain(change);
    expect(description).toMatch(/grossBusinessFen[\s\S]*monitored[\s\S]*HouseholdLegacyMonitoringRecordNoted/);
  });

  it('has Chinese first in its title, one channel per topic and per dead-letter topic', () => {
    expect((document.info as Json).title).toMatch(/^[\u4e00-\u9fff].* · Relapse Watch/);
    const addresses = Object.values(document.channels as Record<string, Json>).map((c) => c.address);
    expect(addresses).toEqual(['relapsewatch.registry.events.v1', 'relapsewatch.registry.events.v1.dlq']);
  });

  it('describes each message with its Kafka key, CloudEvents type and data schema', () => {
    const messages = (document.components as Json).messages as Record<string, Json>;
    const schemas = (document.components as Json).schemas as Record<string, Json>;
    for (const contract of ALL_CONTRACTS) {
      const message = messages[messageName(contract)];
      expect(message.bindings).toMatchObject({ kafka: { key: { type: 'string' } } });
      expect(JSON.stringify(message.payload)).toContain(contract.type);
      expect(schemas[`${messageName(contract)}Data`]).toMatchObject({
        $id: contract.dataschema,
        additionalProperties: false,
      });
    }
    const envelope = schemas.CloudEventsEnvelope as { required: string[] };
    expect(envelope.required).toEqual(
      expect.arrayContaining([
        'id',
        'source',
        'type',
        'subject',
        'time',
        'dataschema',
        'datacontenttype',
        'specversion',
        'correlationid',
        'divisioncode',
      ]),
    );
    expect(Object.keys((schemas.CloudEventsEnvelope as { properties: Json }).properties)).toContain('causationid');
  });

  it('carries examples whose data validates against the contract', () => {
    const validator = createContractValidator();
    const messages = (document.components as Json).messages as Record<string, { examples: { payload: Json }[] }>;
    for (const contract of ALL_CONTRACTS) {
      const [example] = messages[messageName(contract)].examples;
      expect(example.payload).toMatchObject({ specversion: '1.0', type: contract.type, subject: contract.key.example });
      expect(validator.validate(contract.type, example.payload.data)).toEqual({ valid: true });
    }
  });
});
