import { CloudEvent, ValidationError } from 'cloudevents';
import { InvalidCloudEvent } from './errors';
import { eventSource, parseEventType } from './event-type';

/** `datacontenttype` of every integration event: the data is a JSON value. */
export const DATA_CONTENT_TYPE = 'application/json';

/**
 * `content-type` header of a structured-mode CloudEvent on Kafka (CloudEvents Kafka
 * binding, section 3.3): the whole event, attributes and data, is the message value.
 */
export const CLOUDEVENTS_JSON_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * An integration event as other systems receive it: a CloudEvents 1.0 event in structured
 * JSON mode, with the attributes our contracts make mandatory and our three extensions.
 * Attributes the sender added beyond these are kept on the object (tolerant reader).
 */
export interface IntegrationEventEnvelope<Data = unknown> {
  readonly specversion: '1.0';
  /** Unique per event; the relay uses the stored event's id, so a re-send keeps it (consumers dedupe on it). */
  readonly id: string;
  /** URI reference of the publishing context, `/relapse-watch/<context>`. */
  readonly source: string;
  /** `cn.relapsewatch.<context>.<Event>.v<N>`, see {@link parseEventType}. */
  readonly type: string;
  /** Id of the aggregate the event is about (household, monitoring case). */
  readonly subject: string;
  /** When the fact happened, RFC 3339 in UTC with milliseconds. */
  readonly time: string;
  readonly datacontenttype: typeof DATA_CONTENT_TYPE;
  /** Absolute URI of the JSON Schema of `data` (published by libs/contracts). */
  readonly dataschema: string;
  /** Shared by every message caused, directly or not, by one user request. */
  readonly correlationid: string;
  /** Id of the command or event that caused this one; absent for a user's own request. */
  readonly causationid?: string;
  /** 12-digit statistical division code of the tenant the event belongs to. */
  readonly divisioncode: string;
  readonly data: Data;
}

/** What {@link toCloudEvent} needs, in our own naming. */
export interface IntegrationEventInit<Data = unknown> {
  readonly id: string;
  /** Build it with {@link eventType}. */
  readonly type: string;
  /** Default: `/relapse-watch/<context of type>`. */
  readonly source?: string;
  readonly subject: string;
  readonly time: string | Date;
  readonly dataschema: string;
  readonly data: Data;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly divisionCode: string;
}

const REQUIRED_STRINGS = [
  'id',
  'type',
  'source',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
  'correlationid',
  'divisioncode',
] as const;
const DIVISION_CODE = /^[0-9]{12}$/;

function invalid(field: string, message: string): InvalidCloudEvent {
  return new InvalidCloudEvent('cloudevent.invalid', field, message);
}

/** The attribute an SDK validation error is about; its messages never carry attribute values. */
function fromSdkError(error: unknown): InvalidCloudEvent {
  if (error instanceof ValidationError) {
    const first = Array.isArray(error.errors) ? error.errors[0] : undefined;
    if (first && typeof first === 'object' && 'instancePath' in first) {
      const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = first.instancePath ? first.instancePath.slice(1).split('/')[0] : (missing ?? '$');
      return invalid(field, `CloudEvent attribute "${field}" ${first.message ?? 'is invalid'}`);
    }
    const name = /(?:name: "?)([^"\s]+)/.exec(error.message)?.[1];
    if (name) return invalid(name, `CloudEvent attribute name "${name}" is not lower-case letters and digits`);
  }
  return invalid('$', 'The CloudEvent does not conform to CloudEvents 1.0');
}

/** The attributes the fast path knows; any other attribute sends a candidate through the SDK. */
const KNOWN_ATTRIBUTES = new Set([...REQUIRED_STRINGS, 'specversion', 'causationid', 'data']);
/** The SDK's order of the context attributes in its JSON (`CloudEvent#toJSON`), data last. */
const SDK_ORDERED = new Set<string>([
  'id',
  'time',
  'type',
  'source',
  'specversion',
  'datacontenttype',
  'subject',
  'dataschema',
  'data',
]);
/** RFC 3339 exactly as `Date#toISOString` writes it (UTC, milliseconds). */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** `dataschema`s the SDK accepted, by `source`; a contract has one pair, so this stays small. */
const acceptedUris = new Map<string, Set<string>>();
let acceptedPairs = 0;
const ACCEPTED_PAIRS_LIMIT = 1_000;

/**
 * Whether the SDK accepts this `source` (URI reference) and `dataschema` (absolute URI): asked
 * once per distinct pair with a minimal event, then remembered, so the SDK's URI patterns do
 * not run per event.
 */
function sdkAcceptsUris(source: string, dataschema: string): boolean {
  if (acceptedUris.get(source)?.has(dataschema)) return true;
  try {
    new CloudEvent({ specversion: '1.0', id: 'x', type: 'x', source, dataschema }, true);
  } catch {
    return false;
  }
  if (acceptedPairs >= ACCEPTED_PAIRS_LIMIT) {
    acceptedUris.clear();
    acceptedPairs = 0;
  }
  let schemas = acceptedUris.get(source);
  if (!schemas) acceptedUris.set(source, (schemas = new Set()));
  schemas.add(dataschema);
  acceptedPairs++;
  return true;
}

/**
 * The SDK's result without the SDK, for the candidates where it is certain to agree: only
 * known attributes (all strings, checked by the profile), a time already in canonical form
 * (round-tripping through `Date` proves it a valid RFC 3339 date-time), and a source and
 * dataschema pair the SDK accepted before. Returns null for anything else, which then goes
 * through the SDK. The object has the SDK's attribute order, so the JSON is byte for byte
 * what the SDK path produces (the spec checks both paths agree).
 */
function fastNormalise(candidate: Record<string, unknown>): IntegrationEventEnvelope | null {
  const keys = Object.keys(candidate);
  for (const key of keys) if (!KNOWN_ATTRIBUTES.has(key)) return null;
  const data = candidate.data;
  const dataType = typeof data;
  if (dataType !== 'object' && dataType !== 'string' && dataType !== 'number' && dataType !== 'boolean') return null;
  const time = candidate.time as string;
  if (!isCanonicalTime(time)) return null;
  if (!sdkAcceptsUris(candidate.source as string, candidate.dataschema as string)) return null;
  const normalised: Record<string, unknown> = {
    id: candidate.id,
    time,
    type: candidate.type,
    source: candidate.source,
    specversion: candidate.specversion,
    datacontenttype: candidate.datacontenttype,
    subject: candidate.subject,
    dataschema: candidate.dataschema,
    data,
  };
  // Extensions follow in the candidate's own order, as the SDK copies them.
  for (const key of keys) if (!SDK_ORDERED.has(key) && candidate[key] !== undefined) normalised[key] = candidate[key];
  return normalised as unknown as IntegrationEventEnvelope;
}

/** The last time {@link isCanonicalTime} accepted: one command's events share their time. */
let lastCanonicalTime = '';

/** RFC 3339 in `toISOString` form, proven by the round trip through `Date` (rejects 2024-02-30). */
function isCanonicalTime(time: string): boolean {
  if (time === lastCanonicalTime) return true;
  if (!CANONICAL_TIME.test(time)) return false;
  const millis = Date.parse(time);
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== time) return false;
  lastCanonicalTime = time;
  return true;
}

/** The SDK's validation (`new CloudEvent(candidate, true)`) and its JSON form. */
function sdkNormalise(candidate: Record<string, unknown>): IntegrationEventEnvelope {
  let event: CloudEvent<unknown>;
  try {
    event = new CloudEvent<unknown>(candidate, true);
  } catch (error) {
    throw fromSdkError(error);
  }
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.toJSON())) if (value !== undefined) normalised[key] = value;
  return normalised as unknown as IntegrationEventEnvelope;
}

/**
 * Validates a candidate envelope against CloudEvents 1.0 and our profile of it, and returns
 * it normalised (time in UTC with milliseconds). The profile checks run first: the SDK would
 * otherwise invent a missing `id` or `time`. Then the SDK's `validate()` — or, for the
 * common case where its answer is certain ({@link fastNormalise}), the same result without
 * its per-event schema run.
 */
function checkEnvelope(candidate: Record<string, unknown>): IntegrationEventEnvelope {
  if (candidate.specversion !== '1.0') throw invalid('specversion', 'specversion must be "1.0"');
  for (const field of REQUIRED_STRINGS) {
    const value = candidate[field];
    if (typeof value !== 'string' || value.length === 0)
      throw invalid(field, `CloudEvent attribute "${field}" is required, a non-empty string`);
    if (field === 'type') {
      try {
        parseEventType(value);
      } catch {
        throw invalid('type', 'type must be cn.relapsewatch.<context>.<Event>.v<N>');
      }
    }
  }
  if (candidate.datacontenttype !== DATA_CONTENT_TYPE)
    throw invalid('datacontenttype', `datacontenttype must be ${DATA_CONTENT_TYPE}`);
  if (!DIVISION_CODE.test(candidate.divisioncode as string))
    throw invalid('divisioncode', 'divisioncode must be a 12-digit division code');
  if (
    candidate.causationid !== undefined &&
    (typeof candidate.causationid !== 'string' || candidate.causationid.length === 0)
  ) {
    throw invalid('causationid', 'causationid, when present, is a non-empty string');
  }
  if (candidate.data === undefined) throw invalid('data', 'An integration event carries JSON data');
  if (candidate.data_base64 !== undefined || ArrayBuffer.isView(candidate.data))
    throw invalid('data', 'Binary data is not allowed with datacontenttype application/json');
  return fastNormalise(candidate) ?? sdkNormalise(candidate);
}

/** JSON of an envelope that {@link checkEnvelope} produced (so already valid). */
function envelopeJson(checked: IntegrationEventEnvelope): string {
  try {
    return JSON.stringify(checked);
  } catch {
    throw invalid('data', 'data is not serialisable as JSON');
  }
}

/**
 * Builds a validated integration event.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid` with the failing attribute as `field`.
 */
export function toCloudEvent<Data>(init: IntegrationEventInit<Data>): IntegrationEventEnvelope<Data> {
  if (typeof init !== 'object' || init === null) throw invalid('$', 'toCloudEvent needs an object');
  let source = init.source;
  if (source === undefined) {
    try {
      source = eventSource(parseEventType(init.type).context);
    } catch {
      // Left undefined: checkEnvelope reports the malformed type itself.
    }
  }
  let time: unknown = init.time;
  if (time instanceof Date) {
    if (Number.isNaN(time.getTime())) throw invalid('time', 'time is an invalid Date');
    time = time.toISOString();
  }
  const candidate: Record<string, unknown> = {
    specversion: '1.0',
    id: init.id,
    type: init.type,
    source,
    subject: init.subject,
    time,
    datacontenttype: DATA_CONTENT_TYPE,
    dataschema: init.dataschema,
    correlationid: init.correlationId,
    divisioncode: init.divisionCode,
    data: init.data,
  };
  if (init.causationId !== undefined && init.causationId !== null) candidate.causationid = init.causationId;
  return checkEnvelope(candidate) as IntegrationEventEnvelope<Data>;
}

/**
 * The structured-mode JSON of an envelope (the Kafka message value), validated again so a
 * hand-built envelope cannot slip through.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid` with the failing attribute as `field`.
 */
export function serializeCloudEvent(envelope: IntegrationEventEnvelope): string {
  if (typeof envelope !== 'object' || envelope === null)
    throw invalid('$', 'serializeCloudEvent needs an envelope object');
  return envelopeJson(checkEnvelope({ ...envelope }));
}

/**
 * {@link toCloudEvent} and its structured-mode JSON in one step, validating once (where
 * `serializeCloudEvent(toCloudEvent(init))` validates the same envelope twice).
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid` with the failing attribute as `field`.
 */
export function cloudEventJson<Data>(init: IntegrationEventInit<Data>): {
  envelope: IntegrationEventEnvelope<Data>;
  json: string;
} {
  const envelope = toCloudEvent(init);
  return { envelope, json: envelopeJson(envelope) };
}

/**
 * Parses and validates a structured-mode CloudEvent received from the bus.
 * @throws {@link InvalidCloudEvent} `cloudevent.malformed-json` (field `$`) when the value is
 * not JSON; `cloudevent.invalid` with the failing attribute as `field` otherwise.
 */
export function parseCloudEvent<Data = unknown>(json: string | Buffer): IntegrationEventEnvelope<Data> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof json === 'string' ? json : Buffer.from(json).toString('utf8'));
  } catch {
    throw new InvalidCloudEvent('cloudevent.malformed-json', '$', 'The message value is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid('$', 'A structured CloudEvent is a JSON object');
  return checkEnvelope(parsed as Record<string, unknown>) as IntegrationEventEnvelope<Data>;
}
