/** A text in Chinese (first) and English, as every public document of the project is written. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A JSON Schema (draft 2020-12) as a plain JSON object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** JSON Schema dialect of every contract schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Base URI of the published schemas: `<base>/<context>/<event-name>/v<N>.json`. */
export const SCHEMA_BASE_URI = 'https://schemas.relapsewatch.cn';

/** Reverse-DNS prefix of every integration event type (CloudEvents `type`). */
export const EVENT_TYPE_PREFIX = 'cn.relapsewatch.';

/** Shape of every event type: `cn.relapsewatch.<context>.<EventName>.v<N>`. */
export const EVENT_TYPE_PATTERN = /^cn\.relapsewatch\.[a-z-]+\.[A-Za-z]+\.v[0-9]+$/;

/**
 * The Kafka message key of a contract's messages, which is also the CloudEvents `subject` unless
 * the contract names a subject of its own (same shape: what it is, its pattern, an example).
 */
export interface ContractKey {
  /** What the key is, e.g. the household id. */
  readonly description: LocalizedText;
  /** Regular expression every key matches, when narrower than "a non-empty string". */
  readonly pattern?: string;
  /** A key as the fixture's message would carry it. */
  readonly example: string;
}

/**
 * One integration event contract: the public, versioned shape of an event a context
 * publishes (STYLE.md shape 6). Structurally it also satisfies messaging-core's
 * `IntegrationEventContract` (`context`, `event`, `version`, `dataschema`), so the relay's
 * `integrationMessage(storedEvent, contract, data)` takes it as it is.
 */
export interface EventContract<Data = unknown> {
  /** Publishing bounded context, one lower-case word: `registry`. */
  readonly context: string;
  /** PascalCase event name, aggregate first, past tense: `HouseholdRegistered`. */
  readonly event: string;
  /** Contract version; a breaking change to `data` is a new version (a new contract). */
  readonly version: number;
  /** CloudEvents `type`: `cn.relapsewatch.<context>.<event>.v<version>`. */
  readonly type: string;
  /** Kafka topic the event is published on. */
  readonly topic: string;
  /** CloudEvents `dataschema`: the `$id` of {@link schema}. */
  readonly dataschema: string;
  /** The message key: events with one key stay in order. */
  readonly key: ContractKey;
  /** The CloudEvents `subject`: the key itself, unless the contract's definition named another. */
  readonly subject: ContractKey;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** True when `data` has a top-level `personal` object (the only place personal data may be). */
  readonly containsPersonalData: boolean;
  /** JSON Schema (draft 2020-12) of the CloudEvents `data`; closed (`additionalProperties: false`). */
  readonly schema: JsonSchema;
  /** A realistic, valid `data` example; tests validate it against {@link schema}. */
  readonly fixture: Data;
}

/** What {@link defineContract} needs; the rest of the contract is derived from it. */
export interface ContractDefinition<Data> {
  readonly context: string;
  readonly event: string;
  readonly version: number;
  /** kebab-case name used in the schema URI, e.g. `household-registered`. */
  readonly schemaName: string;
  readonly topic: string;
  readonly key: ContractKey;
  /**
   * The CloudEvents `subject` when it is not the key: the assistance service keys by household (a
   * household's cases in order) and names the case as the subject. Default: the key.
   */
  readonly subject?: ContractKey;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /**
   * Schemas of the properties of `data`, in document order. Every property is required;
   * an optional fact is a required property that may be null, so "absent" never means two things.
   */
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly fixture: Data;
}

/** The CloudEvents `type` of an event contract. */
export function contractType(context: string, event: string, version: number): string {
  return `${EVENT_TYPE_PREFIX}${context}.${event}.v${version}`;
}

/** Builds an {@link EventContract}: type, dataschema URI and the closed JSON Schema of `data`. */
export function defineContract<Data>(definition: ContractDefinition<Data>): EventContract<Data> {
  const {
    context,
    event,
    version,
    schemaName,
    topic,
    key,
    subject = key,
    title,
    summary,
    properties,
    fixture,
  } = definition;
  const dataschema = `${SCHEMA_BASE_URI}/${context}/${schemaName}/v${version}.json`;
  const containsPersonalData = 'personal' in properties;
  const privacy = containsPersonalData
    ? ' 个人信息只以引用和加盐哈希出现在顶层 `personal` 对象中。 / Personal data appears only as a reference and salted hashes, in the top-level `personal` object.'
    : ' 不含个人信息。 / Carries no personal data.';
  const schema: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: dataschema,
    title: `${title['zh-CN']} · ${title.en} (v${version})`,
    description: `${summary['zh-CN']} / ${summary.en}${privacy}`,
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
  return {
    context,
    event,
    version,
    type: contractType(context, event, version),
    topic,
    dataschema,
    key,
    subject,
    title,
    summary,
    containsPersonalData,
    schema,
    fixture,
  };
}
