import { InvalidBusRequest } from './errors';
import { assertContextName } from './event-type';

/** Suffix of a dead-letter topic: messages that failed every attempt on `<topic>` go to `<topic>.dlq`. */
export const DEAD_LETTER_SUFFIX = '.dlq';

/**
 * The topic a context publishes its integration events on: `relapsewatch.<context>.events.v<N>`.
 * The topic version changes only if the topic's keying or partitioning contract changes;
 * event versions live in the CloudEvent `type`.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid-type` for a malformed context.
 * @throws {@link InvalidBusRequest} `bus.invalid-topic` for a version that is not a whole number from 1.
 */
export function eventsTopic(context: string, topicVersion = 1): string {
  assertContextName(context);
  if (!Number.isSafeInteger(topicVersion) || topicVersion < 1) {
    throw new InvalidBusRequest('bus.invalid-topic', 'topicVersion', 'A topic version is a whole number from 1');
  }
  return `relapsewatch.${context}.events.v${topicVersion}`;
}

/** The dead-letter topic of `topic`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/** True when `topic` is a dead-letter topic. */
export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DEAD_LETTER_SUFFIX);
}
