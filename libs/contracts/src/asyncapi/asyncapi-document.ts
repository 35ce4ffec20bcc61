import type { EventContract, JsonSchema } from '../contract';
import {
  ALL_CONTRACTS,
  contractTopics,
  DEAD_LETTER_HEADER_NAMES,
  DEAD_LETTER_TOPIC_SUFFIX,
} from '../contract-registry';
import { ASYNCAPI_DESCRIPTION, ASYNCAPI_TITLE, deadLetterDescription } from './asyncapi-texts';
import { CLOUDEVENTS_CONTENT_TYPE, CLOUDEVENTS_ENVELOPE_SCHEMA, exampleEnvelope } from './cloudevents-envelope';

/** An AsyncAPI 3.0.0 document as a plain JSON object. */
export type AsyncApiDocument = { readonly asyncapi: '3.0.0' } & { readonly [field: string]: unknown };

/** Options of {@link buildAsyncApiDocument}. */
export interface AsyncApiDocumentOptions {
  /** `info.version`; default `1.0.0`. */
  readonly version?: string;
  /** Contracts to describe; default every published one. */
  readonly contracts?: readonly EventContract[];
}

/** Version of the Kafka bindings the document uses. */
const KAFKA_BINDING_VERSION = '0.5.0';

/** Component name of a contract's message: `HouseholdRegisteredV1`. */
export function messageName(contract: EventContract): string {
  return `${contract.event}V${contract.version}`;
}

/** Channel id of a topic (AsyncAPI keys are letters, digits, `_` and `-`). */
export function channelId(topic: string): string {
  return topic.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The data schema as AsyncAPI 3.0 embeds it: the 2020-12 `$schema` dropped, the keywords used are draft-07 ones. */
function embeddedDataSchema(contract: EventContract): JsonSchema {
  const { $schema: _dialect, ...schema } = contract.schema;
  return schema;
}

function message(contract: EventContract, index: number): JsonSchema {
  const name = messageName(contract);
  return {
    name,
    title: `${contract.title['zh-CN']} · ${contract.title.en}`,
    summary: `${contract.summary['zh-CN']} / ${contract.summary.en}`,
    description: `CloudEvents \`type\`: \`${contract.type}\`; \`dataschema\`: ${contract.dataschema}`,
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    tags: [
      { name: contract.context },
      ...(contract.containsPersonalData
        ? [{ name: 'personal-data', description: '载荷含 `personal` 对象 / Payload has a `personal` object' }]
        : []),
    ],
    correlationId: { $ref: '#/components/correlationIds/CorrelationId' },
    headers: { $ref: '#/components/schemas/KafkaHeaders' },
    payload: {
      allOf: [
        { $ref: '#/components/schemas/CloudEventsEnvelope' },
        {
          type: 'object',
          properties: {
            type: { const: contract.type },
            dataschema: { const: contract.dataschema },
            subject: {
              type: 'string',
              ...(contract.subject.pattern ? { pattern: contract.subject.pattern } : {}),
              description: `${contract.subject.description['zh-CN']} / ${contract.subject.description.en}`,
            },
            data: { $ref: `#/components/schemas/${name}Data` },
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          minLength: 1,
          ...(contract.key.pattern ? { pattern: contract.key.pattern } : {}),
          description: `${contract.key.description['zh-CN']} / ${contract.key.description.en}`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [
      {
        name: `${name}Example`,
        summary: contract.title['zh-CN'],
        headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
        payload: exampleEnvelope(contract, index),
      },
    ],
  };
}

function channels(contracts: readonly EventContract[]): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const topic of contractTopics(contracts)) {
    const messages = Object.fromEntries(
      contracts
        .filter((c) => c.topic === topic)
        .map((c) => [messageName(c), { $ref: `#/components/messages/${messageName(c)}` }]),
    );
    const deadLetterTopic = `${topic}${DEAD_LETTER_TOPIC_SUFFIX}`;
    result[channelId(topic)] = {
      address: topic,
      title: topic,
      description: `按聚合编号分区的集成事件主题 / Integration events, keyed by aggregate id`,
      messages,
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    result[channelId(deadLetterTopic)] = {
      address: deadLetterTopic,
      title: deadLetterTopic,
      description: deadLetterDescription(topic),
      messages,
      bindings: { kafka: { topic: deadLetterTopic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
  }
  return result;
}

function operations(contracts: readonly EventContract[]): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const topic of contractTopics(contracts)) {
    const id = channelId(topic);
    const messages = (channel: string) =>
      contracts
        .filter((c) => c.topic === topic)
        .map((c) => ({ $ref: `#/channels/${channel}/messages/${messageName(c)}` }));
    result[`publish-${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `发布 ${topic} · Publish ${topic}`,
      summary:
        '由事件中继从事件存储按序发布，至少一次 / Published by the relay from the event store, in order, at least once',
      messages: messages(id),
    };
    const dlq = channelId(`${topic}${DEAD_LETTER_TOPIC_SUFFIX}`);
    result[`dead-letter-${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${dlq}` },
      title: `死信 ${topic} · Dead-letter ${topic}`,
      summary:
        '订阅方在重试用尽后转发无法处理的消息 / A consumer forwards a message it could not handle after its retries',
      messages: messages(dlq),
    };
  }
  return result;
}

/** Kafka headers of a message: the CloudEvents content type, plus the dead-letter headers on `.dlq` topics. */
const KAFKA_HEADERS: JsonSchema = {
  type: 'object',
  required: ['content-type'],
  properties: {
    'content-type': { const: CLOUDEVENTS_CONTENT_TYPE },
    ...Object.fromEntries(
      Object.values(DEAD_LETTER_HEADER_NAMES).map((name) => [
        name,
        { type: 'string', description: '仅死信主题 / Dead-letter topics only' },
      ]),
    ),
  },
};

/**
 * The AsyncAPI 3.0.0 document of every integration event: one channel per topic and one per
 * `.dlq` topic, each message with its Kafka key binding, the CloudEvents envelope and the
 * contract's data schema, and a complete example built from the contract's fixture.
 */
export function buildAsyncApiDocument(options: AsyncApiDocumentOptions = {}): AsyncApiDocument {
  const contracts = options.contracts ?? ALL_CONTRACTS;
  return {
    asyncapi: '3.0.0',
    id: 'urn:cn:relapsewatch:integration-events',
    info: {
      title: ASYNCAPI_TITLE,
      version: options.version ?? '1.0.0',
      description: ASYNCAPI_DESCRIPTION,
      tags: [...new Set(contracts.map((c) => c.context))].map((name) => ({ name })),
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    channels: channels(contracts),
    operations: operations(contracts),
    components: {
      schemas: {
        CloudEventsEnvelope: CLOUDEVENTS_ENVELOPE_SCHEMA,
        KafkaHeaders: KAFKA_HEADERS,
        ...Object.fromEntries(contracts.map((c) => [`${messageName(c)}Data`, embeddedDataSchema(c)])),
      },
      correlationIds: {
        CorrelationId: {
          description: '同一用户请求引发的消息共享 / Shared by every message one user request caused',
          location: '$message.payload#/correlationid',
        },
      },
      messages: Object.fromEntries(contracts.map((c, index) => [messageName(c), message(c, index)])),
    },
  };
}
