import { randomUUID } from 'node:crypto';
import type { ReceivedMessage } from '@relapse-watch/messaging-core';

/** Longest a conformance case waits for a condition; below Jest's 60 s so failures say what was awaited. */
export const CONDITION_TIMEOUT_MS = 30_000;

/** A topic name no other test uses (valid on Kafka too). */
export function uniqueTopic(prefix: string): string {
  return `conformance.${prefix}.${randomUUID()}`;
}

/** A consumer group name no other test uses. */
export function uniqueGroup(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every few ms until it holds; fails with `description` after
 * {@link CONDITION_TIMEOUT_MS} instead of leaving Jest to time out silently.
 */
export async function waitFor(
  description: string,
  condition: () => boolean,
  timeoutMs = CONDITION_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${description}`);
    await sleep(5);
  }
}

/** Collects what a handler receives. */
export class Received {
  readonly messages: ReceivedMessage[] = [];

  /** A handler that records every delivery. */
  readonly handler = async (message: ReceivedMessage): Promise<void> => {
    this.messages.push(message);
  };

  /** The received values, in arrival order. */
  values(): string[] {
    return this.messages.map((m) => m.value);
  }

  /** Waits until `count` messages arrived. */
  async atLeast(count: number): Promise<void> {
    await waitFor(`${count} messages (got ${this.messages.length})`, () => this.messages.length >= count);
  }
}
