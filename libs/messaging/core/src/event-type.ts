import { InvalidCloudEvent } from './errors';

/** The parts of an integration event type `cn.relapsewatch.<context>.<event>.v<N>`. */
export interface EventTypeParts {
  /** Bounded context that publishes the event, one lower-case word: `registry`, `inspection`. */
  readonly context: string;
  /** Event name in PascalCase, past tense, aggregate first: `HouseholdRegistered`. */
  readonly event: string;
  /** Contract version, from 1; a breaking change to the data is a new version. */
  readonly version: number;
}

/** Reverse-DNS prefix of every integration event type we publish. */
export const EVENT_TYPE_PREFIX = 'cn.relapsewatch.';

// One word for the context keeps stream ids (`<context>-<aggregate>-<id>`), event types and
// topic names (`relapsewatch.<context>.events.v1`) splittable without ambiguity.
const CONTEXT = /^[a-z][a-z0-9]{0,39}$/;
const EVENT = /^[A-Z][A-Za-z0-9]{0,99}$/;
const EVENT_TYPE = /^cn\.relapsewatch\.([a-z][a-z0-9]{0,39})\.([A-Z][A-Za-z0-9]{0,99})\.v([1-9][0-9]{0,5})$/;

function invalidType(field: string, message: string): InvalidCloudEvent {
  return new InvalidCloudEvent('cloudevent.invalid-type', field, message);
}

/**
 * Checks a context name.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid-type` on field `context`.
 */
export function assertContextName(context: unknown): asserts context is string {
  if (typeof context !== 'string' || !CONTEXT.test(context)) {
    throw invalidType('context', 'A context name is one lower-case word of letters and digits, e.g. "registry"');
  }
}

/**
 * Builds `cn.relapsewatch.<context>.<event>.v<version>`.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid-type` naming the part at fault.
 */
export function eventType(parts: EventTypeParts): string {
  assertContextName(parts.context);
  if (typeof parts.event !== 'string' || !EVENT.test(parts.event)) {
    throw invalidType('event', 'An event name is PascalCase letters and digits, e.g. "HouseholdRegistered"');
  }
  if (!Number.isSafeInteger(parts.version) || parts.version < 1 || parts.version > 999_999) {
    throw invalidType('version', 'An event version is a whole number from 1');
  }
  return `${EVENT_TYPE_PREFIX}${parts.context}.${parts.event}.v${parts.version}`;
}

/**
 * Splits an integration event type into its parts.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid-type` on field `type` when the type
 * is not exactly `cn.relapsewatch.<context>.<event>.v<N>`.
 */
export function parseEventType(type: unknown): EventTypeParts {
  const match = typeof type === 'string' ? EVENT_TYPE.exec(type) : null;
  if (!match) {
    throw invalidType('type', 'An integration event type is cn.relapsewatch.<context>.<Event>.v<N>');
  }
  return { context: match[1], event: match[2], version: Number(match[3]) };
}

/** The CloudEvents `source` of everything a context publishes: `/relapse-watch/<context>`. */
export function eventSource(context: string): string {
  assertContextName(context);
  return `/relapse-watch/${context}`;
}
