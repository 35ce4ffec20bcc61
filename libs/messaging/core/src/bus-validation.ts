import type { BusMessage, SubscribeOptions } from './bus.port';
import { InvalidBusRequest } from './errors';

// Kafka's own rule for topic names, so a name that works in-process works on Kafka too.
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const MAX_GROUP_LENGTH = 255;
/** Upper bound on `maxAttempts`: more retries than this only delay the dead letter. */
export const MAX_ATTEMPTS_LIMIT = 100;

/**
 * Checks a topic name against Kafka's rules (1–249 of `[A-Za-z0-9._-]`, not `.` or `..`).
 * @throws {@link InvalidBusRequest} `bus.invalid-topic`.
 */
export function assertValidTopic(topic: unknown, field = 'topic'): asserts topic is string {
  if (typeof topic !== 'string' || !TOPIC.test(topic) || topic === '.' || topic === '..') {
    throw new InvalidBusRequest(
      'bus.invalid-topic',
      field,
      'A topic name is 1-249 characters of letters, digits, ".", "_" and "-"',
    );
  }
}

/**
 * Checks a publish call as a whole, before anything is written, so a bad message never
 * leaves a partial batch behind.
 * @throws {@link InvalidBusRequest} `bus.invalid-topic` or `bus.invalid-message` (field e.g. `messages[3].key`).
 */
export function assertValidPublish(topic: unknown, messages: unknown): asserts messages is readonly BusMessage[] {
  assertValidTopic(topic);
  if (!Array.isArray(messages))
    throw new InvalidBusRequest('bus.invalid-message', 'messages', 'messages must be an array');
  messages.forEach((message: unknown, i) => {
    const at = `messages[${i}]`;
    if (typeof message !== 'object' || message === null)
      throw new InvalidBusRequest('bus.invalid-message', at, 'A message is an object');
    const { key, value, headers } = message as Record<string, unknown>;
    if (typeof key !== 'string' || key.length === 0)
      throw new InvalidBusRequest('bus.invalid-message', `${at}.key`, 'A message key is a non-empty string');
    if (typeof value !== 'string')
      throw new InvalidBusRequest('bus.invalid-message', `${at}.value`, 'A message value is a string');
    if (headers === undefined) return;
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
      throw new InvalidBusRequest('bus.invalid-message', `${at}.headers`, 'Message headers are an object of strings');
    }
    for (const [name, headerValue] of Object.entries(headers)) {
      if (name.length === 0 || typeof headerValue !== 'string') {
        throw new InvalidBusRequest(
          'bus.invalid-message',
          `${at}.headers`,
          'Message headers are non-empty names with string values',
        );
      }
    }
  });
}

/**
 * Checks subscribe options.
 * @throws {@link InvalidBusRequest} `bus.invalid-topic` or `bus.invalid-subscription` naming the option.
 */
export function assertValidSubscribe(options: unknown): asserts options is SubscribeOptions {
  if (typeof options !== 'object' || options === null)
    throw new InvalidBusRequest('bus.invalid-subscription', '$', 'subscribe needs an options object');
  const { topic, group, handler, maxAttempts, retryDelayMs } = options as Record<string, unknown>;
  assertValidTopic(topic);
  if (typeof group !== 'string' || group.length === 0 || group.length > MAX_GROUP_LENGTH) {
    throw new InvalidBusRequest(
      'bus.invalid-subscription',
      'group',
      `A group is a non-empty string of at most ${MAX_GROUP_LENGTH} characters`,
    );
  }
  if (typeof handler !== 'function')
    throw new InvalidBusRequest('bus.invalid-subscription', 'handler', 'handler must be a function');
  if (
    maxAttempts !== undefined &&
    (!Number.isSafeInteger(maxAttempts) || (maxAttempts as number) < 1 || (maxAttempts as number) > MAX_ATTEMPTS_LIMIT)
  ) {
    throw new InvalidBusRequest(
      'bus.invalid-subscription',
      'maxAttempts',
      `maxAttempts is a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`,
    );
  }
  if (
    retryDelayMs !== undefined &&
    (typeof retryDelayMs !== 'number' || !Number.isFinite(retryDelayMs) || retryDelayMs < 0)
  ) {
    throw new InvalidBusRequest(
      'bus.invalid-subscription',
      'retryDelayMs',
      'retryDelayMs is a finite number of milliseconds, 0 or more',
    );
  }
}
