import { eventsTopic, parseEventType } from '@relapse-watch/messaging-core';

/** An `@EventPattern` that {@link BusTransportStrategy} cannot route. */
export class InvalidEventPattern extends Error {
  readonly code = 'transport.invalid-pattern';
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`@EventPattern('${pattern}') cannot be served over the bus: ${reason}`);
    this.name = 'InvalidEventPattern';
  }
}

/** A pattern the strategy serves, as Nest registered it. */
export interface RegisteredPattern {
  readonly pattern: string;
  /** False for `@MessagePattern` (request-response), which a bus of events cannot answer. */
  readonly isEventHandler: boolean;
}

/**
 * Groups the handlers' patterns by the topic that carries them. A pattern is an integration
 * event type, `cn.relapsewatch.<context>.<Event>.v<N>`, and the context names the topic
 * (`relapsewatch.<context>.events.v1`): handlers name what they consume, never where it
 * travels, so a topic change stays in one place.
 * @throws {@link InvalidEventPattern} for a request-response handler or a pattern that is
 * not an event type — at start-up, rather than a handler that silently never runs.
 */
export function topicsOfPatterns(patterns: readonly RegisteredPattern[]): Map<string, Set<string>> {
  const byTopic = new Map<string, Set<string>>();
  for (const { pattern, isEventHandler } of patterns) {
    if (!isEventHandler)
      throw new InvalidEventPattern(pattern, 'the bus carries events only; use @EventPattern, not @MessagePattern');
    let context: string;
    try {
      context = parseEventType(pattern).context;
    } catch {
      throw new InvalidEventPattern(
        pattern,
        'a pattern is an integration event type, cn.relapsewatch.<context>.<Event>.v<N>',
      );
    }
    const topic = eventsTopic(context);
    const types = byTopic.get(topic) ?? new Set<string>();
    types.add(pattern);
    byTopic.set(topic, types);
  }
  return byTopic;
}
