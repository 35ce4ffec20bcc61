import { InvalidAppend } from './errors';
import { findJsonProblem, isPlainObject } from './json-value';
import type { AppendOptions, ExpectedRevision, NewEvent, StreamAppend } from './types';

/** Longest stream id accepted: `<context>-<aggregate>-<id>` fits with room to spare. */
export const MAX_STREAM_ID_LENGTH = 200;
/** Longest event type accepted. */
export const MAX_EVENT_TYPE_LENGTH = 200;
/** Largest serialised `data` + `metadata` of one event. */
export const MAX_EVENT_BYTES = 8 * 1024 * 1024;
/** Most events in one append. */
export const MAX_EVENTS_PER_APPEND = 10_000;
/** Most appends in one multi-stream append. */
export const MAX_APPENDS_PER_REQUEST = 10_000;
/** Most events in one multi-stream append, all appends together. */
export const MAX_EVENTS_PER_REQUEST = 50_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Stream ids are printable: no control characters, so they log and index safely.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An event checked and serialised once, ready for any adapter to write. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** A checked append: what every adapter writes. */
export interface PreparedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

/**
 * Validates and serialises an append. Shared by every adapter so they all reject the same
 * input with the same codes, before touching storage.
 * @throws {@link InvalidAppend}
 */
export function prepareAppend(streamId: unknown, events: unknown, options?: AppendOptions): PreparedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppend('stream-id.empty', 'streamId', 'Stream id must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppend(
      'stream-id.too-long',
      'streamId',
      `Stream id longer than ${MAX_STREAM_ID_LENGTH} characters`,
    );
  }
  if (CONTROL.test(streamId)) {
    throw new InvalidAppend('stream-id.invalid', 'streamId', 'Stream id contains control characters');
  }
  const expectedRevision = checkExpectedRevision(options?.expectedRevision ?? 'any');
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppend('events.empty', 'events', 'An append needs at least one event');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppend('events.too-many', 'events', `At most ${MAX_EVENTS_PER_APPEND} events per append`);
  }
  const seen = new Set<string>();
  // Events of one command usually share one metadata object: check and serialise it once.
  const metadataJsonOf = new Map<unknown, string>();
  const prepared = events.map((event: unknown, i): PreparedEvent => {
    const at = `events[${i}]`;
    if (!isPlainObject(event)) throw new InvalidAppend('event.invalid', at, 'An event must be an object');
    const e = event as Partial<NewEvent>;
    if (typeof e.id !== 'string' || !UUID.test(e.id)) {
      throw new InvalidAppend('event.id.invalid', `${at}.id`, 'Event id must be a lower-case UUID');
    }
    if (seen.has(e.id)) throw new InvalidAppend('event.id.repeated', `${at}.id`, 'Event id repeated in one append');
    seen.add(e.id);
    if (typeof e.type !== 'string' || e.type.length === 0) {
      throw new InvalidAppend('event.type.missing', `${at}.type`, 'Event type must be a non-empty string');
    }
    if (e.type.length > MAX_EVENT_TYPE_LENGTH || CONTROL.test(e.type)) {
      throw new InvalidAppend('event.type.invalid', `${at}.type`, 'Event type is too long or has control characters');
    }
    const schemaVersion = e.schemaVersion ?? 1;
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidAppend(
        'event.schema-version.invalid',
        `${at}.schemaVersion`,
        'Schema version must be an integer ≥ 1',
      );
    }
    const dataJson = serialised(e.data, `${at}.data`);
    let metadataJson = metadataJsonOf.get(e.metadata);
    if (metadataJson === undefined) {
      metadataJson = checkedMetadataJson(e.metadata, `${at}.metadata`);
      metadataJsonOf.set(e.metadata, metadataJson);
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when it could matter.
    const units = dataJson.length + metadataJson.length;
    if (
      units * 3 > MAX_EVENT_BYTES &&
      Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson) > MAX_EVENT_BYTES
    ) {
      throw new InvalidAppend('event.too-large', at, `Event larger than ${MAX_EVENT_BYTES} bytes`);
    }
    return { id: e.id, type: e.type, schemaVersion, dataJson, metadataJson };
  });
  return { streamId, expectedRevision, events: prepared };
}

/**
 * Validates and serialises the appends of a multi-stream append: each as {@link prepareAppend}
 * does, with `field` naming the append (`appends[2].events[0].id`).
 * @throws {@link InvalidAppend}
 */
export function prepareAppends(appends: unknown): PreparedAppend[] {
  if (!Array.isArray(appends) || appends.length === 0) {
    throw new InvalidAppend('appends.empty', 'appends', 'A multi-stream append needs at least one append');
  }
  if (appends.length > MAX_APPENDS_PER_REQUEST) {
    throw new InvalidAppend('appends.too-many', 'appends', `At most ${MAX_APPENDS_PER_REQUEST} appends per request`);
  }
  let events = 0;
  return appends.map((append: unknown, i): PreparedAppend => {
    const at = `appends[${i}]`;
    if (!isPlainObject(append)) throw new InvalidAppend('append.invalid', at, 'An append must be an object');
    const a = append as Partial<StreamAppend>;
    if (a.options !== undefined && !isPlainObject(a.options))
      throw new InvalidAppend('append.options.invalid', `${at}.options`, 'Append options must be an object');
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppend(a.streamId, a.events, a.options);
    } catch (error) {
      if (!(error instanceof InvalidAppend)) throw error;
      throw new InvalidAppend(error.code, `${at}.${error.field}`, `${at}: ${error.message}`);
    }
    events += prepared.events.length;
    if (events > MAX_EVENTS_PER_REQUEST) {
      throw new InvalidAppend(
        'appends.too-many-events',
        'appends',
        `At most ${MAX_EVENTS_PER_REQUEST} events per multi-stream append`,
      );
    }
    return prepared;
  });
}

function checkExpectedRevision(value: unknown): ExpectedRevision {
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidAppend(
    'expected-revision.invalid',
    'expectedRevision',
    "Expected revision must be 'any', 'no_stream', 'stream_exists' or an integer ≥ 0",
  );
}

function checkedMetadataJson(metadata: unknown, at: string): string {
  if (!isPlainObject(metadata))
    throw new InvalidAppend('event.metadata.missing', at, 'Event metadata must be an object');
  const m = metadata as Record<string, unknown>;
  const actor = m['actor'] as Record<string, unknown> | undefined;
  if (!isPlainObject(actor) || typeof actor['userId'] !== 'string' || typeof actor['role'] !== 'string') {
    throw new InvalidAppend('event.metadata.actor.invalid', `${at}.actor`, 'Metadata needs actor { userId, role }');
  }
  for (const key of ['divisionCode', 'correlationId', 'occurredAt'] as const) {
    if (typeof m[key] !== 'string' || (m[key] as string).length === 0) {
      throw new InvalidAppend(`event.metadata.${kebab(key)}.missing`, `${at}.${key}`, `Metadata needs ${key}`);
    }
  }
  if (m['causationId'] !== null && typeof m['causationId'] !== 'string') {
    throw new InvalidAppend(
      'event.metadata.causation-id.invalid',
      `${at}.causationId`,
      'causationId must be a string or null',
    );
  }
  return serialised(metadata, at);
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The JSON of a value that survives the round trip unchanged; anything else is refused with the
 * path at fault. Serialised first: a value JSON.stringify takes has no cycle, so the check that
 * follows need not track them (a cycle or a bigint makes it throw, and the full check names it).
 */
function serialised(value: unknown, at: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  const problem = findJsonProblem(value, at, undefined, { acyclic: json !== undefined });
  if (problem)
    throw new InvalidAppend(
      'event.not-json',
      problem.path,
      `Not JSON-serialisable: ${problem.what} at ${problem.path}`,
    );
  return json as string;
}
