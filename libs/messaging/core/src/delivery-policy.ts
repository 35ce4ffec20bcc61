import type { BusMessage, MessageHandler, ReceivedMessage } from './bus.port';

/** Default {@link SubscribeOptions.maxAttempts}. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Default {@link SubscribeOptions.retryDelayMs}. */
export const DEFAULT_RETRY_DELAY_MS = 100;
/** Cap on the wait between two attempts, however many failures came before. */
export const MAX_RETRY_DELAY_MS = 30_000;
/** Longest `x-error-message` kept; Kafka headers are not the place for stack dumps. */
export const MAX_ERROR_MESSAGE_LENGTH = 1_000;

/** Headers a dead-lettered message carries on top of its own. */
export const DEAD_LETTER_HEADERS = {
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  errorMessage: 'x-error-message',
  attempts: 'x-attempts',
} as const;

/** How a delivery ended. `abandoned`: the subscription closed first; the message stays unconsumed. */
export type DeliveryOutcome = 'handled' | 'dead-lettered' | 'abandoned';

/** The wait after failed attempt number `attempt` (1-based): exponential, capped. */
export function retryDelay(attempt: number, baseDelayMs: number): number {
  return Math.min(baseDelayMs * 2 ** Math.max(0, attempt - 1), MAX_RETRY_DELAY_MS);
}

/** Waits `ms`, or less if `signal` aborts; resolves false when aborted. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve(!signal.aborted);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The error's message, shortened; the handler's stack stays in its own logs. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_MESSAGE_LENGTH ? `${text.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…` : text;
}

/** The copy of `message` that goes to the dead-letter topic after `attempts` failed attempts. */
export function deadLetterMessage(message: ReceivedMessage, error: unknown, attempts: number): BusMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
      [DEAD_LETTER_HEADERS.errorMessage]: describeError(error),
      [DEAD_LETTER_HEADERS.attempts]: String(attempts),
    },
  };
}

/** Inputs of {@link deliverWithRetries}. */
export interface DeliveryRequest {
  /** The message as fetched; `attempt` is filled in per attempt. */
  readonly message: Omit<ReceivedMessage, 'attempt'>;
  readonly handler: MessageHandler;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** Aborted when the subscription closes: no further attempt starts. */
  readonly signal: AbortSignal;
  /** Publishes to the dead-letter topic; must resolve only once the bus accepted the message. */
  readonly deadLetter: (message: BusMessage) => Promise<void>;
}

/**
 * The retry-then-dead-letter policy of the Bus port, shared by its adapters: runs the
 * handler until it succeeds or `maxAttempts` failed, then publishes the dead letter
 * (retrying that publish until it is accepted, since moving on without it would lose the
 * message). A closing subscription abandons the message between attempts.
 */
export async function deliverWithRetries(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const { message, handler, maxAttempts, retryDelayMs, signal } = request;
  let failure: unknown;
  let attempt = 1;
  for (; ; attempt++) {
    try {
      await handler({ ...message, headers: { ...message.headers }, attempt });
      return 'handled';
    } catch (error) {
      failure = error;
    }
    if (attempt >= maxAttempts) break;
    if (!(await abortableSleep(retryDelay(attempt, retryDelayMs), signal))) return 'abandoned';
  }
  const letter = deadLetterMessage({ ...message, attempt }, failure, attempt);
  for (let publishAttempt = 1; ; publishAttempt++) {
    try {
      await request.deadLetter(letter);
      return 'dead-lettered';
    } catch {
      if (!(await abortableSleep(retryDelay(publishAttempt, retryDelayMs), signal))) return 'abandoned';
    }
  }
}
