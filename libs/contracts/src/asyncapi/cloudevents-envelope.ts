import type { EventContract, JsonSchema } from '../contract';

/** Kafka `content-type` header of a structured-mode CloudEvent (CloudEvents Kafka binding §3.3). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/** CloudEvents `datacontenttype` of every integration event. */
export const DATA_CONTENT_TYPE = 'application/json';

/**
 * JSON Schema (draft-07 keywords only, so AsyncAPI 3.0 tools read it) of the CloudEvents 1.0
 * envelope in structured mode, as the messaging libs build it: the Kafka message value is the
 * whole event. Open to further attributes (CloudEvents extensions may be added without a new
 * version; tolerant readers ignore them).
 */
export const CLOUDEVENTS_ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'CloudEvents 1.0 envelope (structured mode)',
  description:
    'CloudEvents 1.0 结构化模式：Kafka 消息值即完整事件（属性 + data）。 / CloudEvents 1.0 structured mode: the Kafka message value is the whole event, attributes and data.',
  required: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'dataschema',
    'correlationid',
    'divisioncode',
    'data',
  ],
  properties: {
    specversion: { const: '1.0', description: 'CloudEvents 规范版本 / CloudEvents spec version' },
    id: {
      type: 'string',
      minLength: 1,
      description:
        '事件唯一标识（UUIDv7，即存储事件的编号）；重发时不变，订阅方据此去重 / Unique event id (the stored event’s UUIDv7); unchanged on re-send, consumers deduplicate on it',
    },
    source: {
      type: 'string',
      pattern: '^/relapse-watch/[a-z][a-z0-9]*$',
      description: '发布上下文 / Publishing context, `/relapse-watch/<context>`',
    },
    type: {
      type: 'string',
      pattern: '^cn\\.relapsewatch\\.[a-z-]+\\.[A-Za-z]+\\.v[0-9]+$',
      description:
        '事件类型（含契约版本） / Event type with its contract version: `cn.relapsewatch.<context>.<Event>.v<N>`',
    },
    subject: {
      type: 'string',
      minLength: 1,
      description:
        '聚合编号（农户或案例）；除契约另有说明外同时是 Kafka 消息键（监测帮扶事件的主题为案例编号，键为农户编号） / Aggregate id (household, case); also the Kafka message key unless the contract says otherwise (assistance events: the case id, keyed by the household id)',
    },
    time: {
      type: 'string',
      format: 'date-time',
      description: '事实发生时间（RFC 3339，UTC） / When the fact happened, RFC 3339 in UTC',
    },
    datacontenttype: { const: DATA_CONTENT_TYPE, description: '`data` 为 JSON / `data` is JSON' },
    dataschema: {
      type: 'string',
      format: 'uri',
      description: '`data` 的 JSON Schema 地址（即其 `$id`） / URI of the JSON Schema of `data` (its `$id`)',
    },
    correlationid: {
      type: 'string',
      minLength: 1,
      description:
        '扩展属性：同一用户请求引发的所有消息共享 / Extension: shared by every message caused by one user request',
    },
    causationid: {
      type: 'string',
      minLength: 1,
      description:
        '扩展属性（可选）：引发本事件的命令或事件编号 / Extension (optional): id of the command or event that caused this one',
    },
    divisioncode: {
      type: 'string',
      pattern: '^[0-9]{12}$',
      description: '扩展属性：所属行政区划（12 位代码） / Extension: 12-digit division code of the tenant',
    },
    data: { description: '事件数据，结构见 `dataschema` / Event data, shaped by `dataschema`' },
  },
};

/** Example CloudEvents `id` of the contract at `index`, stable so the document is the same on every build. */
function exampleId(index: number): string {
  return `0191a5c3-0b7e-7c11-8a01-3f5e2d1c${(0x0b01 + index).toString(16).padStart(4, '0')}`;
}

/** Division code of an example envelope: the village of a household event, a team's township, the province otherwise. */
function exampleDivisionCode(fixture: unknown): string {
  const data = fixture as { villageCode?: unknown; townshipCode?: unknown; provinceCode?: unknown };
  if (typeof data.villageCode === 'string') return data.villageCode;
  if (typeof data.townshipCode === 'string') return data.townshipCode;
  if (typeof data.provinceCode === 'string') return `${data.provinceCode}0000000000`;
  return '510000000000';
}

/** A complete example message value (structured CloudEvent) carrying the contract's fixture. */
export function exampleEnvelope(contract: EventContract, index: number): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: exampleId(index),
    source: `/relapse-watch/${contract.context}`,
    type: contract.type,
    subject: contract.subject.example,
    time: '2024-08-20T02:15:30.000Z',
    datacontenttype: DATA_CONTENT_TYPE,
    dataschema: contract.dataschema,
    correlationid: '0191a5c3-0a00-7000-8000-000000000001',
    causationid: '0191a5c3-0a00-7000-8000-000000000002',
    divisioncode: exampleDivisionCode(contract.fixture),
    data: contract.fixture,
  };
}
