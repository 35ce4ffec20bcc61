import { describe, expect, it } from '@jest/globals';
import { buildAsyncApiDocument, messageName } from './asyncapi/asyncapi-document';
import { CONTRACT_CHANGES } from './asyncapi/asyncapi-texts';
import { ALL_CONTRACTS } from './contract-registry';
import { ASSISTANCE_CONTRACTS } from './assistance';
import { INSPECTION_CONTRACTS } from './inspection';
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
    expect(addresses).toEqual([
      'relapsewatch.registry.events.v1',
      'relapsewatch.registry.events.v1.dlq',
      'relapsewatch.inspection.events.v1',
      'relapsewatch.inspection.events.v1.dlq',
      'relapsewatch.assistance.events.v1',
      'relapsewatch.assistance.events.v1.dlq',
    ]);
  });

  it('lists the inspection events on their own channel and operations, and says they were added', () => {
    const channels = document.channels as Record<string, { messages: Json }>;
    const operations = document.operations as Record<string, { messages: unknown[] }>;
    const inspection = Object.keys(channels['relapsewatch-inspection-events-v1'].messages);
    expect(inspection).toEqual(INSPECTION_CONTRACTS.map(messageName));
    expect(Object.keys(channels['relapsewatch-inspection-events-v1-dlq'].messages)).toEqual(inspection);
    expect(Object.keys(channels['relapsewatch-registry-events-v1'].messages)).not.toContain('CampaignLaunchedV1');
    expect(operations['publish-relapsewatch-inspection-events-v1'].messages).toHaveLength(INSPECTION_CONTRACTS.length);
    expect(operations['dead-letter-relapsewatch-inspection-events-v1'].messages).toHaveLength(
      INSPECTION_CONTRACTS.length,
    );
    const added = CONTRACT_CHANGES.find((change) => change.startsWith('0.x 议题 11'));
    expect(added).toMatch(/^0\.x 议题 11：新增排查服务的集成事件.* \/ 0\.x, issue 11: inspection events added/);
    for (const contract of INSPECTION_CONTRACTS)
      expect(added).toContain(`\`${messageName(contract).replace(/V1$/, '.v1')}\``);
  });

  it('lists the assistance events on their own channel and operations, keyed by household with the case as subject, and says they were added', () => {
    const channels = document.channels as Record<string, { messages: Json }>;
    const operations = document.operations as Record<string, { messages: unknown[] }>;
    const assistance = Object.keys(channels['relapsewatch-assistance-events-v1'].messages);
    expect(assistance).toEqual(ASSISTANCE_CONTRACTS.map(messageName));
    expect(Object.keys(channels['relapsewatch-assistance-events-v1-dlq'].messages)).toEqual(assistance);
    expect(operations['publish-relapsewatch-assistance-events-v1'].messages).toHaveLength(14);
    const messages = (document.components as Json).messages as Record<string, Json>;
    const opened = messages.MonitoringCaseOpenedV1;
    expect(JSON.stringify(opened.bindings)).toContain('农户编号（householdId）');
    const subject = ((opened.payload as { allOf: Json[] }).allOf[1].properties as Json).subject as Json;
    expect(subject.description).toMatch(/^监测案例编号（caseId）.* \/ The monitoring case id/);
    expect((opened.examples as { payload: Json }[])[0].payload).toMatchObject({
      source: '/relapse-watch/assistance',
      subject: '0193a1b2-0000-7000-8000-000000000001',
      divisioncode: '511923102202',
      data: { householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63' },
    });
    expect(CONTRACT_CHANGES[0]).toMatch(
      /^0\.x 议题 12：新增监测帮扶服务的集成事件.* \/ 0\.x, issue 12: assistance events added/,
    );
    for (const contract of ASSISTANCE_CONTRACTS)
      expect(CONTRACT_CHANGES[0]).toContain(`\`${messageName(contract).replace(/V1$/, '.v1')}\``);
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
      expect(example.payload).toMatchObject({
        specversion: '1.0',
        type: contract.type,
        subject: contract.subject.example,
      });
      expect(validator.validate(contract.type, example.payload.data)).toEqual({ valid: true });
    }
    const ids = ALL_CONTRACTS.map((contract) => messages[messageName(contract)].examples[0].payload.id);
    expect(new Set(ids).size).toBe(ALL_CONTRACTS.length);
    const teamFormed = messages.InspectionTeamFormedV1.examples[0].payload;
    expect(teamFormed).toMatchObject({ source: '/relapse-watch/inspection', divisioncode: '511923102000' });
  });
});
